import type { Quiz } from '../../shared/contracts/quiz';
import { chinaDay } from '../../shared/time';
import type { Host } from '../../server/host';
import { call, dataOf, freshHost } from '../support/host';

let host: Host;
beforeAll(() => {
  host = freshHost();
});
afterAll(() => host.close());

type Loose = Record<string, unknown>;
const answerOf = (id: string) => (host.store.get('questions', id)?.doc as unknown as { answer: string[] }).answer;
const rightAnswers = (quiz: Quiz) => quiz.questions.map((q) => ({ questionId: q.id, keys: answerOf(q.id) }));
const wrongKeys = (quizQ: Quiz['questions'][number]) => {
  const right = answerOf(quizQ.id);
  return [quizQ.options.map((o) => o.key).find((k) => !right.includes(k)) as string];
};
const counter = (id: string) => host.store.get('counters', id)?.doc as Loose | undefined;
const today = () => chinaDay(new Date());

async function practice(openid: string, lawId = 'anti-dv', count = 5): Promise<Quiz> {
  return dataOf(await call(host, 'learn', 'startQuiz', { mode: 'practice', lawId, count }, openid));
}

/** Every key anywhere in a value, recursively. */
function allKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) allKeys(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      allKeys(v, out);
    }
  }
  return out;
}

