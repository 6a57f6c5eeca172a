import type { learnContract } from '../../shared/contracts/learn';
import type { QuizResult } from '../../shared/contracts/quiz';
import { isCorrect, quotaByRatio, scoreOf, seedOf } from '../../shared/domain/quiz';
import { maskName } from '../../shared/domain/names';
import { AppError } from '../../shared/result';
import { metricVariant } from '../../shared/stats-keys';
import { chinaDay, later } from '../../shared/time';
import { _, db } from '../_lib/cloud';
import { COLL } from '../_lib/collections';
import { bumpCounters, claimFirsts, markersOf, readMarkers, type CountedEvent } from '../_lib/counters';
import { countWhere, getById, insert, insertAll, isDuplicateKey, list, listByIds, pageOf, updateWhere } from '../_lib/db-helpers';
import type { CallContext, Handlers } from '../_lib/handler';
import { takeQuota } from '../_lib/quota';
import { quotaId } from './quota';
import {
  drawnQuestions,
  hashId,
  lawsById,
  newAttemptId,
  pick,
  questionsByIds,
  questionOf,
  quizOf,
  type AttemptDoc,
  type BankDoc,
  type CampaignDoc,
  type QuestionDoc,
  compactResult,
  expandResult,
  type GradedDoc,
} from './shared';
import { recordProgress, type ProgressDoc } from './progress-store';
import { lockedLaws } from './campaign-lock';
import { questionsVersion } from '../_lib/question-version';

type L = Handlers<typeof learnContract>;

/** Answers arriving this long after the deadline are late (allows for a slow network). */
const GRACE_MS = 30_000;
const DEFAULT_COUNT = 10;
/** Mistake-book entries per page (the page groups them by law). */
const MISTAKES_PAGE = 50;

async function createAttempt(ctx: CallContext, attempt: Omit<AttemptDoc, 'openid' | 'town' | 'day' | 'status' | 'startedAt'>, questions: QuestionDoc[]) {
  const me = await ctx.profile();
  const doc: AttemptDoc = { ...attempt, openid: ctx.openid, town: me.town, village: me.village, day: chinaDay(ctx.now), status: 'open', startedAt: ctx.now };
  await insert(COLL.attempts, doc as unknown as Record<string, unknown>);
  return quizOf(doc, new Map(questions.map((q) => [q._id, q])), await lawsById(ctx.now));
}

async function practice(ctx: CallContext, lawId: string, count: number) {
  // Everything that depends on nothing else, in one round trip (her profile is for the attempt).
  const [laws, bank, version, , locked] = await Promise.all([lawsById(ctx.now), getById<BankDoc>(COLL.bank, lawId), questionsVersion(), ctx.profile(), lockedLaws(ctx.now)]);
  const law = laws.get(lawId);
  if (!law) throw new AppError('NOT_FOUND', '没有找到这部法律');
  const campaignTitle = locked.get(lawId);
  if (campaignTitle) throw new AppError('CONFLICT', `这部法律的题目正在用于答题活动「${campaignTitle}」，活动结束后再来练习；可以先学习课程或参加活动`);
  const ids = pick(bank?.ids ?? [], count);
  if (ids.length === 0) throw new AppError('CONFLICT', '这部法律还没有题目');
  const questions = await questionsByIds(ids, ctx.now, version);
  const attemptId = newAttemptId();
  return createAttempt(
    ctx,
    { _id: attemptId, mode: 'practice', title: `${law.short} · 练习`, lawIds: [lawId], campaignId: null, questions: drawnQuestions(attemptId, questions), deadline: null, timeLimitSec: null, passMark: null },
    questions,
  );
}

