import { _ } from './cloud';
import { COLL } from './collections';
import { insert, isDuplicateKey, updateWhere } from './db-helpers';

/** A quota document as stored. */
export interface QuotaDoc {
  _id: string;
  count: number;
  day: string;
}

/**
 * Takes one unit of a daily allowance (campaign attempts, suggestions, help requests) if any is left: a
 * conditional increment, so two requests at the same moment cannot both take the last one.
 * `read`: the quota document as the caller just read it (with its other reads), which tells
 * whether to increment it or create it first; without it the increment is tried first. `kind`
 * marks allowances that are erased after their day (help requests).
 */
export async function takeQuota(id: string, cap: number, day: string, read?: { doc: QuotaDoc | null }, kind?: string): Promise<boolean> {
  if (cap < 1) return false;
  const take = async () => (await updateWhere(COLL.quotas, { _id: id, count: _.lt(cap) }, { count: _.inc(1) })) > 0;
  if (read) {
    // It exists: the conditional increment decides.
    if (read.doc) return read.doc.count < cap && take();
  } else if (await take()) return true;
  // Missing: the first unit creates it.
  try {
    await insert(COLL.quotas, { _id: id, count: 1, day, ...(kind ? { kind } : {}) });
    return true;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    // It was just created by someone else: try the conditional increment once more.
    return take();
  }
}