describe('learn.startQuiz (practice)', () => {
  it('draws the asked number of questions of the law, with options and no answer key anywhere', async () => {
    const quiz = await practice('p-start', 'anti-dv', 8);
    expect(quiz.questions).toHaveLength(8);
    expect(new Set(quiz.questions.map((q) => q.id)).size).toBe(8);
    for (const q of quiz.questions) {
      expect(q.lawId).toBe('anti-dv');
      expect(q.options.length).toBeGreaterThanOrEqual(2);
    }
    const keys = allKeys(quiz);
    for (const forbidden of ['answer', 'answers', 'explanation', 'article', 'correct', 'checked']) expect(keys.has(forbidden)).toBe(false);
    // Nor does the raw text of the reply contain any question's answer field.
    expect(JSON.stringify(quiz)).not.toMatch(/"answer"/);
  });

  it('shuffles options per attempt and keeps the order within the attempt', async () => {
    const quiz = await practice('p-shuffle', 'civil-code', 20);
    const stored = host.store.get('attempts', quiz.attemptId)?.doc as unknown as { questions: Array<{ id: string; order: string[] }> };
    quiz.questions.forEach((q, i) => expect(q.options.map((o) => o.key)).toEqual(stored.questions[i]?.order));
    const choice = quiz.questions.filter((q) => q.type !== 'judge');
    const shuffledAny = choice.some((q) => q.options.map((o) => o.key).join('') !== [...q.options.map((o) => o.key)].sort().join(''));
    expect(shuffledAny).toBe(true);
    const result = dataOf(await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: [] }, 'p-shuffle'));
    result.items.forEach((item, i) => expect(item.options.map((o) => o.key)).toEqual(stored.questions[i]?.order));
  });

  it('answers NOT_FOUND for an unknown law', async () => {
    expect(await call(host, 'learn', 'startQuiz', { mode: 'practice', lawId: 'nope' }, 'p-x')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('rejects an unknown mode or a count out of range', async () => {
    expect(await call(host, 'learn', 'startQuiz', { mode: 'exam' }, 'p-x')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call(host, 'learn', 'startQuiz', { mode: 'practice', lawId: 'anti-dv', count: 500 }, 'p-x')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('learn.submitQuiz', () => {
  it('grades in one call: score, right answers, explanations and article texts', async () => {
    const quiz = await practice('s-grade');
    const answers = rightAnswers(quiz);
    const first = quiz.questions[0];
    if (!first) throw new Error('no question');
    answers[0] = { questionId: first.id, keys: wrongKeys(first) };
    const result = dataOf(await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers }, 's-grade'));
    expect(result).toMatchObject({ total: 5, correct: 4, score: 80, passed: null, expired: false, pointsEarned: 4 });
    expect(result.items[0]).toMatchObject({ questionId: first.id, correct: false, answer: answerOf(first.id) });
    for (const item of result.items) {
      expect(item.explanation.length).toBeGreaterThan(3);
      expect(item.article.article).toMatch(/^第/);
      expect(item.article.text.length).toBeGreaterThan(3);
    }
  });

  it('is idempotent on the attempt: a second submission returns the first result', async () => {
    const quiz = await practice('s-idem');
    const first = dataOf(await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: rightAnswers(quiz) }, 's-idem'));
    const again = dataOf(await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: [] }, 's-idem'));
    expect(again).toEqual(first);
    expect(first.score).toBe(100);
  });

  it('records one attempt and moves the counters once for 100 concurrent identical submissions', async () => {
    const quiz = await practice('s-race', 'minors', 5);
    const before = (counter(`quiz_attempt|day|${today()}`)?.times as number | undefined) ?? 0;
    const answers = rightAnswers(quiz);
    answers[0] = { questionId: quiz.questions[0]?.id ?? '', keys: wrongKeys(quiz.questions[0] as Quiz['questions'][number]) };
    const results = await Promise.all(Array.from({ length: 100 }, () => call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers }, 's-race')));
    const scores = new Set(results.map((r) => (r.ok ? `${r.data.score}|${r.data.submittedAt}` : r.error.code)));
    expect(scores.size).toBe(1);
    expect(counter(`quiz_attempt|day|${today()}`)?.times).toBe(before + 1);
    const progress = host.store.get('progress', 's-race')?.doc as Loose;
    expect(progress).toMatchObject({ attempts: 1, points: 4 });
    const mistakes = host.store.candidates('mistakes', { openid: 's-race' });
    expect(mistakes).toHaveLength(1);
    expect(mistakes[0]).toMatchObject({ wrongCount: 1, active: true });
  });

  it('rejects answers to questions not in the attempt', async () => {
    const quiz = await practice('s-foreign');
    const res = await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: [{ questionId: 'constitution-q001', keys: ['A'] }] }, 's-foreign');
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((host.store.get('attempts', quiz.attemptId)?.doc as Loose).status).toBe('open');
  });

  it("does not let anyone submit or read someone else's attempt", async () => {
    const quiz = await practice('s-owner');
    expect(await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: [] }, 's-intruder')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(host, 'learn', 'getResult', { attemptId: quiz.attemptId }, 's-intruder')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((host.store.get('attempts', quiz.attemptId)?.doc as Loose).status).toBe('open');
  });

  it('counts the attempt per law and per question', async () => {
    const quiz = await practice('s-count', 'family-education', 4);
    const answers = rightAnswers(quiz);
    const wrong = quiz.questions[1] as Quiz['questions'][number];
    answers[1] = { questionId: wrong.id, keys: wrongKeys(wrong) };
    await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers }, 's-count');
    const law = counter(`quiz_law:law=family-education|day|${today()}`) as { times: number; people: number; answered: number; correct: number; qs: Record<string, { a: number; w: number }> };
    expect(law).toMatchObject({ times: 1, people: 1, answered: 4, correct: 3 });
    expect(law.qs[wrong.id]).toEqual({ a: 1, w: 1 });
    // Zero amounts are not stored: a missing amount reads as 0.
    expect(law.qs[quiz.questions[0]?.id ?? '']).toEqual({ a: 1 });
  });

  it('returns the result again through getResult, with the laws and the masked name for the certificate', async () => {
    const quiz = await practice('s-get');
    const result = dataOf(await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: rightAnswers(quiz) }, 's-get'));
    expect(result.lawIds).toEqual(['anti-dv']);
    expect(dataOf(await call(host, 'learn', 'getResult', { attemptId: quiz.attemptId }, 's-get'))).toEqual({ ...result, holderName: null });

    // Someone with a name: only its first character travels.
    host.store.commitSync([{ coll: 'users', id: 's-named', doc: { _id: 's-named', role: 'user', name: '欧阳娜娜', town: null, village: null, createdAt: new Date() } }]);
    const named = await practice('s-named');
    dataOf(await call(host, 'learn', 'submitQuiz', { attemptId: named.attemptId, answers: rightAnswers(named) }, 's-named'));
    const stored = await call(host, 'learn', 'getResult', { attemptId: named.attemptId }, 's-named');
    expect(dataOf(stored).holderName).toBe('欧**');
    expect(JSON.stringify(stored)).not.toContain('阳娜');
  });
});

