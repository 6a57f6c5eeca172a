import { _, db } from '../_lib/cloud';
import { COLL } from '../_lib/collections';
import { list } from '../_lib/db-helpers';
import type { CampaignDoc } from '../_lib/campaigns';

/** The laws a published campaign that has not ended draws from, with the title of one such campaign. */
export type LockedLaws = Map<string, string>;

/**
 * Fair campaigns: from publication to its end, a campaign's questions (every question of each law
 * it draws from) are set aside: practice, 每日一题 and drills do not draw them and the mistake book
 * does not show them, so no answer of the campaign is revealed outside it.
 */
export async function lockedLaws(now: Date): Promise<LockedLaws> {
  const open = await list<CampaignDoc>(db.collection(COLL.campaigns).where({ published: true, endsAt: _.gte(now) }).orderBy('endsAt', 'asc').limit(100));
  const locked: LockedLaws = new Map();
  for (const c of open) for (const [lawId, weight] of Object.entries(c.ratio)) if (weight > 0 && !locked.has(lawId)) locked.set(lawId, c.title);
  return locked;
}
