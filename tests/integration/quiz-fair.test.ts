import type { Quiz } from '../../shared/contracts/quiz';
import type { Host } from '../../server/host';
import { call, dataOf, freshHost } from '../support/host';

let host: Host;
beforeAll(() => {
  host = freshHost();
});
afterAll(() => host.close());
afterEach(() => jest.useRealTimers());

type Loose = Record<string, unknown>;
const answerOf = (id: string) => (host.store.get('questions', id)?.doc as unknown as { answer: string[] }).answer;
const rightAnswers = (quiz: Quiz) => quiz.questions.map((q) => ({ questionId: q.id, keys: answerOf(q.id) }));
const wrongAnswers = (quiz: Quiz) => quiz.questions.map((q) => ({ questionId: q.id, keys: [q.options.map((o) => o.key).find((k) => !answerOf(q.id).includes(k)) as string] }));
const progress = (openid: string) => host.store.get('progress', openid)?.doc as Loose | undefined;
const travel = (ms: number) => {
  jest.useFakeTimers({ doNotFake: ['setImmediate', 'setTimeout', 'setInterval', 'nextTick', 'queueMicrotask', 'clearTimeout', 'clearInterval', 'clearImmediate', 'hrtime', 'performance'], now: Date.now() + ms });
};

const campaign = (id: string, ratio: Record<string, number>, extra: Loose = {}) => ({
  coll: 'campaigns',
  id,
  doc: {
    _id: id,
    title: '法治知识竞答',
    description: '',
    startsAt: new Date(Date.now() - 3_600_000),
    endsAt: new Date(Date.now() + 86_400_000),
    dailyCap: 3,
    questionCount: 10,
    ratio,
    passMark: 60,
    timeLimitSec: null,
    published: true,
    ...extra,
  },
});

async function practice(openid: string, lawId: string, count = 10): Promise<Quiz> {
  return dataOf(await call(host, 'learn', 'startQuiz', { mode: 'practice', lawId, count }, openid));
}

describe('fair campaigns: a campaign’s questions are set aside while it is published and not ended', () => {
  it('practice, 每日一题, drills and the mistake book reveal nothing of them; the rest stays open', async () => {
    const who = 'fair-learner';
    // Before the campaign: wrong answers on two laws go into her book.
    for (const lawId of ['minors', 'anti-dv']) {
      const quiz = await practice(who, lawId, 5);
      dataOf(await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: wrongAnswers(quiz) }, who));
    }
    expect(dataOf(await call(host, 'learn', 'listMistakes', {}, who)).total).toBe(10);

    // A campaign draws from every law but 家庭教育促进法.
    host.store.commitSync([campaign('fair-all', { constitution: 1, 'civil-code': 1, 'women-rights': 1, 'anti-dv': 1, minors: 1 })]);

    const refused = await call(host, 'learn', 'startQuiz', { mode: 'practice', lawId: 'minors', count: 5 }, who);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!refused.ok) expect(refused.error.message).toContain('法治知识竞答');
    expect((await practice(who, 'family-education', 3)).questions).toHaveLength(3);

    const book = dataOf(await call(host, 'learn', 'listMistakes', {}, who));
    expect(book).toMatchObject({ total: 0, groups: [], setAside: 10 });
    expect(await call(host, 'learn', 'drillMistakes', {}, who)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const daily = dataOf(await call(host, 'learn', 'startQuiz', { mode: 'daily' }, 'fair-daily'));
    expect(daily.questions.map((q) => q.lawId)).toEqual(['family-education']);

    // Once it has ended, everything is back.
    host.store.commitSync([campaign('fair-all', { constitution: 1, 'civil-code': 1, 'women-rights': 1, 'anti-dv': 1, minors: 1 }, { startsAt: new Date(Date.now() - 7 * 86_400_000), endsAt: new Date(Date.now() - 60_000) })]);
    expect(dataOf(await call(host, 'learn', 'listMistakes', {}, who))).toMatchObject({ total: 10, setAside: 0 });
    expect((await practice(who, 'minors', 5)).questions).toHaveLength(5);
  });

  it('refuses a campaign attempt submitted after the campaign closed, and records nothing for it', async () => {
    host.store.commitSync([campaign('fair-closing', { 'family-education': 1 })]);
    const who = 'fair-late';
    const quiz = dataOf(await call(host, 'learn', 'startQuiz', { mode: 'campaign', campaignId: 'fair-closing' }, who));
    const doc = host.store.get('campaigns', 'fair-closing')?.doc as Loose;
    host.store.commitSync([{ coll: 'campaigns', id: 'fair-closing', doc: { ...doc, _id: 'fair-closing', endsAt: new Date(Date.now() - 60_000) } }]);
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
      travel(86_400_000);
      const tomorrow = await practice(who, 'family-education', 10);
      expect(dataOf(await call(host, 'learn', 'submitQuiz', { attemptId: tomorrow.attemptId, answers: rightAnswers(tomorrow) }, who)).pointsEarned).toBe(10);
      expect(progress(who)).toMatchObject({ points: 22 });
    } finally {
      delete process.env.LEARN_POINTS_PER_DAY;
    }
  });
});