describe('the mistake book', () => {
  it('groups wrong answers by law; a drill answered right takes a question out, a wrong one keeps it', async () => {
    const who = 'm-book';
    for (const lawId of ['anti-dv', 'women-rights']) {
      const quiz = await practice(who, lawId, 3);
      const answers = quiz.questions.map((q) => ({ questionId: q.id, keys: wrongKeys(q) }));
      await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers }, who);
    }
    const book = dataOf(await call(host, 'learn', 'listMistakes', {}, who));
    expect(book.total).toBe(6);
    expect(book.groups.map((g) => g.lawId)).toEqual(['women-rights', 'anti-dv']);
    expect(book.groups[0]?.items[0]?.question.answer.length).toBeGreaterThan(0);

    const drill = dataOf(await call(host, 'learn', 'drillMistakes', { lawId: 'anti-dv' }, who));
    expect(drill.mode).toBe('drill');
    expect(drill.questions).toHaveLength(3);
    expect(JSON.stringify(drill)).not.toMatch(/"answer"/);
    const [fixMe, stillWrong, ...rest] = drill.questions;
    if (!fixMe || !stillWrong) throw new Error('drill too short');
    await call(
      host,
      'learn',
      'submitQuiz',
      {
        attemptId: drill.attemptId,
        answers: [
          { questionId: fixMe.id, keys: answerOf(fixMe.id) },
          { questionId: stillWrong.id, keys: wrongKeys(stillWrong) },
          ...rest.map((q) => ({ questionId: q.id, keys: answerOf(q.id) })),
        ],
      },
      who,
    );
    const after = dataOf(await call(host, 'learn', 'listMistakes', { lawId: 'anti-dv' }, who));
    expect(after.total).toBe(1);
    expect(after.groups[0]?.items[0]).toMatchObject({ question: { id: stillWrong.id }, wrongCount: 2 });
  });

  it('answers NOT_FOUND to a drill with an empty book', async () => {
    expect(await call(host, 'learn', 'drillMistakes', {}, 'm-empty')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a right answer outside a drill leaves the question in the book', async () => {
    const who = 'm-practice';
    const quiz = await practice(who, 'constitution', 2);
    await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: quiz.questions.map((q) => ({ questionId: q.id, keys: wrongKeys(q) })) }, who);
    expect(dataOf(await call(host, 'learn', 'listMistakes', {}, who)).total).toBe(2);
  });
});

