import type { QuestionDraft } from '../../shared/contracts/learn-admin';
import type { Quiz } from '../../shared/contracts/quiz';
import type { Host } from '../../server/host';
import { call, dataOf, freshHost } from '../support/host';

// Each test on its own fresh store: open campaigns set questions aside for everyone on the host.
let host: Host;
beforeEach(() => {
  host = freshHost();
});
afterEach(() => {
  jest.useRealTimers();
  host.close();
});

type Loose = Record<string, unknown>;
const STAFF = 'dev-district';
const DAY = 86_400_000;
const answerOf = (id: string) => (host.store.get('questions', id)?.doc as unknown as { answer: string[] }).answer;
const rightAnswers = (quiz: Quiz) => quiz.questions.map((q) => ({ questionId: q.id, keys: answerOf(q.id) }));
const wrongAnswers = (quiz: Quiz) => quiz.questions.map((q) => ({ questionId: q.id, keys: [q.options.map((o) => o.key).find((k) => !answerOf(q.id).includes(k)) as string] }));
const progress = (openid: string) => host.store.get('progress', openid)?.doc as Loose | undefined;
const bank = (lawId: string) => (host.store.get('bank', lawId)?.doc as unknown as { ids: string[] } | undefined)?.ids ?? [];
const stored = (id: string) => host.store.get('campaigns', id)?.doc as unknown as { reserved?: Record<string, string[]>; reserveFixed?: boolean } & Loose;
const reservedOf = (id: string, lawId: string) => stored(id).reserved?.[lawId] ?? [];
/** Moves the clock `ms` on from where it is (the real time, or where the last move left it). */
const travel = (ms: number) => {
  jest.useFakeTimers({ doNotFake: ['setImmediate', 'setTimeout', 'setInterval', 'nextTick', 'queueMicrotask', 'clearTimeout', 'clearInterval', 'clearImmediate', 'hrtime', 'performance'], now: Date.now() + ms });
};

/** A campaign as staff save it in 工作台 (published, running since an hour ago, two days to go). */
const campaignInput = (ratio: Record<string, number>, extra: Loose = {}) => ({
  title: '三八节知识竞答',
  description: '',
  startsAt: new Date(Date.now() - 3_600_000).toISOString(),
  endsAt: new Date(Date.now() + 2 * DAY).toISOString(),
  dailyCap: 20,
  questionCount: 10,
  ratio,
  passMark: 60,
  timeLimitSec: null,
  published: true,
  ...extra,
});
async function saveCampaign(ratio: Record<string, number>, extra: Loose = {}): Promise<string> {
  return dataOf(await call(host, 'learnAdmin', 'saveCampaign', { campaign: campaignInput(ratio, extra) }, STAFF)).id;
}

async function practice(openid: string, lawId: string, count = 10): Promise<Quiz> {
  return dataOf(await call(host, 'learn', 'startQuiz', { mode: 'practice', lawId, count }, openid));
}
async function campaignQuiz(openid: string, campaignId: string): Promise<Quiz> {
  return dataOf(await call(host, 'learn', 'startQuiz', { mode: 'campaign', campaignId }, openid));
}
/** Every question id drawn by `runs` calls of `draw`. */
async function drawn(runs: number, draw: (i: number) => Promise<Quiz>): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let i = 0; i < runs; i += 1) for (const q of (await draw(i)).questions) ids.add(q.id);
  return ids;
}

