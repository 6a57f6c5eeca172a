import { hallContract, type PublicSuggestion, type Scope, type Topic } from '../../shared/contracts/hall';
import { PUBLIC_STATES, STATE_LABELS, canRate, transitionError, type SuggestionState } from '../../shared/domain/suggestion-status';
import { maskName } from '../../shared/domain/names';
import { AppError } from '../../shared/result';
import { metricVariant } from '../../shared/stats-keys';
import { chinaDay, later, msBetween, parseInstant } from '../../shared/time';
import { _, cloud, db } from '../_lib/cloud';
import { COLL } from '../_lib/collections';
import { config } from '../_lib/config';
import { bumpCounters, claimBeside, countEvent, countEvents, markersOf, readMarkers, type CountedEvent } from '../_lib/counters';
import { countWhere, getById, insert, isDuplicateKey, list, listByIds, pageOf, setById, updateById, updateWhere } from '../_lib/db-helpers';
import { createFunction, type CallContext } from '../_lib/handler';
import type { UserDoc } from '../_lib/identity';
import { notify } from '../_lib/notify';
import { takeQuota, type QuotaDoc } from '../_lib/quota';
import { liveVillage, placeName, townsById } from '../_lib/regions';
import { hashId, newId } from '../_lib/ids';
import { covers, personalScope, visibleTo } from './scope';

interface TopicDoc {
  _id: string;
  title: string;
  description: string;
  scope: Scope;
  deadline: Date;
  closed: boolean;
  suggestionCount: number;
  createdAt: Date;
  createdBy: string;
}

interface SuggestionDoc {
  _id: string;
  author: string;
  anonymous: boolean;
  authorName: string;
  topicId: string | null;
  topicKey: string;
  title: string;
  content: string;
  scope: Scope;
  status: SuggestionState;
  public: boolean;
  supports: number;
  history: Array<{ status: SuggestionState; at: Date; note: string | null }>;
  reply: { text: string; at: Date } | null;
  rating: { score: number; comment: string } | null;
  heldReason: string | null;
  createdAt: Date;
}

const PAGE = 20;

const isOpen = (t: TopicDoc, now: Date) => !t.closed && t.deadline.getTime() > now.getTime();
const freeKey = (town: string | null) => `free.${town ?? 'district'}`;


async function topicOut(t: TopicDoc, now: Date): Promise<Topic> {
  const towns = await townsById(now);
  return {
    id: t._id,
    title: t.title,
    description: t.description,
    scope: t.scope,
    scopeName: placeName(towns, t.scope.town, t.scope.village),
    deadline: t.deadline.toISOString(),
    open: isOpen(t, now),
    suggestionCount: t.suggestionCount,
    createdAt: t.createdAt.toISOString(),
  };
}

/** The public face of a suggestion: an anonymous author leaves no trace of who or where. */
async function publicOut(s: SuggestionDoc, now: Date, supported: boolean, mine = false): Promise<PublicSuggestion> {
  const towns = await townsById(now);
  return {
    id: s._id,
    topicId: s.topicId,
    title: s.title,
    content: s.content,
    authorName: s.anonymous ? '匿名居民' : s.authorName,
    townName: s.anonymous || !s.scope.town ? null : (towns.get(s.scope.town)?.name ?? null),
    status: s.status,
    supports: s.supports,
    supportedByMe: supported,
    mine,
    reply: s.reply ? { text: s.reply.text, at: s.reply.at.toISOString() } : null,
    createdAt: s.createdAt.toISOString(),
  };
}