describe('campaigns', () => {
  const now = Date.now();
  const campaign = (id: string, extra: Loose = {}) => ({
    coll: 'campaigns',
    id,
    doc: {
      _id: id,
      title: '宪法宣传周知识竞答',
      description: '',
      startsAt: new Date(now - 86_400_000),
      endsAt: new Date(now + 86_400_000),
      dailyCap: 2,
      questionCount: 10,
      ratio: { constitution: 3, 'civil-code': 1 },
      passMark: 60,
      timeLimitSec: 600,
      published: true,
      ...extra,
    },
  });
  beforeAll(() => {
    host.store.commitSync([
      campaign('c-open'),
      campaign('c-future', { startsAt: new Date(now + 3_600_000) }),
      campaign('c-past', { startsAt: new Date(now - 3 * 86_400_000), endsAt: new Date(now - 86_400_000) }),
      campaign('c-draft', { published: false }),
      campaign('c-race', { dailyCap: 2 }),
    ]);
  });

  it('draws by the per-law ratio, with the time limit and pass mark', async () => {
    const quiz = dataOf(await call(host, 'learn', 'startQuiz', { mode: 'campaign', campaignId: 'c-open' }, 'c-user'));
    expect(quiz.questions).toHaveLength(10);
    expect(quiz.questions.filter((q) => q.lawId === 'constitution')).toHaveLength(8);
    expect(quiz.questions.filter((q) => q.lawId === 'civil-code')).toHaveLength(2);
    expect(quiz.timeLimitSec).toBe(600);
    expect(quiz.passMark).toBe(60);
    expect(Date.parse(quiz.deadline ?? '') - Date.now()).toBeGreaterThan(590_000);
    const result = dataOf(await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: rightAnswers(quiz) }, 'c-user'));
    expect(result).toMatchObject({ score: 100, passed: true, pointsEarned: 15 });
  });

  it('enforces the daily cap on the server', async () => {
    const first = await call(host, 'learn', 'startQuiz', { mode: 'campaign', campaignId: 'c-open' }, 'c-capped');
    const second = await call(host, 'learn', 'startQuiz', { mode: 'campaign', campaignId: 'c-open' }, 'c-capped');
    const third = await call(host, 'learn', 'startQuiz', { mode: 'campaign', campaignId: 'c-open' }, 'c-capped');
    expect([first.ok, second.ok]).toEqual([true, true]);
    expect(third).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    const list = dataOf(await call(host, 'learn', 'listCampaigns', {}, 'c-capped'));
    expect(list.campaigns.find((c) => c.id === 'c-open')?.remainingToday).toBe(0);
  });

  it('lets no more than the cap through when starts arrive at once', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => call(host, 'learn', 'startQuiz', { mode: 'campaign', campaignId: 'c-race' }, 'c-burst')));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED')).toHaveLength(4);
  });

  it('enforces the window and hides unpublished campaigns', async () => {
    expect(await call(host, 'learn', 'startQuiz', { mode: 'campaign', campaignId: 'c-future' }, 'c-w')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '活动还没有开始' } });
    expect(await call(host, 'learn', 'startQuiz', { mode: 'campaign', campaignId: 'c-past' }, 'c-w')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '活动已经结束' } });
    expect(await call(host, 'learn', 'startQuiz', { mode: 'campaign', campaignId: 'c-draft' }, 'c-w')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const list = dataOf(await call(host, 'learn', 'listCampaigns', {}, 'c-w'));
    expect(list.campaigns.map((c) => c.id).sort()).toEqual(['c-future', 'c-open', 'c-race']);
    expect(list.campaigns.find((c) => c.id === 'c-future')?.running).toBe(false);
  });

  it('scores a submission after the time limit as expired, with nothing answered', async () => {
    const quiz = dataOf(await call(host, 'learn', 'startQuiz', { mode: 'campaign', campaignId: 'c-open' }, 'c-late'));
    const attempt = host.store.get('attempts', quiz.attemptId)?.doc as Loose;
    host.store.commitSync([{ coll: 'attempts', id: quiz.attemptId, doc: { ...attempt, _id: quiz.attemptId, deadline: new Date(Date.now() - 60_000) } }]);
    const result = dataOf(await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: rightAnswers(quiz) }, 'c-late'));
    expect(result).toMatchObject({ expired: true, score: 0, correct: 0, passed: false });
  });
});