async function campaign(ctx: CallContext, campaignId: string) {
  const c = await getById<CampaignDoc & { removed?: boolean }>(COLL.campaigns, campaignId);
  if (!c || !c.published || c.removed) throw new AppError('NOT_FOUND', '没有找到这个活动');
  if (ctx.now < c.startsAt) throw new AppError('CONFLICT', '活动还没有开始');
  if (ctx.now > c.endsAt) throw new AppError('CONFLICT', '活动已经结束');
  const laws = Object.keys(c.ratio).filter((l) => (c.ratio[l] ?? 0) > 0);
  const banks = await listByIds<BankDoc>(COLL.bank, laws);
  const available = Object.fromEntries(banks.map((b) => [b._id, b.ids.length]));
  const quota = quotaByRatio(available, c.ratio, c.questionCount);
  const ids = banks.flatMap((b) => pick(b.ids, quota[b._id] ?? 0));
  if (ids.length === 0) throw new AppError('CONFLICT', '活动题库还没有题目');
  // The daily cap counts attempts started, checked and taken in one atomic step.
  if (!(await takeQuota(quotaId(ctx.openid, campaignId, chinaDay(ctx.now)), c.dailyCap, chinaDay(ctx.now)))) {
    throw new AppError('RATE_LIMITED', `今天的答题次数（${c.dailyCap} 次）已经用完，明天再来`);
  }
  const questions = await questionsByIds(ids, ctx.now);
  const attemptId = newAttemptId();
  const deadline = c.timeLimitSec ? later(ctx.now, c.timeLimitSec, 'second') : null;
  return createAttempt(
    ctx,
    {
      _id: attemptId,
      mode: 'campaign',
      title: c.title,
      lawIds: [...new Set(questions.map((q) => q.lawId))],
      campaignId,
      questions: drawnQuestions(attemptId, questions),
      deadline,
      timeLimitSec: c.timeLimitSec,
      passMark: c.passMark,
    },
    questions,
  );
}

async function daily(ctx: CallContext) {
  const day = chinaDay(ctx.now);
  const attemptId = hashId('d', ctx.openid, day);
  const existing = await getById<AttemptDoc>(COLL.attempts, attemptId);
  if (existing?.status === 'submitted') throw new AppError('CONFLICT', '今天的每日一题已经答过了，明天再来');
  const [bank, locked] = await Promise.all([getById<BankDoc>(COLL.bank, 'all'), existing ? Promise.resolve(new Map<string, string>()) : lockedLaws(ctx.now)]);
  // Everyone gets the same question on the same China day, never one a running campaign draws from.
  const setAside = new Set(locked.size > 0 ? (await listByIds<BankDoc>(COLL.bank, [...locked.keys()])).flatMap((b) => b.ids) : []);
  const pool = (bank?.ids ?? []).filter((id) => !setAside.has(id));
  if (!existing && pool.length === 0) throw new AppError('CONFLICT', '还没有题目');
  const questionId = existing?.questions[0]?.id ?? pool[seedOf(day) % pool.length];
  const questions = questionId ? await questionsByIds([questionId], ctx.now) : [];
  if (existing) return quizOf(existing, new Map(questions.map((q) => [q._id, q])), await lawsById(ctx.now));
  try {
    return await createAttempt(
      ctx,
      { _id: attemptId, mode: 'daily', title: `每日一题 · ${day}`, lawIds: questions.map((q) => q.lawId), campaignId: null, questions: drawnQuestions(attemptId, questions), deadline: null, timeLimitSec: null, passMark: null },
      questions,
    );
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const again = await getById<AttemptDoc>(COLL.attempts, attemptId);
    if (!again) throw err;
    return quizOf(again, new Map(questions.map((q) => [q._id, q])), await lawsById(ctx.now));
  }
}

/** The owner's attempt, or NOT_FOUND (another person's attempt is as good as missing). */
async function ownAttempt(ctx: CallContext, attemptId: string): Promise<AttemptDoc> {
  const attempt = await getById<AttemptDoc>(COLL.attempts, attemptId);
  if (!attempt || attempt.openid !== ctx.openid) throw new AppError('NOT_FOUND', '没有找到这次答题');
  return attempt;
}

