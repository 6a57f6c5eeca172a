// The China-time rules must hold whatever the server's zone: this file runs the process in UTC.
process.env.TZ = 'UTC';

import type { Host } from '../../server/host';
import { call, dataOf, freshHost } from '../support/host';

let host: Host;

beforeAll(() => {
  host = freshHost();
  const now = new Date();
  const staff = (id: string, role: string, name: string, town: string | null, village: string | null) => ({ coll: 'users', id, doc: { _id: id, role, name, town, village, createdAt: now } });
  host.store.commitSync([staff('act-sj1', 'station', '刘妈', 'shuangjiang', 'shuangjiang-v1'), staff('act-sj2', 'station', '周姐', 'shuangjiang', 'shuangjiang-v2'), staff('act-tw', 'town', '陈敏', 'shuangjiang', null)]);
});
afterAll(() => host.close());

type Stored = { removed?: boolean; removedByName?: string; reached: number; date: string; changes?: Array<{ kind: string; byName: string; before: { reached: number; materials: number; date: string } }> };
const stored = (id: string) => host.store.get('activities', id)?.doc as unknown as Stored;
const lecture = { type: '讲座' as const, date: '2026-10-12', title: '反家暴法宣讲', reached: 30, materials: 100, note: '' };

async function townFigures(month: string) {
  const d = dataOf(await call(host, 'stats', 'dashboard', { kind: 'month', date: `${month}-15` }, 'act-tw'));
  return d.totals.activities;
}

describe('offline activities staff can stand behind', () => {
  it('a correction moves the figures and keeps what it was, by whom and when', async () => {
    const { id } = dataOf(await call(host, 'stats', 'logActivity', lecture, 'act-sj1'));
    expect(await townFigures('2026-10')).toEqual({ count: 1, reached: 30, materials: 100 });

    // The date was wrong too: the activity moves to September, with its corrected figures.
    dataOf(await call(host, 'stats', 'updateActivity', { id, ...lecture, date: '2026-09-28', reached: 45, materials: 80 }, 'act-sj1'));
    expect(await townFigures('2026-10')).toEqual({ count: 0, reached: 0, materials: 0 });
    expect(await townFigures('2026-09')).toEqual({ count: 1, reached: 45, materials: 80 });
    const year = dataOf(await call(host, 'stats', 'dashboard', { kind: 'year', date: '2026-06-01' }, 'act-tw'));
    expect(year.offline.find((o) => o.type === '讲座')).toEqual({ type: '讲座', count: 1, reached: 45, materials: 80 });

    const doc = stored(id);
    expect(doc.reached).toBe(45);
    expect(doc.changes).toHaveLength(1);
    expect(doc.changes?.[0]).toMatchObject({ kind: 'edit', byName: '刘妈', before: { reached: 30, materials: 100, date: '2026-10-12' } });
    const listed = dataOf(await call(host, 'stats', 'listActivities', { year: 2026, page: 1 }, 'act-tw')).activities.find((a) => a.id === id);
    expect(listed).toMatchObject({ reached: 45, edited: { times: 1, byName: '刘妈' }, removed: null });
  });

  it('a removal takes the activity out of every figure; the record stays with who removed it', async () => {
    const { id } = dataOf(await call(host, 'stats', 'logActivity', { ...lecture, date: '2026-08-03', reached: 12, materials: 5 }, 'act-sj1'));
    expect(await townFigures('2026-08')).toEqual({ count: 1, reached: 12, materials: 5 });
    dataOf(await call(host, 'stats', 'removeActivity', { id }, 'act-tw'));
    expect(await townFigures('2026-08')).toEqual({ count: 0, reached: 0, materials: 0 });
    expect(stored(id)).toMatchObject({ removed: true, removedByName: '陈敏', reached: 12 });
    expect(stored(id).changes?.map((c) => c.kind)).toEqual(['remove']);
    const listed = dataOf(await call(host, 'stats', 'listActivities', { year: 2026, page: 1 }, 'act-sj1')).activities.find((a) => a.id === id);
    expect(listed?.removed).toMatchObject({ byName: '陈敏' });
    // Removed is removed: neither corrected nor removed twice (the figures cannot go below zero).
    expect(await call(host, 'stats', 'updateActivity', { id, ...lecture }, 'act-sj1')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(host, 'stats', 'removeActivity', { id }, 'act-tw')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await townFigures('2026-08')).toEqual({ count: 0, reached: 0, materials: 0 });
  });

  it('only staff of its place may change an activity', async () => {
    const { id } = dataOf(await call(host, 'stats', 'logActivity', { ...lecture, date: '2026-07-01' }, 'act-sj1'));
    expect(await call(host, 'stats', 'updateActivity', { id, ...lecture, reached: 1 }, 'act-sj2')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(host, 'stats', 'removeActivity', { id }, 'act-sj2')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(host, 'stats', 'removeActivity', { id }, 'dev-learner')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(stored(id)).toMatchObject({ reached: 30 });
    expect(stored(id).removed).toBeUndefined();
  });

  it('two corrections at once move the figures once', async () => {
    const { id } = dataOf(await call(host, 'stats', 'logActivity', { ...lecture, date: '2026-06-10', reached: 10, materials: 0 }, 'act-sj1'));
    const results = await Promise.all([20, 30].map((reached) => call(host, 'stats', 'updateActivity', { id, ...lecture, date: '2026-06-10', reached, materials: 0 }, 'act-sj1')));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.error.code))).toEqual(['CONFLICT']);
    expect(await townFigures('2026-06')).toEqual({ count: 1, reached: stored(id).reached, materials: 0 });
  });

  it('refuses figures no single activity can have, with a message that says why', async () => {
    const absurd = await call(host, 'stats', 'logActivity', { ...lecture, date: '2026-05-05', reached: 45_806, materials: 439_473 }, 'act-sj1');
    expect(absurd).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const issues = absurd.ok ? [] : (absurd.error.issues ?? []);
    expect(issues.find((i) => i.path === 'reached')?.message).toContain('一场活动覆盖人数不能超过 20000 人');
    expect(issues.find((i) => i.path === 'materials')?.message).toContain('一场活动发放资料不能超过 50000 份');
    expect(await townFigures('2026-05')).toEqual({ count: 0, reached: 0, materials: 0 });
    // Nor can a correction bring them in.
    const { id } = dataOf(await call(host, 'stats', 'logActivity', { ...lecture, date: '2026-05-05' }, 'act-sj1'));
    expect(await call(host, 'stats', 'updateActivity', { id, ...lecture, date: '2026-05-05', materials: 439_473 }, 'act-sj1')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await townFigures('2026-05')).toEqual({ count: 1, reached: 30, materials: 100 });
  });
});