describe('每日一题', () => {
  it('gives everyone the same question on a day, once', async () => {
    const a = dataOf(await call(host, 'learn', 'startQuiz', { mode: 'daily' }, 'd-one'));
    const b = dataOf(await call(host, 'learn', 'startQuiz', { mode: 'daily' }, 'd-two'));
    expect(a.questions).toHaveLength(1);
    expect(a.questions[0]?.id).toBe(b.questions[0]?.id);
    expect(dataOf(await call(host, 'learn', 'startQuiz', { mode: 'daily' }, 'd-one')).attemptId).toBe(a.attemptId);
    await call(host, 'learn', 'submitQuiz', { attemptId: a.attemptId, answers: rightAnswers(a) }, 'd-one');
    expect(await call(host, 'learn', 'startQuiz', { mode: 'daily' }, 'd-one')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('progress and ranking', () => {
  it('myProgress shows points, streak, per-law figures and history', async () => {
    const who = 'r-progress';
    const quiz = await practice(who, 'anti-dv', 4);
    await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: rightAnswers(quiz) }, who);
    const p = dataOf(await call(host, 'learn', 'myProgress', {}, who));
    expect(p).toMatchObject({ points: 4, streak: 1, attempts: 1, rankingOptIn: false });
    expect(p.perLaw.find((l) => l.lawId === 'anti-dv')).toMatchObject({ attempts: 1, answered: 4, correct: 4, bestScore: 100, mistakes: 0 });
    expect(p.history[0]).toMatchObject({ attemptId: quiz.attemptId, score: 100 });
  });

  it('myProgress counts every entry of a big mistake book per law, not the first hundred', async () => {
    const who = 'r-big-book';
    const laws = ['anti-dv', 'civil-code', 'minors', 'women-rights'];
    // 35 active entries in each of four laws (140 in all), and one already put right.
    const entries = laws.flatMap((lawId) =>
      Array.from({ length: 35 }, (_, i) => {
        const questionId = `${lawId}-q${String(i + 1).padStart(3, '0')}`;
        return { coll: 'mistakes', id: `big-${questionId}`, doc: { _id: `big-${questionId}`, openid: who, questionId, lawId, active: true, wrongCount: 1, lastWrongAt: new Date() } };
      }),
    );
    const fixed = { coll: 'mistakes', id: 'big-fixed', doc: { _id: 'big-fixed', openid: who, questionId: 'minors-q001', lawId: 'constitution', active: false, wrongCount: 2, lastWrongAt: new Date() } };
    host.store.commitSync([...entries, fixed]);
    const p = dataOf(await call(host, 'learn', 'myProgress', {}, who));
    for (const lawId of laws) expect(p.perLaw.find((l) => l.lawId === lawId)?.mistakes).toBe(35);
    expect(p.perLaw.find((l) => l.lawId === 'constitution')?.mistakes).toBe(0);
  });

  it('myProgress counts the mistake book of every law when there are more than twenty laws (aggregate default limit 20)', async () => {
    const who = 'r-many-laws';
    const extra = Array.from({ length: 24 }, (_, i) => `extra-law-${String(i + 1).padStart(2, '0')}`);
    const lawDocs = extra.map((id, i) => ({ coll: 'laws', id, doc: { _id: id, order: 1000 + i, short: `法${i + 1}`, title: `法${i + 1}`, lessonCount: 0, questionCount: 0 } }));
    const book = extra.map((lawId) => ({ coll: 'mistakes', id: `many-${lawId}`, doc: { _id: `many-${lawId}`, openid: who, questionId: `${lawId}-q001`, lawId, active: true, wrongCount: 1, lastWrongAt: new Date() } }));
    host.store.commitSync([...lawDocs, ...book]);
    // Past the functions' one-minute cache of the laws.
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'setTimeout', 'setInterval', 'nextTick', 'queueMicrotask', 'clearTimeout', 'clearInterval', 'clearImmediate', 'hrtime', 'performance'], now: Date.now() + 120_000 });
    try {
      const p = dataOf(await call(host, 'learn', 'myProgress', {}, who));
      expect(extra.map((lawId) => p.perLaw.find((l) => l.lawId === lawId)?.mistakes)).toEqual(extra.map(() => 1));
    } finally {
      host.store.commitSync([...lawDocs, ...book].map((w) => ({ ...w, doc: null })));
      // Reload the functions' cache of the laws without the extra ones, for the tests after this one.
      jest.setSystemTime(Date.now() + 120_000);
      await call(host, 'learn', 'myProgress', {}, who);
      jest.useRealTimers();
    }
  });

  it('ranks towns by distinct participants over the configured number of women', async () => {
    const regions = host.store.get('regions', 'guxi')?.doc as Loose;
    host.store.commitSync([{ coll: 'regions', id: 'guxi', doc: { ...regions, _id: 'guxi', women: 4 } }]);
    for (const who of ['t-1', 't-2']) {
      await call(host, 'account', 'setRegion', { town: 'guxi' }, who);
      const quiz = await practice(who, 'anti-dv', 1);
      await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: rightAnswers(quiz) }, who);
    }
    const ranking = dataOf(await call(host, 'learn', 'ranking', { period: 'month' }, 't-1'));
    expect(ranking.by).toBe('rate');
    expect(ranking.towns[0]).toMatchObject({ rank: 1, town: 'guxi', people: 2, women: 4, rate: 0.5 });
    // Towns nobody of took part are folded away, not ranked with 0 people.
    expect(ranking.towns.every((t) => t.people > 0)).toBe(true);
    expect(ranking.quietTowns + ranking.towns.length).toBe(host.store.candidates('regions', {}).length);
  });

  it('ranks by participants while a participating town has no number of women', async () => {
    await call(host, 'account', 'setRegion', { town: 'zitong' }, 't-3');
    const quiz = await practice('t-3', 'anti-dv', 1);
    await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: [] }, 't-3');
    const ranking = dataOf(await call(host, 'learn', 'ranking', { period: 'month' }, 't-3'));
    expect(ranking.by).toBe('people');
    const guxi = ranking.towns.find((t) => t.town === 'guxi');
    const zitong = ranking.towns.find((t) => t.town === 'zitong');
    expect(zitong).toMatchObject({ people: 1, rate: null });
    expect((guxi?.rank ?? 99) < (zitong?.rank ?? 0)).toBe(true);
  });

  it('lists only people who opted in, under a masked name', async () => {
    await call(host, 'learn', 'setRankingOptIn', { optIn: true }, 'dev-learner');
    const quiz = await practice('dev-learner', 'anti-dv', 3);
    await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: rightAnswers(quiz) }, 'dev-learner');
    const ranking = dataOf(await call(host, 'learn', 'ranking', { period: 'year' }, 'dev-learner'));
    expect(ranking.people).toHaveLength(1);
    expect(ranking.people[0]).toMatchObject({ rank: 1, name: '李**', townName: '双江镇', me: true });
    expect(JSON.stringify(ranking)).not.toContain('dev-learner');
    await call(host, 'learn', 'setRankingOptIn', { optIn: false }, 'dev-learner');
    expect(dataOf(await call(host, 'learn', 'ranking', { period: 'year' }, 'dev-learner')).people).toHaveLength(0);
  });
});