function grade(attempt: AttemptDoc, questions: Map<string, QuestionDoc>, given: Map<string, string[]>, now: Date, lawShort: (id: string) => string): QuizResult {
  const expired = attempt.deadline !== null && now.getTime() > later(attempt.deadline, GRACE_MS, 'millisecond').getTime();
  const items = attempt.questions.flatMap(({ id, order }) => {
    const q = questions.get(id);
    if (!q) return [];
    const chosen = expired ? [] : (given.get(id) ?? []);
    const byKey = new Map(q.options.map((o) => [o.key, o.text]));
    return [
      {
        questionId: id,
        type: q.type,
        lawShort: lawShort(q.lawId),
        stem: q.stem,
        options: order.map((key) => ({ key, text: byKey.get(key) ?? '' })),
        chosen,
        answer: q.answer,
        correct: !expired && isCorrect(q, chosen),
        explanation: q.explanation,
        article: q.article,
      },
    ];
  });
  const correct = items.filter((i) => i.correct).length;
  const score = scoreOf(correct, items.length);
  const passed = attempt.passMark === null ? null : score >= attempt.passMark;
  return {
    attemptId: attempt._id,
    mode: attempt.mode,
    title: attempt.title,
    lawIds: attempt.lawIds,
    score,
    correct,
    total: items.length,
    passed,
    passMark: attempt.passMark,
    expired,
    pointsEarned: correct + (passed ? 5 : 0),
    items,
    submittedAt: now.toISOString(),
  };
}

const mistakeId = (ctx: CallContext, questionId: string) => hashId('m', ctx.openid, questionId);

/** Which of the attempt's wrong answers are in her mistake book already (one read; none if all right). */
async function readBook(ctx: CallContext, result: QuizResult): Promise<Set<string>> {
  const ids = result.items.filter((i) => !i.correct).map((i) => mistakeId(ctx, i.questionId));
  return new Set(ids.length > 0 ? (await listByIds<{ _id: string }>(COLL.mistakes, ids)).map((m) => m._id) : []);
}

/** Mistake-book changes of a graded attempt: wrong answers enter, right answers in a drill leave. */
async function recordMistakes(ctx: CallContext, attempt: AttemptDoc, result: QuizResult, questions: Map<string, QuestionDoc>, inBook: Set<string>): Promise<void> {
  const idOf = (questionId: string) => mistakeId(ctx, questionId);
  const right = result.items.filter((i) => i.correct).map((i) => idOf(i.questionId));
  const wrong = result.items.filter((i) => !i.correct);
  // A drill answered right takes the question out of the book.
  const fixing = attempt.mode === 'drill' && right.length > 0 ? updateWhere(COLL.mistakes, { _id: _.in(right), active: true }, { active: false, fixedAt: ctx.now }) : Promise.resolve(0);
  if (wrong.length === 0) {
    await fixing;
    return;
  }
  // Wrong answers (the book read with the call's other reads): one insert of the questions new to
  // the book, one update of the others. Every write names this attempt, so none counts twice for it.
  const ids = wrong.map((i) => idOf(i.questionId));
  const again = { active: true, wrongCount: _.inc(1), lastWrongAt: ctx.now, lastAttemptId: attempt._id };
  const seenAgain = (targets: string[]) => (targets.length > 0 ? updateWhere(COLL.mistakes, { _id: _.in(targets), lastAttemptId: _.neq(attempt._id) }, again) : Promise.resolve(0));
  const fresh = wrong.filter((i) => !inBook.has(idOf(i.questionId)));
  const entry = (questionId: string) => ({
    _id: idOf(questionId),
    openid: ctx.openid,
    questionId,
    lawId: questions.get(questionId)?.lawId ?? '',
    active: true,
    wrongCount: 1,
    lastWrongAt: ctx.now,
    lastAttemptId: attempt._id,
  });
  // One that another submission of hers added meanwhile counts as seen again (once for this attempt).
  const adding = insertAll(
    COLL.mistakes,
    fresh.map((i) => entry(i.questionId)),
  ).then(seenAgain);
  await Promise.all([fixing, adding, seenAgain(ids.filter((id) => inBook.has(id)))]);
}