describe('fair campaigns: a campaign draws from questions set aside for it, and only those are hidden elsewhere', () => {
  it('reserves half of each law’s bank (at least what an attempt needs), and its attempts draw only from those', async () => {
    const id = await saveCampaign({ 'anti-dv': 1, minors: 1 });
    for (const lawId of ['anti-dv', 'minors']) {
      const reserved = reservedOf(id, lawId);
      expect(reserved).toHaveLength(18); // 35 questions: ceil(35 / 2), more than the 5 an attempt takes
      expect(new Set(reserved).size).toBe(18);
      expect(reserved.every((q) => bank(lawId).includes(q))).toBe(true);
    }
    expect(Object.keys(stored(id).reserved ?? {}).sort()).toEqual(['anti-dv', 'minors']);
    // Small enough to read with every practice start.
    expect(JSON.stringify(stored(id).reserved).length).toBeLessThan(2_000);

    const reserved = new Set([...reservedOf(id, 'anti-dv'), ...reservedOf(id, 'minors')]);
    const seen = await drawn(20, async () => {
      const quiz = await campaignQuiz('fair-contestant', id);
      expect(quiz.questions.filter((q) => q.lawId === 'anti-dv')).toHaveLength(5);
      expect(quiz.questions.filter((q) => q.lawId === 'minors')).toHaveLength(5);
      return quiz;
    });
    expect([...seen].filter((q) => !reserved.has(q))).toEqual([]);
    // Attempts vary: far more than one attempt's ten questions come up.
    expect(seen.size).toBeGreaterThan(20);
  });

  it('practice on a campaign’s law still works and never draws a reserved question; 每日一题 neither', async () => {
    const id = await saveCampaign({ 'anti-dv': 1, minors: 1, constitution: 1, 'civil-code': 1, 'women-rights': 1, 'family-education': 1 }, { questionCount: 30, endsAt: new Date(Date.now() + 30 * DAY).toISOString() });
    const reserved = new Set(Object.values(stored(id).reserved ?? {}).flat());
    expect(reserved.size).toBe(6 * 18);
    const open = bank('anti-dv').filter((q) => !reserved.has(q));
    const seen = await drawn(30, async (i) => {
      const quiz = await practice(`fair-practice-${i % 3}`, 'anti-dv', 10);
      expect(quiz.questions).toHaveLength(10);
      return quiz;
    });
    expect([...seen].filter((q) => reserved.has(q))).toEqual([]);
    // Everything left to practise comes up.
    expect([...seen].sort()).toEqual([...open].sort());

    // 每日一题 over three weeks of China days, each a fresh person: never a reserved question.
    const daily: string[] = [];
    for (let d = 0; d < 21; d += 1) {
      if (d > 0) travel(DAY);
      const quiz = dataOf(await call(host, 'learn', 'startQuiz', { mode: 'daily' }, `fair-daily-${d}`));
      daily.push(quiz.questions[0]?.id ?? '');
    }
    jest.useRealTimers();
    expect(daily.filter((q) => q === '' || reserved.has(q))).toEqual([]);
  });

  it('the mistake book and drills hide reserved questions while the campaign is open and show them after its end', async () => {
    const who = 'fair-learner';
    // Before the campaign: twenty wrong answers on 反家庭暴力法 go into her book.
    const quiz = await practice(who, 'anti-dv', 20);
    dataOf(await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: wrongAnswers(quiz) }, who));
    const mine = quiz.questions.map((q) => q.id);
    expect(dataOf(await call(host, 'learn', 'listMistakes', {}, who))).toMatchObject({ total: 20, setAside: 0 });

    // Every law: 108 reserved questions, more than one id list of a query takes.
    const id = await saveCampaign({ 'anti-dv': 1, minors: 1, constitution: 1, 'civil-code': 1, 'women-rights': 1, 'family-education': 1 }, { questionCount: 30 });
    expect(Object.values(stored(id).reserved ?? {}).flat()).toHaveLength(108);
    const reserved = new Set(reservedOf(id, 'anti-dv'));
    const hidden = mine.filter((q) => reserved.has(q));
    const shown = mine.filter((q) => !reserved.has(q));
    // 20 of 35 in her book and 18 of 35 reserved: some of each, whatever was drawn.
    expect(hidden.length).toBeGreaterThan(0);
    expect(shown.length).toBeGreaterThan(0);

    for (const input of [{}, { lawId: 'anti-dv' }]) {
      const book = dataOf(await call(host, 'learn', 'listMistakes', input, who));
      expect(book).toMatchObject({ total: shown.length, setAside: hidden.length });
      expect(book.groups.flatMap((g) => g.items.map((i) => i.question.id)).sort()).toEqual([...shown].sort());
    }
    const drill = dataOf(await call(host, 'learn', 'drillMistakes', { count: 20 }, who));
    expect(drill.questions.map((q) => q.id).sort()).toEqual([...shown].sort());

    // Once it has ended, everything is back: the book, drills, and practice of the reserved questions.
    travel(3 * DAY);
    const after = dataOf(await call(host, 'learn', 'listMistakes', {}, who));
    expect(after).toMatchObject({ total: 20, setAside: 0 });
    expect(after.groups.flatMap((g) => g.items.map((i) => i.question.id)).sort()).toEqual([...mine].sort());
    const drillAfter = dataOf(await call(host, 'learn', 'drillMistakes', { count: 20 }, who));
    expect(drillAfter.questions.map((q) => q.id).sort()).toEqual([...mine].sort());
    // 20 of 35 always include some of the 18 that were reserved.
    expect((await practice('fair-after', 'anti-dv', 20)).questions.some((q) => reserved.has(q.id))).toBe(true);
  });

  it('refuses practice only when a law’s whole bank is reserved, says why and offers the campaign; the other laws stay open', async () => {
    // Fifty questions an attempt from one law of 35: the campaign needs all of them.
    const id = await saveCampaign({ 'anti-dv': 1 }, { questionCount: 50 });
    expect(reservedOf(id, 'anti-dv').sort()).toEqual([...bank('anti-dv')].sort());
    const refused = await call(host, 'learn', 'startQuiz', { mode: 'practice', lawId: 'anti-dv', count: 5 }, 'fair-refused');
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!refused.ok) {
      expect(refused.error.message).toContain('「三八节知识竞答」');
      expect(refused.error.message).toContain('都用在答题活动');
      expect(refused.error.message).toContain('去「答题活动」参加');
    }
    expect((await practice('fair-refused', 'minors', 5)).questions).toHaveLength(5);
    expect((await campaignQuiz('fair-refused', id)).questions).toHaveLength(35);

    // Removed by staff, it sets nothing aside (no one can take it); restored, it does again.
    dataOf(await call(host, 'learnAdmin', 'removeCampaign', { id }, STAFF));
    expect((await practice('fair-refused', 'anti-dv', 5)).questions).toHaveLength(5);
    dataOf(await call(host, 'learnAdmin', 'removeCampaign', { id, restore: true }, STAFF));
    expect(await call(host, 'learn', 'startQuiz', { mode: 'practice', lawId: 'anti-dv', count: 5 }, 'fair-refused')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    travel(3 * DAY);
    expect((await practice('fair-refused', 'anti-dv', 5)).questions).toHaveLength(5);
  });

  it('saving again before the start reserves afresh; once started the reservation stays, a retired question drops out and a new one is practised', async () => {
    const start = new Date(Date.now() + DAY).toISOString();
    const end = new Date(Date.now() + 5 * DAY).toISOString();
    const id = await saveCampaign({ 'anti-dv': 1 }, { startsAt: start, endsAt: end });
    const first = reservedOf(id, 'anti-dv');
    expect(stored(id).reserveFixed).toBe(false);
    // Published but not started: its questions are set aside already.
    expect((await drawn(10, () => practice('fair-early', 'anti-dv', 10))).has(first[0] as string)).toBe(false);
    const save = async (ratio: Record<string, number>, extra: Loose = {}) => dataOf(await call(host, 'learnAdmin', 'saveCampaign', { campaign: { ...campaignInput(ratio, { startsAt: start, endsAt: end }), ...extra, id } }, STAFF));

    // Before the start: the same choice for the same bank, anything else chosen afresh.
    await save({ 'anti-dv': 1 });
    expect(reservedOf(id, 'anti-dv')).toEqual(first);
    await save({ 'anti-dv': 1, minors: 1 });
    expect(reservedOf(id, 'minors')).toHaveLength(18);
    await save({ 'anti-dv': 1 }, { questionCount: 40 });
    expect(reservedOf(id, 'anti-dv')).toHaveLength(35);
    expect(stored(id).reserved?.minors).toBeUndefined();
    await save({ 'anti-dv': 1 });
    expect(reservedOf(id, 'anti-dv')).toEqual(first);

    // Started: attempts draw from it.
    travel(DAY + 60_000);
    const contest = await campaignQuiz('fair-early', id);
    expect(contest.questions.every((q) => first.includes(q.id))).toBe(true);

    // Staff retire a reserved question and add a new one while it runs.
    const retired = first[0] as string;
    dataOf(await call(host, 'learnAdmin', 'retireQuestion', { id: retired }, STAFF));
    const template = host.store.get('questions', 'anti-dv-q001')?.doc as unknown as QuestionDraft;
    const draft: QuestionDraft = { lawId: 'anti-dv', type: template.type, stem: '活动期间工作人员新增的一道题？', options: template.options, answer: template.answer, explanation: template.explanation, article: template.article, difficulty: 1 };
    const added = dataOf(await call(host, 'learnAdmin', 'saveQuestion', { question: draft }, STAFF)).id;
    const draws = await drawn(15, () => campaignQuiz('fair-contest', id));
    expect(draws.has(retired)).toBe(false);
    expect(draws.has(added)).toBe(false);
    expect([...draws].every((q) => first.includes(q))).toBe(true);
    const practised = await drawn(20, () => practice('fair-new', 'anti-dv', 10));
    expect(practised.has(added)).toBe(true);
    expect([...practised].some((q) => first.includes(q))).toBe(false);

    // Saved again once started, with another count and law: what was reserved stays reserved.
    await save({ 'anti-dv': 1, minors: 1 }, { startsAt: new Date(Date.now() - 60_000).toISOString(), questionCount: 10 });
    expect(reservedOf(id, 'anti-dv')).toEqual(first);
    expect(reservedOf(id, 'minors')).toHaveLength(18);
    expect(stored(id).reserveFixed).toBe(true);
    // Moving the start later, or taking it back to draft and publishing again, changes nothing.
    await save({ 'anti-dv': 1, minors: 1 }, { startsAt: new Date(Date.now() + DAY).toISOString(), published: false });
    await save({ 'anti-dv': 1, minors: 1 }, { startsAt: new Date(Date.now() + DAY).toISOString() });
    expect(reservedOf(id, 'anti-dv')).toEqual(first);
    // A count beyond what is reserved adds only what an attempt needs, and keeps every earlier one.
    await save({ 'anti-dv': 1 }, { questionCount: 30 });
    const grown = reservedOf(id, 'anti-dv');
    expect(grown.slice(0, first.length)).toEqual(first);
    expect(grown.filter((q) => bank('anti-dv').includes(q))).toHaveLength(30);
  });

  it('a campaign written without a reservation (saved before campaigns reserved questions) reserves at its first start, once', async () => {
    const now = Date.now();
    host.store.commitSync([
      {
        coll: 'campaigns',
        id: 'fair-legacy',
        doc: { _id: 'fair-legacy', title: '法治知识竞答', description: '', startsAt: new Date(now - 3_600_000), endsAt: new Date(now + DAY), dailyCap: 3, questionCount: 10, ratio: { minors: 1 }, passMark: 60, timeLimitSec: null, published: true },
      },
    ]);
    const quizzes = await Promise.all(['a', 'b', 'c', 'd'].map((w) => campaignQuiz(`fair-legacy-${w}`, 'fair-legacy')));
    const reserved = reservedOf('fair-legacy', 'minors');
    expect(reserved).toHaveLength(18);
    expect(stored('fair-legacy').reserveFixed).toBe(true);
    expect(quizzes.flatMap((q) => q.questions.map((x) => x.id)).every((q) => reserved.includes(q))).toBe(true);
    expect([...(await drawn(10, () => practice('fair-legacy-p', 'minors', 10)))].some((q) => reserved.includes(q))).toBe(false);
  });

  it('refuses a campaign attempt submitted after the campaign closed, and records nothing for it', async () => {
    const id = await saveCampaign({ 'family-education': 1 });
    const who = 'fair-late';
    const quiz = await campaignQuiz(who, id);
    travel(3 * DAY);
    const res = await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: rightAnswers(quiz) }, who);
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '活动已经结束，这次答题不再计分' } });
    expect(progress(who)).toBeUndefined();
    expect((host.store.get('attempts', quiz.attemptId)?.doc as Loose).status).toBe('open');
  });

  it('caps the points one person earns in a China day (LEARN_POINTS_PER_DAY), and the result says what was awarded', async () => {
    process.env.LEARN_POINTS_PER_DAY = '12';
    try {
      const who = 'fair-farmer';
      const earned: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        const quiz = await practice(who, 'family-education', 10);
        earned.push(dataOf(await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: rightAnswers(quiz) }, who)).pointsEarned);
      }
      expect(earned).toEqual([10, 2, 0]);
      expect(progress(who)).toMatchObject({ points: 12 });
      const history = (progress(who)?.history as Array<{ attemptId: string }>).map((h) => h.attemptId);
      expect(dataOf(await call(host, 'learn', 'getResult', { attemptId: history[1] ?? '' }, who)).pointsEarned).toBe(2);
      travel(DAY);
      const tomorrow = await practice(who, 'family-education', 10);
      expect(dataOf(await call(host, 'learn', 'submitQuiz', { attemptId: tomorrow.attemptId, answers: rightAnswers(tomorrow) }, who)).pointsEarned).toBe(10);
      expect(progress(who)).toMatchObject({ points: 22 });
    } finally {
      delete process.env.LEARN_POINTS_PER_DAY;
    }
  });
});