describe('纠错 reports', () => {
  it('records a report once per person and question, without the reporter identity', async () => {
    const a = dataOf(await call(host, 'learn', 'reportQuestion', { questionId: 'anti-dv-q001', reason: '答案有误', note: '我觉得应该选B' }, 'e-1'));
    const b = dataOf(await call(host, 'learn', 'reportQuestion', { questionId: 'anti-dv-q001', reason: '其他' }, 'e-1'));
    expect(b.reportId).toBe(a.reportId);
    const stored = host.store.get('reports', a.reportId)?.doc as Loose;
    expect(stored).toMatchObject({ questionId: 'anti-dv-q001', reason: '答案有误', status: 'open' });
    expect(JSON.stringify(stored)).not.toContain('e-1');
  });

  it("reporting a question again opens a new report and keeps the staff's resolution of the earlier one", async () => {
    const first = dataOf(await call(host, 'learn', 'reportQuestion', { questionId: 'anti-dv-q002', reason: '答案有误', note: '第一次' }, 'e-2'));
    dataOf(await call(host, 'learnAdmin', 'resolveReport', { id: first.reportId, decision: 'rejected', note: '答案无误：见第二十三条' }, 'dev-admin'));
    const again = dataOf(await call(host, 'learn', 'reportQuestion', { questionId: 'anti-dv-q002', reason: '题目表述不清', note: '第二次' }, 'e-2'));
    expect(host.store.get('reports', again.reportId)?.doc).toMatchObject({ status: 'open', reason: '题目表述不清', note: '第二次' });
    const rejected = dataOf(await call(host, 'learnAdmin', 'listReports', { status: 'rejected' }, 'dev-admin')).reports.filter((r) => r.questionId === 'anti-dv-q002');
    expect(rejected).toEqual([expect.objectContaining({ status: 'rejected', resolution: '答案无误：见第二十三条', note: '第一次' })]);
  });

  it('refuses an unknown question or reason', async () => {
    expect(await call(host, 'learn', 'reportQuestion', { questionId: 'nope-q001', reason: '其他' }, 'e-1')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(host, 'learn', 'reportQuestion', { questionId: 'anti-dv-q001', reason: '不喜欢' }, 'e-1')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