/** Who is counted for a submission of an attempt on these laws (the amounts come with the result). */
function attemptKeys(ctx: CallContext, lawIds: string[], campaignId: string | null) {
  return [
    { metric: 'quiz_attempt', person: ctx.openid, at: ctx.now, ...(campaignId ? { dims: { campaign: campaignId } } : {}) },
    ...lawIds.map((lawId) => ({ metric: metricVariant('quiz_law', ['law', lawId]), person: ctx.openid, at: ctx.now })),
  ];
}

/** Statistics of a graded attempt: attempts (人次/人数), scores and passes, and per law and question. */
function attemptEvents(ctx: CallContext, attempt: AttemptDoc, result: QuizResult, questions: Map<string, QuestionDoc>): CountedEvent[] {
  const place = { town: attempt.town, village: attempt.village ?? null };
  const passes = result.passed ? 1 : 0;
  return attemptKeys(ctx, attempt.lawIds, attempt.campaignId).map((key, i): CountedEvent => {
    if (i === 0) return { ...key, ...place, sums: { scoreSum: result.score, passes, graded: result.passed === null ? 0 : 1 } };
    const lawId = attempt.lawIds[i - 1];
    const mine = result.items.filter((it) => questions.get(it.questionId)?.lawId === lawId);
    const qs: Record<string, Record<string, number>> = {};
    for (const it of mine) qs[it.questionId] = { a: 1, w: it.correct ? 0 : 1 };
    return { ...key, ...place, sums: { answered: mine.length, correct: mine.filter((it) => it.correct).length, passes }, totals: { qs } };
  });
}

async function storedResult(ctx: CallContext, attempt: AttemptDoc, graded: GradedDoc): Promise<QuizResult> {
  const [docs, laws] = await Promise.all([questionsByIds(attempt.questions.map((q) => q.id), ctx.now), lawsById(ctx.now)]);
  return expandResult(attempt, graded, new Map(docs.map((q) => [q._id, q])), laws);
}

/** Modes whose answers may be graded one at a time (nothing rides on them but practice). */
const CHECKABLE: ReadonlyArray<AttemptDoc['mode']> = ['practice', 'drill'];

