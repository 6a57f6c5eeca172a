import type { Campaign } from '../../shared/contracts/quiz';

/** A campaign as stored: dates as Dates, the id as `_id`. */
export type CampaignDoc = Omit<Campaign, 'id' | 'startsAt' | 'endsAt'> & { _id: string; startsAt: Date; endsAt: Date };

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