/** Content security first (fail closed): only a clear pass may be shown to others. */
async function contentCheck(openid: string, text: string): Promise<{ pass: boolean; reason: string | null }> {
  try {
    const openapi = cloud.openapi as { security: { msgSecCheck(p: unknown): Promise<{ result?: { suggest?: string; label?: number } }> } };
    const res = await openapi.security.msgSecCheck({ openid, scene: 3, version: 2, content: text });
    const suggest = res.result?.suggest;
    if (suggest === 'pass') return { pass: true, reason: null };
    return { pass: false, reason: suggest === 'risky' ? `内容安全检测：有风险（${res.result?.label ?? ''}）` : '内容安全检测：需人工审核' };
  } catch {
    return { pass: false, reason: '内容安全检测暂不可用，转人工审核' };
  }
}

async function requireTopic(topicId: string): Promise<TopicDoc> {
  const topic = await getById<TopicDoc>(COLL.topics, topicId);
  if (!topic) throw new AppError('NOT_FOUND', '没有找到这个议题');
  return topic;
}

async function requireSuggestion(id: string): Promise<SuggestionDoc> {
  const s = await getById<SuggestionDoc>(COLL.suggestions, id);
  if (!s) throw new AppError('NOT_FOUND', '没有找到这条建议');
  return s;
}

async function staffCovering(ctx: CallContext, scope: Scope): Promise<UserDoc> {
  const me = await ctx.profile();
  if (!covers(me, scope)) throw new AppError('FORBIDDEN', '这不在您负责的范围内');
  return me;
}

function checkScope(scope: Scope, towns: Awaited<ReturnType<typeof townsById>>): void {
  if (scope.level === 'district' && (scope.town || scope.village)) throw new AppError('INVALID_INPUT', '全区议题不用选镇街和村');
  if (scope.level !== 'district') {
    const town = scope.town ? towns.get(scope.town) : undefined;
    if (!town) throw new AppError('INVALID_INPUT', '请选择镇街');
    if (scope.level === 'town' && scope.village) throw new AppError('INVALID_INPUT', '镇街议题不用选村');
    if (scope.level === 'village' && !liveVillage(town, scope.village)) throw new AppError('INVALID_INPUT', '请选择这个镇街下的村（社区）');
  }
}

function parseDeadline(text: string, now: Date): Date {
  const d = parseInstant(text);
  if (!d) throw new AppError('INVALID_INPUT', '截止时间格式不正确');
  if (d.getTime() <= now.getTime()) throw new AppError('INVALID_INPUT', '截止时间要晚于现在');
  return d;
}

async function staffView(s: SuggestionDoc, now: Date, topicTitles: Map<string, string>) {
  const towns = await townsById(now);
  return {
    ...(await publicOut(s, now, false)),
    topicTitle: s.topicId ? (topicTitles.get(s.topicId) ?? null) : null,
    scopeName: placeName(towns, s.scope.town, s.scope.village),
    heldReason: s.heldReason,
  };
}

/** A page of a staff queue of my area, oldest first (the longest waiting are handled first), and its size. */
async function staffQueue(ctx: CallContext, statuses: SuggestionState[], cursor: string | undefined) {
  const me = await ctx.profile();
  const where: Record<string, unknown> = { status: statuses.length === 1 ? statuses[0] : _.in(statuses) };
  if (me.role === 'town') where['scope.town'] = me.town;
  if (me.role === 'station') where['scope.village'] = me.village;
  const [page, total] = await Promise.all([pageOf<SuggestionDoc>(COLL.suggestions, where, { field: 'createdAt', dir: 'asc' }, cursor, PAGE), countWhere(COLL.suggestions, where)]);
  const docs = page.items.filter((s) => covers(me, s.scope));
  const topics = await listByIds<TopicDoc>(COLL.topics, [...new Set(docs.map((s) => s.topicId).filter((t): t is string => t !== null))]);
  const titles = new Map(topics.map((t) => [t._id, t.title]));
  return { suggestions: await Promise.all(docs.map((s) => staffView(s, ctx.now, titles))), total, next: page.next };
}

async function tellAuthor(s: SuggestionDoc, status: SuggestionState, note: string, at: Date): Promise<void> {
  await notify({
    openid: s.author,
    title: '您的建议有新进展',
    status: STATE_LABELS[status],
    body: note ? note.slice(0, 60) : `状态：${STATE_LABELS[status]}`,
    page: `pkg-hall/pages/mine/index?id=${s._id}`,
    at,
  });
}

