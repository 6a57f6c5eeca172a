import { _ } from '../_lib/cloud';
import { COLL } from '../_lib/collections';
import { insert, isDuplicateKey, updateWhere } from '../_lib/db-helpers';
import { hashId } from './shared';

/** The id of a person's attempt counter for one campaign on one China day. */
export function quotaId(openid: string, campaignId: string, day: string): string {
  return hashId('q', openid, campaignId, day);
}

/**
 * Takes one of today's attempts of a campaign if any is left: a conditional increment, so two
 * starts at the same moment cannot both take the last one.
 */
export async function takeQuota(openid: string, campaignId: string, day: string, cap: number): Promise<boolean> {
  const id = quotaId(openid, campaignId, day);
  for (let tries = 0; tries < 3; tries += 1) {
    if ((await updateWhere(COLL.quotas, { _id: id, count: _.lt(cap) }, { count: _.inc(1) })) > 0) return true;
    try {
      await insert(COLL.quotas, { _id: id, count: 1, day });
      return cap >= 1;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // It exists: either full (the next conditional increment fails again) or just created.
      if ((await updateWhere(COLL.quotas, { _id: id, count: _.lt(cap) }, { count: _.inc(1) })) > 0) return true;
      return false;
    }
  }
  return false;
}
