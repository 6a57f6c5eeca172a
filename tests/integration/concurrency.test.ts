import type { Host } from '../../server/host';
import { freshHost } from '../support/host';

let host: Host;
beforeAll(() => {
  host = freshHost();
  // 60 people, each with their own name, so a reply shows whose identity the function saw.
  host.store.commitSync(
    Array.from({ length: 60 }, (_, i) => ({
      coll: 'users',
      id: `person-${i}`,
      doc: { _id: `person-${i}`, role: 'user' as const, name: `名字${i}`, town: i % 2 ? 'guxi' : 'zitong', village: null, createdAt: new Date() },
    })),
  );
});
afterAll(() => host.close());

describe('concurrent calls', () => {
  it('60 interleaved calls with different identities each see their own OPENID', async () => {
    const calls = Array.from({ length: 60 }, (_, i) => ({ i, action: i % 3 === 0 ? 'getLesson' : 'me' }));
    const results = await Promise.all(
      calls.map(({ i, action }) =>
        action === 'me'
          ? host.invoke('account', { action: 'me', input: {} }, { openid: `person-${i}` })
          : host.invoke('learn', { action: 'getLesson', input: { lessonId: 'anti-dv-01' } }, { openid: `person-${i}` }),
      ),
    );
    results.forEach((res, i) => {
      expect(res).toMatchObject({ ok: true });
      if (calls[i]?.action === 'me') expect((res as { data: { name: string } }).data.name).toBe(`名字${i}`);
    });
    // The 20 lesson reads were counted each under the reader's own town.
    const counter = host.store.candidates('counters', { metric: 'lesson_read' }).find((d) => d.period === 'year') as unknown as {
      times: number;
      people: number;
      towns: Record<string, { people: number }>;
    };
    expect(counter.times).toBe(20);
    expect(counter.people).toBe(20);
    const readers = calls.filter((c) => c.action === 'getLesson').map((c) => c.i);
    expect(counter.towns.guxi?.people).toBe(readers.filter((i) => i % 2).length);
    expect(counter.towns.zitong?.people).toBe(readers.filter((i) => i % 2 === 0).length);
  });

  it('100 concurrent first reads of one person count 100 times but one person', async () => {
    await Promise.all(Array.from({ length: 100 }, () => host.invoke('learn', { action: 'getLesson', input: { lessonId: 'minors-03' } }, { openid: 'eager-reader' })));
    const counter = host.store.candidates('counters', { metric: 'lesson_read:law=minors' }).find((d) => d.period === 'day') as unknown as { times: number; people: number };
    expect(counter).toMatchObject({ times: 100, people: 1 });
  });
});

describe('counters when the database behind a warm function changes', () => {
  it('still counts into a fresh store (the "known counters" cache heals itself)', async () => {
    const { freshHost: another } = await import('../support/host');
    const second = another();
    try {
      for (let i = 0; i < 3; i += 1) await second.invoke('learn', { action: 'getLesson', input: { lessonId: 'minors-03' } }, { openid: 'eager-reader' });
      const counter = second.store.candidates('counters', { metric: 'lesson_read:law=minors' }).find((d) => d.period === 'year') as unknown as { times: number; people: number };
      expect(counter).toMatchObject({ times: 3, people: 1 });
    } finally {
      second.close();
    }
  });
});