/** Moves a suggestion from one state to the next, once (a conditional write), and records why. */
async function move(ctx: CallContext, s: SuggestionDoc, to: SuggestionState, note: string | undefined): Promise<void> {
  const error = transitionError(s.status, to, note);
  if (error) throw new AppError('CONFLICT', error);
  const entry = { status: to, at: ctx.now, note: note?.trim() || null };
  const change: Record<string, unknown> = { status: to, public: PUBLIC_STATES.has(to), history: _.push([entry]), updatedAt: ctx.now, handledBy: ctx.openid };
  // Whole-object writes: `reply` is null until now, and a dotted write into null fails on CloudBase (-502001).
  if (to === 'answered') change.reply = _.set({ text: (note ?? '').trim(), at: ctx.now });
  if (to === 'rejected') change.heldReason = null;
  const moved = await updateWhere(COLL.suggestions, { _id: s._id, status: s.status }, change);
  if (moved === 0) throw new AppError('CONFLICT', '这条建议刚被其他工作人员处理过，请刷新');
  const person = { person: s.author, town: s.scope.town, village: s.scope.village, at: ctx.now };
  const events: CountedEvent[] = [{ ...person, metric: metricVariant('suggestion_state', ['state', to]) }];
  if (to === 'answered') events.push({ ...person, metric: 'suggestion_reply', sums: { replyMs: msBetween(s.createdAt, ctx.now) } });
  const jobs: Array<Promise<unknown>> = [countEvents(events), tellAuthor(s, to, note ?? '', ctx.now)];
  if (to === 'published' && s.topicId) jobs.push(updateById(COLL.topics, s.topicId, { suggestionCount: _.inc(1) }));
  await Promise.all(jobs);
}

