import { _ } from './cloud';
import { COLL } from './collections';
import { insert, isDuplicateKey, updateWhere } from './db-helpers';

/**
 * Takes one unit of a daily allowance (campaign attempts, suggestions, help requests) if any is left: a
 * conditional increment, so two requests at the same moment cannot both take the last one.
 */
export async function takeQuota(id: string, cap: number, day: string, kind?: string): Promise<boolean> {
  if (cap < 1) return false;
  if ((await updateWhere(COLL.quotas, { _id: id, count: _.lt(cap) }, { count: _.inc(1) })) > 0) return true;
  try {
    await insert(COLL.quotas, { _id: id, count: 1, day, ...(kind ? { kind } : {}) });
    return true;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    // It was just created by someone else: try the conditional increment once more.
    return (await updateWhere(COLL.quotas, { _id: id, count: _.lt(cap) }, { count: _.inc(1) })) > 0;
  }
}
