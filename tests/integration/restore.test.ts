import { seed } from '../../server/migrate';
import type { Host } from '../../server/host';
import { chinaDay } from '../../shared/time';
import { call, dataOf, freshHost } from '../support/host';

let host: Host;
beforeAll(() => {
  host = freshHost();
});
afterAll(() => host.close());

const STAFF = 'dev-district';
const READER = 'restore-reader';
const lessonReads = () => (host.store.get('counters', `lesson_read:law=anti-dv|day|${chinaDay(new Date())}`)?.doc as { times?: number } | undefined)?.times ?? 0;
const lawOf = async (lawId: string, all = false) => dataOf(await call(host, 'learn', 'listLaws', all ? { all } : {}, READER)).laws.find((l) => l.id === lawId);

describe('content staff remove can be restored', () => {
  it('a removed lesson is hidden from readers, numbered around, kept with who and when, and restored in its place', async () => {
    await call(host, 'learn', 'getLesson', { lessonId: 'anti-dv-02' }, READER);
    const reads = lessonReads();
    expect(reads).toBe(1);

    expect(dataOf(await call(host, 'learnAdmin', 'retireLesson', { id: 'anti-dv-02' }, STAFF))).toEqual({ id: 'anti-dv-02', status: 'retired' });

    // Readers: five lessons numbered 1–5, the removed one gone, its neighbours linked to each other.
    const { lessons } = dataOf(await call(host, 'learn', 'listLessons', { lawId: 'anti-dv' }, READER));
    expect(lessons.map((l) => [l.id, l.order])).toEqual([
      ['anti-dv-01', 1],
      ['anti-dv-03', 2],
      ['anti-dv-04', 3],
      ['anti-dv-05', 4],
      ['anti-dv-06', 5],
    ]);
    expect(await call(host, 'learn', 'getLesson', { lessonId: 'anti-dv-02' }, READER)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const third = dataOf(await call(host, 'learn', 'getLesson', { lessonId: 'anti-dv-03' }, READER));
    expect({ number: third.number, count: third.count, prev: third.prev?.id }).toEqual({ number: 2, count: 5, prev: 'anti-dv-01' });
    expect((await lawOf('anti-dv'))?.lessonCount).toBe(5);

    // Staff: the removed lesson, with who removed it and when; its reads stay counted.
    const staffView = dataOf(await call(host, 'learnAdmin', 'listLessons', { lawId: 'anti-dv' }, STAFF));
    const removed = staffView.lessons.find((l) => l.id === 'anti-dv-02');
    expect(removed).toMatchObject({ status: 'retired', number: null, removedBy: '王静（区妇联）' });
    expect(Date.parse(removed?.removedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(staffView.lessons.find((l) => l.id === 'anti-dv-03')?.number).toBe(2);
    // The read of the removed lesson still counts (beside the read of 第2课 just now).
    expect(lessonReads()).toBe(reads + 1);

    // A change of the seeded content does not bring it back behind the staff's back.
    host.store.commitSync([{ coll: 'meta', id: 'content', doc: { _id: 'content', hash: 'changed' } }]);
    expect(seed(host.store).content).toBe(true);
    expect(host.store.get('lessons', 'anti-dv-02')?.doc).toMatchObject({ status: 'retired' });
    expect((await lawOf('anti-dv'))?.lessonCount).toBe(5);

    // Restored: back in its place, for everyone.
    expect(dataOf(await call(host, 'learnAdmin', 'retireLesson', { id: 'anti-dv-02', restore: true }, STAFF))).toEqual({ id: 'anti-dv-02', status: 'active' });
    const again = dataOf(await call(host, 'learn', 'listLessons', { lawId: 'anti-dv' }, READER));
    expect(again.lessons.map((l) => l.id)).toEqual(['anti-dv-01', 'anti-dv-02', 'anti-dv-03', 'anti-dv-04', 'anti-dv-05', 'anti-dv-06']);
    expect(dataOf(await call(host, 'learn', 'getLesson', { lessonId: 'anti-dv-02' }, READER)).number).toBe(2);
    expect((await lawOf('anti-dv'))?.lessonCount).toBe(6);
    const restored = dataOf(await call(host, 'learnAdmin', 'listLessons', { lawId: 'anti-dv' }, STAFF)).lessons.find((l) => l.id === 'anti-dv-02');
    expect(restored).toMatchObject({ status: 'active', number: 2, removedAt: null, removedBy: null });
    expect(lessonReads()).toBe(reads + 2);
  });

  it('a retired question shows who retired it and when, and comes back on restore', async () => {
    dataOf(await call(host, 'learnAdmin', 'retireQuestion', { id: 'minors-q002' }, STAFF));
    const listed = dataOf(await call(host, 'learnAdmin', 'listQuestions', { lawId: 'minors', status: 'retired', page: 1, pageSize: 10 }, STAFF)).items;
    expect(listed.find((q) => q.id === 'minors-q002')).toMatchObject({ status: 'retired', removedBy: '王静（区妇联）' });
    dataOf(await call(host, 'learnAdmin', 'retireQuestion', { id: 'minors-q002', restore: true }, STAFF));
    const back = dataOf(await call(host, 'learnAdmin', 'listQuestions', { lawId: 'minors', page: 1, pageSize: 50 }, STAFF)).items.find((q) => q.id === 'minors-q002');
    expect(back).toMatchObject({ status: 'active', removedAt: null, removedBy: null });
  });

  it('a removed campaign disappears for users, keeps its attempts, and comes back on restore', async () => {
    const now = Date.now();
    const campaign = {
      title: '三八节知识竞答',
      description: '',
      startsAt: new Date(now - 86_400_000).toISOString(),
      endsAt: new Date(now + 7 * 86_400_000).toISOString(),
      dailyCap: 3,
      questionCount: 2,
      ratio: { 'anti-dv': 1 },
      passMark: 60,
      timeLimitSec: null,
      published: true,
    };
    const { id } = dataOf(await call(host, 'learnAdmin', 'saveCampaign', { campaign }, STAFF));
    const attempt = dataOf(await call(host, 'learn', 'startQuiz', { mode: 'campaign', campaignId: id }, READER));
    dataOf(await call(host, 'learnAdmin', 'removeCampaign', { id }, STAFF));
    expect(dataOf(await call(host, 'learn', 'listCampaigns', {}, READER)).campaigns.map((c) => c.id)).not.toContain(id);
    expect(await call(host, 'learn', 'startQuiz', { mode: 'campaign', campaignId: id }, READER)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(host.store.get('attempts', attempt.attemptId)).toBeDefined();
    const staffView = dataOf(await call(host, 'learnAdmin', 'listCampaigns', {}, STAFF)).campaigns.find((c) => c.id === id);
    expect(staffView).toMatchObject({ removed: true, removedBy: '王静（区妇联）' });
    // Editing it keeps it removed: only 恢复 brings it back.
    dataOf(await call(host, 'learnAdmin', 'saveCampaign', { campaign: { ...campaign, id, title: '三八节知识竞答（改）' } }, STAFF));
    expect(dataOf(await call(host, 'learn', 'listCampaigns', {}, READER)).campaigns.map((c) => c.id)).not.toContain(id);
    dataOf(await call(host, 'learnAdmin', 'removeCampaign', { id, restore: true }, STAFF));
    expect(dataOf(await call(host, 'learn', 'listCampaigns', {}, READER)).campaigns.find((c) => c.id === id)).toMatchObject({ title: '三八节知识竞答（改）' });
    expect(dataOf(await call(host, 'learnAdmin', 'listCampaigns', {}, STAFF)).campaigns.find((c) => c.id === id)).toMatchObject({ removed: false, removedAt: null });
  });

  it('refuses removal and restore to anyone but district staff', async () => {
    for (const who of ['dev-learner', 'dev-station', 'dev-town']) {
      expect(await call(host, 'learnAdmin', 'retireLesson', { id: 'minors-01' }, who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await call(host, 'learnAdmin', 'removeCampaign', { id: 'any', restore: true }, who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});

describe('every law can be practised', () => {
  it('a law whose lessons were all removed still offers its practice quiz', async () => {
    const { lessons } = dataOf(await call(host, 'learnAdmin', 'listLessons', { lawId: 'family-education' }, STAFF));
    for (const l of lessons) dataOf(await call(host, 'learnAdmin', 'retireLesson', { id: l.id }, STAFF));
    expect(await lawOf('family-education')).toMatchObject({ lessonCount: 0, questionCount: 35 });
    const view = dataOf(await call(host, 'learn', 'listLessons', { lawId: 'family-education' }, READER));
    expect(view).toMatchObject({ lessons: [], questionCount: 35 });
    const quiz = dataOf(await call(host, 'learn', 'startQuiz', { mode: 'practice', lawId: 'family-education', count: 10 }, READER));
    expect(quiz.questions).toHaveLength(10);
    expect(quiz.questions.every((q) => q.lawId === 'family-education')).toBe(true);
    const result = dataOf(await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: [] }, READER));
    expect(result.items[0]?.article.law).toBe('中华人民共和国家庭教育促进法');
  });

  it('a law with neither lessons nor questions is not offered to readers, but staff still see it', async () => {
    const { items } = dataOf(await call(host, 'learnAdmin', 'listQuestions', { lawId: 'family-education', page: 1, pageSize: 50 }, STAFF));
    for (const q of items) dataOf(await call(host, 'learnAdmin', 'retireQuestion', { id: q.id }, STAFF));
    expect(await lawOf('family-education')).toBeUndefined();
    expect(await lawOf('family-education', true)).toMatchObject({ lessonCount: 0, questionCount: 0 });
    expect(await call(host, 'learn', 'startQuiz', { mode: 'practice', lawId: 'family-education' }, READER)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('practice answered one question at a time', () => {
  it('grades an answer at once, locks it, and 交卷 counts the locked answer', async () => {
    const quiz = dataOf(await call(host, 'learn', 'startQuiz', { mode: 'practice', lawId: 'anti-dv', count: 3 }, 'checker'));
    expect(JSON.stringify(quiz)).not.toMatch(/"answer"|explanation/);
    const [first, second] = quiz.questions;
    if (!first || !second) throw new Error('expected three questions');
    const key = (host.store.get('questions', first.id)?.doc as unknown as { answer: string[] }).answer;
    const wrong = first.options.map((o) => o.key).find((k) => !key.includes(k)) as string;

    const checked = dataOf(await call(host, 'learn', 'checkAnswer', { attemptId: quiz.attemptId, questionId: first.id, keys: [wrong] }, 'checker'));
    expect(checked).toMatchObject({ questionId: first.id, chosen: [wrong], answer: key, correct: false });
    expect(checked.explanation.length).toBeGreaterThan(3);
    expect(checked.article.text.length).toBeGreaterThan(3);
    // Once she has seen the key, her answer cannot change, here or at 交卷.
    const again = dataOf(await call(host, 'learn', 'checkAnswer', { attemptId: quiz.attemptId, questionId: first.id, keys: key }, 'checker'));
    expect(again).toMatchObject({ chosen: [wrong], correct: false });
    const result = dataOf(await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: [{ questionId: first.id, keys: key }] }, 'checker'));
    expect(result.items.find((i) => i.questionId === first.id)).toMatchObject({ chosen: [wrong], correct: false });
    expect(await call(host, 'learn', 'checkAnswer', { attemptId: quiz.attemptId, questionId: second.id, keys: ['A'] }, 'checker')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('never grades one answer of a campaign or of someone else’s attempt, nor a key the question lacks', async () => {
    const now = Date.now();
    const { id } = dataOf(
      await call(
        host,
        'learnAdmin',
        'saveCampaign',
        { campaign: { title: '竞答', description: '', startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 86_400_000).toISOString(), dailyCap: 5, questionCount: 2, ratio: { minors: 1 }, passMark: 60, timeLimitSec: null, published: true } },
        STAFF,
      ),
    );
    const contest = dataOf(await call(host, 'learn', 'startQuiz', { mode: 'campaign', campaignId: id }, 'checker'));
    const q = contest.questions[0];
    if (!q) throw new Error('expected a question');
    expect(await call(host, 'learn', 'checkAnswer', { attemptId: contest.attemptId, questionId: q.id, keys: [q.options[0]?.key ?? 'A'] }, 'checker')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const practice = dataOf(await call(host, 'learn', 'startQuiz', { mode: 'practice', lawId: 'minors', count: 1 }, 'checker'));
    const p = practice.questions[0];
    if (!p) throw new Error('expected a question');
    expect(await call(host, 'learn', 'checkAnswer', { attemptId: practice.attemptId, questionId: p.id, keys: [p.options[0]?.key ?? 'A'] }, 'someone-else')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const missing = ['A', 'B', 'C', 'D', 'E', 'F', 'T'].find((k) => !p.options.some((o) => o.key === k)) as string;
    expect(await call(host, 'learn', 'checkAnswer', { attemptId: practice.attemptId, questionId: p.id, keys: [missing] }, 'checker')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call(host, 'learn', 'checkAnswer', { attemptId: practice.attemptId, questionId: 'minors-q999', keys: ['A'] }, 'checker')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
