import type { Campaign } from '../../shared/contracts/quiz';
import { quotaByRatio } from '../../shared/domain/quiz';
import { hashId } from './ids';

/** Question ids a campaign has set aside for itself, per law of its ratio. */
export type Reserved = Record<string, string[]>;

/**
 * A campaign as stored: dates as Dates, the id as `_id`. `reserved`: the questions it draws from,
 * set aside from practice, 每日一题, drills and the mistake book while it is published and not ended
 * (absent on a campaign never published). `reserveFixed`: attempts may have drawn from them, so a
 * later save keeps them.
 */
export type CampaignDoc = Omit<Campaign, 'id' | 'startsAt' | 'endsAt'> & { _id: string; startsAt: Date; endsAt: Date; reserved?: Reserved; reserveFixed?: boolean };

/** A campaign as the contracts show it. */
export function campaignOut(c: CampaignDoc): Campaign {
  return {
    id: c._id,
    title: c.title,
    description: c.description,
    startsAt: c.startsAt.toISOString(),
    endsAt: c.endsAt.toISOString(),
    dailyCap: c.dailyCap,
    questionCount: c.questionCount,
    ratio: c.ratio,
    passMark: c.passMark,
    timeLimitSec: c.timeLimitSec,
    published: c.published,
  };
}

/** The fields users' campaign lists read (a projection: the reserved ids stay in the database). */
export const CAMPAIGN_FIELDS = { _id: true, title: true, description: true, startsAt: true, endsAt: true, dailyCap: true, questionCount: true, ratio: true, passMark: true, timeLimitSec: true, published: true } as const;

/**
 * The most questions a campaign reserves of one law, beyond what one attempt needs: an attempt
 * takes at most 50 questions, so a hundred keeps attempts varied, and a large bank keeps the rest
 * for practice (and the campaign document, and the set-aside lists, stay small).
 */
export const RESERVE_MAX_PER_LAW = 100;

/**
 * How many of a law's `bank` live questions a campaign reserves when one attempt takes `needed` of
 * them: half the bank (so practice keeps the other half), at least what an attempt needs, at most
 * RESERVE_MAX_PER_LAW unless an attempt needs more, never more than the bank.
 */
export function reserveSize(bank: number, needed: number): number {
  return Math.min(bank, Math.max(needed, Math.min(Math.ceil(bank / 2), RESERVE_MAX_PER_LAW)));
}

/** The law's live questions in the campaign's own order (fixed by the ids alone: saving again picks the same). */
function campaignOrder(campaignId: string, ids: readonly string[]): string[] {
  return ids
    .map((id) => ({ id, rank: hashId('r', campaignId, id) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .map((r) => r.id);
}

/**
 * The questions a campaign reserves, per law of its ratio, from the laws' live banks. Fresh: the
 * first `reserveSize` questions of each law in the campaign's order. With `kept` (attempts may have
 * drawn already), a law keeps what it had, and gains only what one attempt needs beyond its live
 * reserved questions (staff retired some, or raised the count); a law new to the ratio is reserved
 * fresh; a law taken out of the ratio is released.
 */
export function reserveQuestions(campaignId: string, ratio: Record<string, number>, questionCount: number, banks: ReadonlyMap<string, readonly string[]>, kept?: Reserved): Reserved {
  const laws = Object.keys(ratio).filter((l) => (ratio[l] ?? 0) > 0);
  const needed = quotaByRatio(Object.fromEntries(laws.map((l) => [l, banks.get(l)?.length ?? 0])), ratio, questionCount);
  const out: Reserved = {};
  for (const law of laws) {
    const live = banks.get(law) ?? [];
    const order = campaignOrder(campaignId, live);
    const before = kept?.[law];
    if (!before) {
      out[law] = order.slice(0, reserveSize(live.length, needed[law] ?? 0));
      continue;
    }
    const liveNow = new Set(live);
    const had = new Set(before);
    const short = (needed[law] ?? 0) - before.filter((id) => liveNow.has(id)).length;
    out[law] = short > 0 ? [...before, ...order.filter((id) => !had.has(id)).slice(0, short)] : [...before];
  }
  return out;
}