/** Quizzes: start, check one answer, submit (graded once), results, the mistake book and drills. */
export const quizHandlers: Pick<L, 'startQuiz' | 'checkAnswer' | 'submitQuiz' | 'getResult' | 'listMistakes' | 'drillMistakes'> = {
  startQuiz(input, ctx) {
    if (input.mode === 'practice') return practice(ctx, input.lawId, input.count ?? DEFAULT_COUNT);
    if (input.mode === 'campaign') return campaign(ctx, input.campaignId);
    return daily(ctx);
  },

  async checkAnswer({ attemptId, questionId, keys }, ctx) {
    const [attempt, version] = await Promise.all([ownAttempt(ctx, attemptId), questionsVersion()]);
    if (!CHECKABLE.includes(attempt.mode)) throw new AppError('CONFLICT', '这类答题要交卷后才能看答案');
    if (attempt.status !== 'open') throw new AppError('CONFLICT', '这次答题已经交卷了');
    if (!attempt.questions.some((q) => q.id === questionId)) throw new AppError('INVALID_INPUT', '这道题不属于这次答题');
    const [q] = await questionsByIds([questionId], ctx.now, version);
    if (!q) throw new AppError('NOT_FOUND', '没有找到这道题');
    const options = new Set(q.options.map((o) => o.key));
    if (keys.some((k) => !options.has(k)) || new Set(keys).size !== keys.length) throw new AppError('INVALID_INPUT', '选的答案不在选项里');
    if (q.type !== 'multiple' && keys.length !== 1) throw new AppError('INVALID_INPUT', '这道题只能选一个答案');
    // The first answer is the one that counts: once she has seen the key, it cannot change.
    const locked = await updateWhere(COLL.attempts, { _id: attemptId, status: 'open', [`checked.${questionId}`]: _.exists(false) }, { [`checked.${questionId}`]: keys });
    let chosen = keys;
    if (locked === 0) {
      const again = await ownAttempt(ctx, attemptId);
      const kept = again.checked?.[questionId];
      if (!kept) throw new AppError('CONFLICT', '这次答题已经交卷了');
      chosen = kept;
    }
    return { questionId, chosen, answer: q.answer, correct: isCorrect(q, chosen), explanation: q.explanation, article: q.article };
  },

  async submitQuiz({ attemptId, answers }, ctx) {
    // First round trip: the attempt, the questions' version, and her distinct-people markers for
    // an attempt on any law (the attempt names its laws only once read).
    const lawList = lawsById(ctx.now);
    const known = lawList.then((laws) => readMarkers(markersOf(attemptKeys(ctx, [...laws.keys()], null))));
    const [attempt, version, laws, markers] = await Promise.all([ownAttempt(ctx, attemptId), questionsVersion(), lawList, known]);
    if (attempt.graded) return storedResult(ctx, attempt, attempt.graded);
    const drawn = new Set(attempt.questions.map((q) => q.id));
    const given = new Map<string, string[]>();
    for (const a of answers) {
      if (!drawn.has(a.questionId)) throw new AppError('INVALID_INPUT', '提交的答案里有不属于这次答题的题目');
      if (given.has(a.questionId)) throw new AppError('INVALID_INPUT', '同一道题提交了两次答案');
      given.set(a.questionId, a.keys);
    }
    // Answers already checked one by one are locked: those count, whatever arrives now.
    for (const [questionId, keys] of Object.entries(attempt.checked ?? {})) if (drawn.has(questionId)) given.set(questionId, keys);
    const [docs, campaignDoc] = await Promise.all([
      questionsByIds([...drawn], ctx.now, version),
      attempt.campaignId ? getById<CampaignDoc>(COLL.campaigns, attempt.campaignId) : Promise.resolve(null),
    ]);
    // A campaign answer arriving after the campaign closed does not count (the network's grace aside).
    if (attempt.campaignId && (!campaignDoc || ctx.now.getTime() > later(campaignDoc.endsAt, GRACE_MS, 'millisecond').getTime())) throw new AppError('CONFLICT', '活动已经结束，这次答题不再计分');
    const questions = new Map(docs.map((q) => [q._id, q]));
    const result = grade(attempt, questions, given, ctx.now, (id) => laws.get(id)?.short ?? '');
    const events = attemptEvents(ctx, attempt, result, questions);
    // Second: flip the attempt from open to submitted, and meanwhile read her book and progress and
    // claim her markers under a token of the attempt's own: identical concurrent submissions claim
    // the same markers, and only the call that flips the attempt records anything; the others get
    // the one stored result.
    const [won, firsts, inBook, progress] = await Promise.all([
      updateWhere(COLL.attempts, { _id: attemptId, status: 'open' }, { status: 'submitted', graded: compactResult(result), submittedAt: ctx.now }),
      claimFirsts(events, hashId('t', attemptId), markers),
      readBook(ctx, result),
      getById<ProgressDoc>(COLL.progress, ctx.openid),
    ]);
    if (won === 0) {
      const stored = await getById<AttemptDoc>(COLL.attempts, attemptId);
      if (stored?.graded) return expandResult(stored, stored.graded, questions, laws);
      throw new AppError('CONFLICT', '这次答题正在提交，请稍后查看结果');
    }
    // Third: every write.
    const [, , awarded] = await Promise.all([
      recordMistakes(ctx, attempt, result, questions, inBook),
      bumpCounters(events, firsts),
      recordProgress(ctx, attempt, result, new Map(docs.map((q) => [q._id, q.lawId])), { doc: progress }),
    ]);
    // Points beyond the day's cap are not awarded: the stored result says what was.
    if (awarded < result.pointsEarned) await updateWhere(COLL.attempts, { _id: attemptId }, { 'graded.pointsEarned': awarded });
    return { ...result, pointsEarned: awarded };
  },

  async getResult({ attemptId }, ctx) {
    const attempt = await ownAttempt(ctx, attemptId);
    if (!attempt.graded) throw new AppError('CONFLICT', '这次答题还没有提交');
    // The certificate page needs her name too: masked here, so the full name never travels.
    const [result, me] = await Promise.all([storedResult(ctx, attempt, attempt.graded), ctx.profile()]);
    return { ...result, holderName: maskName(me.name) };
  },

  async listMistakes({ lawId, cursor }, ctx) {
    // Questions a campaign draws from wait until it ends: their answers would be its answers.
    const locked = [...(await lockedLaws(ctx.now)).keys()];
    const mine = { openid: ctx.openid, active: true };
    const shown = lawId ? (locked.includes(lawId) ? null : { ...mine, lawId }) : locked.length > 0 ? { ...mine, lawId: _.nin(locked) } : mine;
    const aside = lawId ? (locked.includes(lawId) ? { ...mine, lawId } : null) : locked.length > 0 ? { ...mine, lawId: _.in(locked) } : null;
    const [page, total, setAside] = await Promise.all([
      shown
        ? pageOf<{ _id: string; questionId: string; lawId: string; wrongCount: number; lastWrongAt: Date }>(COLL.mistakes, shown, { field: 'lastWrongAt', dir: 'desc' }, cursor, MISTAKES_PAGE)
        : Promise.resolve({ items: [], next: null }),
      shown ? countWhere(COLL.mistakes, shown) : Promise.resolve(0),
      aside ? countWhere(COLL.mistakes, aside) : Promise.resolve(0),
    ]);
    const mistakes = page.items;
    const [docs, laws] = await Promise.all([questionsByIds(mistakes.map((m) => m.questionId), ctx.now), lawsById(ctx.now)]);
    const byId = new Map(docs.map((q) => [q._id, q]));
    const groups = new Map<string, { lawId: string; lawShort: string; items: Array<{ question: ReturnType<typeof questionOf>; wrongCount: number; lastWrongAt: string }> }>();
    for (const m of mistakes) {
      const q = byId.get(m.questionId);
      if (!q) continue;
      const group = groups.get(q.lawId) ?? { lawId: q.lawId, lawShort: laws.get(q.lawId)?.short ?? '', items: [] };
      group.items.push({ question: questionOf(q), wrongCount: m.wrongCount, lastWrongAt: m.lastWrongAt.toISOString() });
      groups.set(q.lawId, group);
    }
    const ordered = [...groups.values()].sort((a, b) => (laws.get(a.lawId)?.order ?? 99) - (laws.get(b.lawId)?.order ?? 99));
    return { total, groups: ordered, next: page.next, setAside };
  },

  async drillMistakes({ lawId, count }, ctx) {
    const query = { openid: ctx.openid, active: true, ...(lawId ? { lawId } : {}) };
    const [entries, locked] = await Promise.all([list<{ questionId: string; lawId: string }>(db.collection(COLL.mistakes).where(query).orderBy('lastWrongAt', 'desc').limit(100)), lockedLaws(ctx.now)]);
    const mistakes = entries.filter((m) => !locked.has(m.lawId));
    const ids = pick(
      mistakes.map((m) => m.questionId),
      count ?? DEFAULT_COUNT,
    );
    if (ids.length === 0 && entries.length > 0) throw new AppError('CONFLICT', '这些错题正在用于答题活动，活动结束后再来重做');
    if (ids.length === 0) throw new AppError('NOT_FOUND', '错题本是空的，先去做几道题吧');
    const questions = await questionsByIds(ids, ctx.now);
    const attemptId = newAttemptId();
    return createAttempt(
      ctx,
      { _id: attemptId, mode: 'drill', title: '错题重做', lawIds: [...new Set(questions.map((q) => q.lawId))], campaignId: null, questions: drawnQuestions(attemptId, questions), deadline: null, timeLimitSec: null, passMark: null },
      questions,
    );
  },
};

