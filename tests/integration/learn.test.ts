import type { Host } from '../../server/host';
import { call, dataOf, freshHost } from '../support/host';

let host: Host;
beforeAll(() => {
  host = freshHost();
});
afterAll(() => host.close());

const LEARNER = 'dev-learner';

function counter(id: string): { times: number; people: number; towns: Record<string, { times: number; people: number }> } | undefined {
  return host.store.get('counters', id)?.doc as never;
}

describe('learn.listLaws', () => {
  it('lists the seeded laws in order with their lesson counts', async () => {
    const { laws } = dataOf(await call(host, 'learn', 'listLaws', {}, LEARNER));
    expect(laws.map((l) => l.id).slice(0, 5)).toEqual(['constitution', 'civil-code', 'women-rights', 'anti-dv', 'minors']);
    for (const law of laws) expect(law.lessonCount).toBeGreaterThanOrEqual(3);
  });

  it('serves an anonymous visitor too', async () => {
    const res = await call(host, 'learn', 'listLaws', {}, 'visitor-abc');
    expect(res.ok).toBe(true);
  });
});

describe('learn.listLessons', () => {
  it('lists the lessons of a law in order', async () => {
    const { law, lessons } = dataOf(await call(host, 'learn', 'listLessons', { lawId: 'anti-dv' }, LEARNER));
    expect(law.short).toBe('反家庭暴力法');
    expect(lessons.map((l) => l.order)).toEqual(lessons.map((_, i) => i + 1));
    expect(lessons[0]?.id).toBe('anti-dv-01');
  });

  it('answers NOT_FOUND for a law that does not exist', async () => {
    const res = await call(host, 'learn', 'listLessons', { lawId: 'no-such-law' }, LEARNER);
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('rejects a malformed law id with the issues', async () => {
    const res = await call(host, 'learn', 'listLessons', { lawId: '../etc' }, LEARNER);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('INVALID_INPUT');
      expect(res.error.issues?.[0]?.path).toBe('lawId');
    }
  });
});

describe('learn.getLesson', () => {
  it('returns the lesson with its quoted articles and neighbours', async () => {
    const data = dataOf(await call(host, 'learn', 'getLesson', { lessonId: 'anti-dv-02' }, LEARNER));
    expect(data.lesson.articles.length).toBeGreaterThan(0);
    expect(data.lesson.articles[0]?.article).toMatch(/^第.+条/);
    expect(data.prev?.id).toBe('anti-dv-01');
    expect(data.next?.id).toBe('anti-dv-03');
    expect(data.law.id).toBe('anti-dv');
  });

  it('counts reads as 人次 and distinct readers as 人数 per day, in total, per law and per town', async () => {
    const day = (await import('../../shared/time')).chinaDay(new Date());
    const before = counter(`lesson_read|day|${day}`)?.times ?? 0;
    const beforePeople = counter(`lesson_read|day|${day}`)?.people ?? 0;
    await call(host, 'learn', 'getLesson', { lessonId: 'minors-01' }, 'reader-one');
    await call(host, 'learn', 'getLesson', { lessonId: 'minors-02' }, 'reader-one');
    await call(host, 'learn', 'getLesson', { lessonId: 'minors-01' }, 'reader-two');
    const total = counter(`lesson_read|day|${day}`);
    expect(total?.times).toBe(before + 3);
    expect(total?.people).toBe(beforePeople + 2);
    const perLaw = counter(`lesson_read:law=minors|day|${day}`);
    expect(perLaw).toMatchObject({ times: 3, people: 2 });
    // Readers without a town are counted under the no-town bucket.
    expect(perLaw?.towns._none).toEqual({ times: 3, people: 2 });
    for (const period of ['week', 'month', 'year']) {
      const docs = host.store.candidates('counters', { metric: 'lesson_read:law=minors' }).filter((d) => d.period === period);
      expect(docs).toHaveLength(1);
      expect(docs[0]).toMatchObject({ times: 3, people: 2 });
    }
  });

  it('counts a reader with a town under that town', async () => {
    const day = (await import('../../shared/time')).chinaDay(new Date());
    await call(host, 'learn', 'getLesson', { lessonId: 'constitution-01' }, LEARNER);
    expect(counter(`lesson_read:law=constitution|day|${day}`)?.towns.shuangjiang).toEqual({ times: 1, people: 1 });
  });

  it('answers NOT_FOUND for a missing lesson and counts nothing', async () => {
    const ops = host.store.candidates('counters', {}).length;
    const res = await call(host, 'learn', 'getLesson', { lessonId: 'anti-dv-99' }, LEARNER);
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(host.store.candidates('counters', {}).length).toBe(ops);
  });
});

describe('the function runtime, through learn', () => {
  it('answers an unknown action with UNKNOWN_ACTION', async () => {
    expect(await host.invoke('learn', { action: 'nope' }, { openid: LEARNER })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  });

  it('does not treat inherited object keys as actions', async () => {
    expect(await host.invoke('learn', { action: 'toString' }, { openid: LEARNER })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  });

  it('answers an event without an action with BAD_REQUEST', async () => {
    expect(await host.invoke('learn', { input: {} }, { openid: LEARNER })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await host.invoke('learn', 'listLaws', { openid: LEARNER })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('answers a call without WeChat identity with UNAUTHENTICATED', async () => {
    expect(await host.invoke('learn', { action: 'listLaws', input: {} }, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('rejects input fields the schema does not know', async () => {
    const res = await host.invoke('learn', { action: 'getLesson', input: { lessonId: 'anti-dv-01', openid: 'dev-admin' } }, { openid: LEARNER });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('ignores an openid, _openid or role in the event: the reader counted is the context identity', async () => {
    const day = (await import('../../shared/time')).chinaDay(new Date());
    const res = await host.invoke(
      'learn',
      { action: 'getLesson', input: { lessonId: 'family-education-01' }, openid: LEARNER, _openid: LEARNER, role: 'admin' },
      { openid: 'someone-else' },
    );
    expect(res).toMatchObject({ ok: true });
    // The learner lives in shuangjiang; the real caller has no town.
    expect(counter(`lesson_read:law=family-education|day|${day}`)?.towns).toEqual({ _none: { times: 1, people: 1 } });
  });
});