export const main = createFunction('hall', hallContract, {
  async listTopics({ cursor }, ctx) {
    const me = await ctx.profile();
    // The district's topics and my town's, latest deadline first (the open ones lead).
    const where = me.town ? _.or([{ 'scope.level': 'district' }, { 'scope.town': me.town }]) : { 'scope.level': 'district' };
    const page = await pageOf<TopicDoc>(COLL.topics, where as Record<string, unknown>, { field: 'deadline', dir: 'desc' }, cursor, PAGE);
    const topics = page.items.filter((t) => visibleTo(me, t.scope));
    // A topic closed before its deadline goes after the open ones of its page.
    topics.sort((a, b) => Number(isOpen(b, ctx.now)) - Number(isOpen(a, ctx.now)) || msBetween(a.deadline, b.deadline));
    return { topics: await Promise.all(topics.map((t) => topicOut(t, ctx.now))), next: page.next };
  },

  async getTopic({ topicId }, ctx) {
    const topic = await requireTopic(topicId);
    if (!visibleTo(await ctx.profile(), topic.scope)) throw new AppError('NOT_FOUND', '没有找到这个议题');
    return topicOut(topic, ctx.now);
  },

  async submitSuggestion({ topicId, title, content, anonymous }, ctx) {
    const text = content.trim();
    const day = chinaDay(ctx.now);
    const dupeId = hashId('u', ctx.openid, text.replace(/\s+/g, ''));
    const quotaKey = hashId('h', ctx.openid, day);
    const counted = (status: SuggestionState) => [
      { metric: 'suggestion', person: ctx.openid, at: ctx.now, ...(topicId ? { dims: { topic: topicId } } : {}) },
      { metric: metricVariant('suggestion_state', ['state', status]), person: ctx.openid, at: ctx.now },
    ];
    // First round trip: every read (her markers for either outcome of the check), and the content check.
    const [me, topic, dupe, quota, markers, check] = await Promise.all([
      ctx.profile(),
      topicId ? requireTopic(topicId) : Promise.resolve(null),
      getById<{ at: Date }>(COLL.dupes, dupeId),
      getById<QuotaDoc>(COLL.quotas, quotaKey),
      readMarkers(markersOf([...counted('published'), ...counted('pending')])),
      contentCheck(ctx.openid, `${title ?? ''}\n${text}`),
    ]);
    let scope = personalScope(me);
    if (topic) {
      if (!visibleTo(me, topic.scope)) throw new AppError('NOT_FOUND', '没有找到这个议题');
      if (!isOpen(topic, ctx.now)) throw new AppError('CONFLICT', '这个议题已经截止');
      scope = topic.scope;
    }
    if (dupe && dupe.at.getTime() > later(ctx.now, -1, 'day').getTime()) throw new AppError('CONFLICT', '24 小时内已经提交过相同的内容');
    const allowanceGone = () => new AppError('RATE_LIMITED', `每天最多提交 ${config.suggestionsPerDay} 条建议，明天再来`);
    // Her allowance, as read, is used up: refused before anything is written or claimed.
    if (quota && quota.count >= config.suggestionsPerDay) throw allowanceGone();
    const status: SuggestionState = check.pass ? 'published' : 'pending';
    const id = newId('s');
    const doc: SuggestionDoc = {
      _id: id,
      author: ctx.openid,
      anonymous,
      authorName: maskName(me.name) ?? '居民',
      topicId: topicId ?? null,
      topicKey: topicId ?? freeKey(scope.town),
      title: (title ?? '').trim(),
      content: text,
      scope,
      status,
      public: check.pass,
      supports: 0,
      history: [{ status, at: ctx.now, note: null }],
      reply: null,
      rating: null,
      heldReason: check.reason,
      createdAt: ctx.now,
    };
    const place = { town: me.town, village: me.village };
    const events: CountedEvent[] = counted(status).map((key) => ({ ...key, ...place }));
    // Second: a unit of her daily allowance, which decides whether anything is written, and beside
    // it her markers (read in the first), let go again if the allowance refuses.
    const claim = await claimBeside(takeQuota(quotaKey, config.suggestionsPerDay, day, { doc: quota }), events, markers);
    if (!claim) throw allowanceGone();
    // Third: the suggestion, what goes with it and the counters.
    await Promise.all([
      insert(COLL.suggestions, doc as unknown as Record<string, unknown>),
      setById(COLL.dupes, dupeId, { at: ctx.now }),
      check.pass && topicId ? updateById(COLL.topics, topicId, { suggestionCount: _.inc(1) }) : Promise.resolve(0),
      bumpCounters(events, claim),
    ]);
    return { id, status, held: !check.pass };
  },

  async listSuggestions({ topicId, sort, page }, ctx) {
    const me = await ctx.profile();
    let keys: string[];
    if (topicId) {
      const topic = await requireTopic(topicId);
      if (!visibleTo(me, topic.scope)) throw new AppError('NOT_FOUND', '没有找到这个议题');
      keys = [topicId];
    } else keys = [...new Set([freeKey(null), freeKey(me.town)])];
    const docs = await list<SuggestionDoc>(
      db
        .collection(COLL.suggestions)
        .where({ topicKey: keys.length === 1 ? keys[0] : _.in(keys), public: true })
        .orderBy(sort === 'supports' ? 'supports' : 'createdAt', 'desc')
        .orderBy('createdAt', 'desc')
        .skip((page - 1) * PAGE)
        .limit(PAGE + 1),
    );
    const shown = docs.slice(0, PAGE);
    const mine = await listByIds<{ _id: string }>(COLL.supports, shown.map((s) => hashId('v', ctx.openid, s._id)));
    const supported = new Set(mine.map((m) => m._id));
    return {
      suggestions: await Promise.all(shown.map((s) => publicOut(s, ctx.now, supported.has(hashId('v', ctx.openid, s._id)), s.author === ctx.openid))),
      hasMore: docs.length > PAGE,
    };
  },

  async support({ suggestionId, topicId: hint }, ctx) {
    const supporting = { metric: 'suggestion_support', person: ctx.openid, at: ctx.now };
    // First round trip: the suggestion, its topic as the client names it (checked against the
    // suggestion below), her profile and her markers.
    const [s, hinted, me, markers] = await Promise.all([
      getById<SuggestionDoc>(COLL.suggestions, suggestionId),
      hint ? getById<TopicDoc>(COLL.topics, hint) : Promise.resolve(null),
      ctx.profile(),
      readMarkers(markersOf([supporting])),
    ]);
    if (!s?.public) throw new AppError('NOT_FOUND', '没有找到这条建议');
    if (hint !== undefined && hint !== s.topicId) throw new AppError('INVALID_INPUT', '这条建议不属于这个议题，请刷新后再试');
    if (s.topicId) {
      // A client that names no topic costs a round trip more.
      const topic = hint ? hinted : await getById<TopicDoc>(COLL.topics, s.topicId);
      if (!topic) throw new AppError('NOT_FOUND', '没有找到这个议题');
      if (!visibleTo(me, topic.scope)) throw new AppError('NOT_FOUND', '没有找到这条建议');
      if (!isOpen(topic, ctx.now)) throw new AppError('CONFLICT', '议题已经截止，不能再附议');
    } else if (s.scope.town && s.scope.town !== me.town && me.role !== 'district' && me.role !== 'admin') {
      throw new AppError('NOT_FOUND', '没有找到这条建议');
    }
    if (s.author === ctx.openid) throw new AppError('CONFLICT', '不能附议自己的建议');
    const events: CountedEvent[] = [{ ...supporting, town: me.town, village: me.village }];
    // Second: her support record, the once-per-person gate, and beside it her markers (read in the
    // first), let go again if it is a repeat.
    const gate = insert(COLL.supports, { _id: hashId('v', ctx.openid, suggestionId), suggestionId, at: ctx.now }).then(
      () => true,
      (err: unknown) => {
        if (isDuplicateKey(err)) return false;
        throw err;
      },
    );
    const claim = await claimBeside(gate, events, markers);
    if (!claim) return { supports: s.supports, counted: false };
    // Third: the suggestion's count and her counters.
    await Promise.all([updateById(COLL.suggestions, suggestionId, { supports: _.inc(1) }), bumpCounters(events, claim)]);
    // The count as of this support (others at the same moment show on the next read).
    return { supports: s.supports + 1, counted: true };
  },

  async mySuggestions({ cursor }, ctx) {
    const page = await pageOf<SuggestionDoc>(COLL.suggestions, { author: ctx.openid }, { field: 'createdAt', dir: 'desc' }, cursor, PAGE);
    const docs = page.items;
    const topics = await listByIds<TopicDoc>(COLL.topics, [...new Set(docs.map((s) => s.topicId).filter((t): t is string => t !== null))]);
    const titles = new Map(topics.map((t) => [t._id, t.title]));
    return {
      suggestions: docs.map((s) => ({
        id: s._id,
        topicId: s.topicId,
        topicTitle: s.topicId ? (titles.get(s.topicId) ?? null) : null,
        title: s.title,
        content: s.content,
        anonymous: s.anonymous,
        status: s.status,
        supports: s.supports,
        history: s.history.map((h) => ({ status: h.status, at: h.at.toISOString(), note: h.note })),
        reply: s.reply ? { text: s.reply.text, at: s.reply.at.toISOString() } : null,
        rating: s.rating,
        createdAt: s.createdAt.toISOString(),
      })),
      next: page.next,
    };
  },

  async rateReply({ suggestionId, score, comment }, ctx) {
    const s = await requireSuggestion(suggestionId);
    if (s.author !== ctx.openid) throw new AppError('NOT_FOUND', '没有找到这条建议');
    if (!canRate(s.status)) throw new AppError('CONFLICT', '答复之后才能评价');
    const rated = await updateWhere(COLL.suggestions, { _id: suggestionId, author: ctx.openid, rating: null }, { rating: _.set({ score, comment: comment?.trim() ?? '' }), ratedAt: ctx.now });
    if (rated === 0) throw new AppError('CONFLICT', '已经评价过了');
    await countEvent({ metric: 'suggestion_rating', person: ctx.openid, town: s.scope.town, village: s.scope.village, at: ctx.now, sums: { score } });
    return { score };
  },

  async createTopic({ title, description, scope, deadline }, ctx) {
    const towns = await townsById(ctx.now);
    checkScope(scope, towns);
    await staffCovering(ctx, scope);
    const when = parseDeadline(deadline, ctx.now);
    const check = await contentCheck(ctx.openid, `${title}\n${description}`);
    if (!check.pass) throw new AppError('CONFLICT', '议题内容没有通过内容安全检测，请修改后再发布');
    const id = newId('t');
    await insert(COLL.topics, { _id: id, title: title.trim(), description: description.trim(), scope, deadline: when, closed: false, suggestionCount: 0, createdAt: ctx.now, createdBy: ctx.openid });
    return { id };
  },

  async updateTopic({ topicId, title, description, deadline, close }, ctx) {
    const topic = await requireTopic(topicId);
    await staffCovering(ctx, topic.scope);
    const change: Record<string, unknown> = { updatedAt: ctx.now, updatedBy: ctx.openid };
    if (title !== undefined) change.title = title.trim();
    if (description !== undefined) change.description = description.trim();
    if (deadline !== undefined) change.deadline = parseDeadline(deadline, ctx.now);
    if (close !== undefined) change.closed = close;
    if (title !== undefined || description !== undefined) {
      const check = await contentCheck(ctx.openid, `${title ?? topic.title}\n${description ?? topic.description}`);
      if (!check.pass) throw new AppError('CONFLICT', '议题内容没有通过内容安全检测，请修改后再发布');
    }
    await updateById(COLL.topics, topicId, change);
    return { id: topicId };
  },

  async staffTopics({ cursor, topicId }, ctx) {
    const me = await ctx.profile();
    if (topicId) {
      // One topic, for its edit form: only within my area.
      const topic = await getById<TopicDoc>(COLL.topics, topicId);
      return { topics: topic && covers(me, topic.scope) ? [await topicOut(topic, ctx.now)] : [], next: null };
    }
    const where: Record<string, unknown> = {};
    if (me.role === 'town') where['scope.town'] = me.town;
    if (me.role === 'station') where['scope.village'] = me.village;
    const page = await pageOf<TopicDoc>(COLL.topics, where, { field: 'deadline', dir: 'desc' }, cursor, PAGE);
    const topics = page.items.filter((t) => covers(me, t.scope));
    return { topics: await Promise.all(topics.map((t) => topicOut(t, ctx.now))), next: page.next };
  },

  moderationQueue({ cursor }, ctx) {
    return staffQueue(ctx, ['pending'], cursor);
  },

  handlingQueue({ cursor }, ctx) {
    return staffQueue(ctx, ['published', 'accepted', 'in_progress', 'adopted', 'declined'], cursor);
  },

  async moderate({ suggestionId, decision, reason }, ctx) {
    const s = await requireSuggestion(suggestionId);
    await staffCovering(ctx, s.scope);
    const to: SuggestionState = decision === 'publish' ? 'published' : 'rejected';
    await move(ctx, s, to, reason);
    return { status: to };
  },

  async reply({ suggestionId, status, text }, ctx) {
    const s = await requireSuggestion(suggestionId);
    await staffCovering(ctx, s.scope);
    if (status === 'published' || status === 'rejected') throw new AppError('CONFLICT', '审核请使用“审核”操作');
    await move(ctx, s, status, text);
    return { status };
  },
});
