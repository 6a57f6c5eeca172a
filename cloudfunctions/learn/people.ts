import type { learnContract } from '../../shared/contracts/learn';
import { maskName } from '../../shared/domain/names';
import { AppError } from '../../shared/result';
import { counterId } from '../../shared/stats-keys';
import { periodKey } from '../../shared/time';
import { _, db } from '../_lib/cloud';
import { campaignOut } from '../_lib/campaigns';
import { COLL } from '../_lib/collections';
import { getById, insert, isDuplicateKey, list, listByIds } from '../_lib/db-helpers';
import type { Handlers } from '../_lib/handler';
import type { TownDoc } from '../_lib/regions';
import { emptyProgress, updateProgress, type ProgressDoc } from './progress-store';
import { quotaId } from './quota';
import { hashId, lawsById, type CampaignDoc, type QuestionDoc } from './shared';
import { chinaDay } from '../../shared/time';

type L = Handlers<typeof learnContract>;

/** Progress, ranking, campaigns and 纠错. */
export const peopleHandlers: Pick<L, 'myProgress' | 'ranking' | 'setRankingOptIn' | 'listCampaigns' | 'reportQuestion'> = {
  async myProgress(_input, ctx) {
    // The book counted per law by the database (one request, however many entries she has).
    const byLaw = db
      .collection(COLL.mistakes)
      .aggregate()
      .match({ openid: ctx.openid, active: true })
      .group({ _id: '$lawId', n: db.command.aggregate.sum(1) })
      .limit(1000) // one group per law; without a limit CloudBase returns only 20
      .end() as Promise<{ list: Array<{ _id: string; n: number }> }>;
    const [p, laws, book] = await Promise.all([getById<ProgressDoc>(COLL.progress, ctx.openid), lawsById(ctx.now), byLaw]);
    const progress = p ?? emptyProgress(ctx.openid);
    const mistakesByLaw = new Map(book.list.map((g) => [g._id, g.n]));
    const perLaw = [...laws.values()].map((law) => {
      const mine = progress.perLaw[law._id] ?? { attempts: 0, answered: 0, correct: 0, bestScore: 0 };
      return { lawId: law._id, lawShort: law.short, ...mine, mistakes: mistakesByLaw.get(law._id) ?? 0 };
    });
    return {
      points: progress.points,
      streak: progress.streak,
      attempts: progress.attempts,
      rankingOptIn: progress.rankingOptIn,
      perLaw,
      history: progress.history.map((h) => ({ ...h, at: h.at.toISOString() })),
    };
  },

  async ranking({ period }, ctx) {
    const key = periodKey(period, ctx.now);
    const [counter, towns, leaders] = await Promise.all([
      getById<{ towns?: Record<string, { people: number }> }>(COLL.counters, counterId('quiz_attempt', period, key)),
      list<TownDoc>(db.collection(COLL.regions).orderBy('order', 'asc').limit(100)),
      list<ProgressDoc>(db.collection(COLL.progress).where({ rankingOptIn: true }).orderBy('points', 'desc').limit(20)),
    ]);
    const all = towns.map((t) => {
      const people = counter?.towns?.[t._id]?.people ?? 0;
      const women = typeof t.women === 'number' && t.women > 0 ? t.women : null;
      return { town: t._id, name: t.name, people, women, rate: women ? people / women : null };
    });
    // Towns nobody of took part are left out; rates are compared only when every town listed has one.
    const active = all.filter((r) => r.people > 0);
    const by: 'rate' | 'people' = active.length > 0 && active.every((r) => r.rate !== null) ? 'rate' : 'people';
    const figure = (r: (typeof active)[number]) => (by === 'rate' ? (r.rate ?? 0) : r.people);
    active.sort((a, b) => figure(b) - figure(a) || b.people - a.people);
    const ranked = active.map((r, i) => ({ ...r, rank: i + 1 }));
    // Equal figures share a rank (1, 2, 2, 4).
    ranked.forEach((r, i) => {
      const before = ranked[i - 1];
      if (before && figure(before) === figure(r)) r.rank = before.rank;
    });
    return {
      period,
      key,
      by,
      towns: ranked,
      quietTowns: all.length - active.length,
      people: leaders.map((p, i) => ({ rank: i + 1, name: p.displayName ?? '学员', townName: p.townName, points: p.points, me: p._id === ctx.openid })),
    };
  },

  async setRankingOptIn({ optIn }, ctx) {
    const me = await ctx.profile();
    const town = me.town ? await getById<TownDoc>(COLL.regions, me.town) : null;
    await updateProgress(ctx.openid, (p) => ({ ...p, rankingOptIn: optIn, displayName: optIn ? (maskName(me.name) ?? `学员${hashId('', ctx.openid).slice(0, 4)}`) : null, townName: optIn ? (town?.name ?? null) : null }));
    return { optIn };
  },

  async listCampaigns(_input, ctx) {
    const campaigns = await list<CampaignDoc>(db.collection(COLL.campaigns).where({ published: true, endsAt: _.gte(ctx.now), removed: _.neq(true) }).orderBy('endsAt', 'asc').limit(20));
    const day = chinaDay(ctx.now);
    const [quotas, progress] = await Promise.all([
      listByIds<{ count: number }>(COLL.quotas, campaigns.map((c) => quotaId(ctx.openid, c._id, day))),
      getById<ProgressDoc>(COLL.progress, ctx.openid),
    ]);
    const used = new Map(quotas.map((q) => [q._id, q.count]));
    return {
      campaigns: campaigns.map((c) => ({
        ...campaignOut(c),
        remainingToday: Math.max(0, c.dailyCap - (used.get(quotaId(ctx.openid, c._id, day)) ?? 0)),
        bestScore: progress?.campaignBest[c._id] ?? null,
        running: c.startsAt <= ctx.now && ctx.now <= c.endsAt,
      })),
    };
  },

  async reportQuestion({ questionId, reason, note }, ctx) {
    const question = await getById<QuestionDoc>(COLL.questions, questionId);
    if (!question) throw new AppError('NOT_FOUND', '没有找到这道题');
    // One open report per person and question; the reporter is kept only as a hash.
    const id = hashId('r', ctx.openid, questionId);
    const existing = await getById<{ status: string; resolvedAt?: Date }>(COLL.reports, id);
    if (existing?.status === 'open') return { reportId: id };
    if (existing) {
      // The staff's resolution of the earlier report is kept, under its own id, before the new one takes this one.
      const { _id: _earlier, ...earlier } = existing;
      const archived = hashId('r', ctx.openid, questionId, (existing.resolvedAt ?? ctx.now).toISOString());
      await insert(COLL.reports, { ...earlier, _id: archived }).catch((err: unknown) => {
        if (!isDuplicateKey(err)) throw err;
      });
    }
    await db.collection(COLL.reports).doc(id).set({
      data: { questionId, lawId: question.lawId, reason, note: note ?? '', status: 'open', reporter: hashId('p', ctx.openid), createdAt: ctx.now, resolution: null },
    });
    return { reportId: id };
  },
};
