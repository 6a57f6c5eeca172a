import type { Host } from '../../server/host';
import { freshHost } from '../support/host';

// The SDK's query builder, through the local transport, behaves as CloudBase documents it.
let host: Host;
type Loose = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/consistent-type-imports
let sdk: typeof import('../../cloudfunctions/_lib/cloud');
beforeAll(async () => {
  host = freshHost({ seed: false });
  host.store.createCollection('things', [{ name: 'by_kind', fields: [['kind', 1], ['n', 1]] }]);
  sdk = await import('../../cloudfunctions/_lib/cloud');
});
afterAll(() => host.close());

const things = () => sdk.db.collection('things');
const get = async (q: { get(): unknown }) => ((await q.get()) as { data: Loose[] }).data;

describe('the SDK over the local store', () => {
  it('adds documents with generated or given ids and reads them back by id', async () => {
    const added = (await things().add({ data: { kind: 'a', n: 1, when: new Date('2026-01-02T03:04:05Z') } })) as { _id: string };
    expect(added._id).toMatch(/^[0-9a-f]{32}$/);
    const doc = ((await things().doc(added._id).get()) as { data: Loose }).data;
    expect(doc).toMatchObject({ kind: 'a', n: 1 });
    expect(doc.when).toEqual(new Date('2026-01-02T03:04:05Z'));
    await things().add({ data: { _id: 'fixed', kind: 'b', n: 2 } });
    expect(((await things().doc('fixed').get()) as { data: Loose }).data).toMatchObject({ _id: 'fixed', n: 2 });
  });

  it('reads a missing document as null (throwOnNotFound off)', async () => {
    expect(((await things().doc('missing').get()) as { data: unknown }).data).toBeNull();
  });

  it('refuses a second insert with the same _id as a duplicate key', async () => {
    await expect(things().add({ data: { _id: 'fixed', n: 3 } })).rejects.toMatchObject({ errCode: -502001, errMsg: expect.stringMatching(/duplicate key/) as string });
  });

  it('filters, sorts, skips, limits and projects', async () => {
    const _ = sdk._;
    for (let n = 10; n < 30; n += 1) await things().add({ data: { kind: n % 2 ? 'odd' : 'even', n, nested: { tag: `t${n}` } } });
    const evens = await get(things().where({ kind: 'even', n: _.gte(20) }).orderBy('n', 'desc').skip(1).limit(3).field({ n: true }));
    expect(evens.map((d) => d.n)).toEqual([26, 24, 22]);
    expect(Object.keys(evens[0] ?? {}).sort()).toEqual(['_id', 'n']);
    const nested = await get(things().where({ nested: { tag: 't15' } }).limit(10));
    expect(nested.map((d) => d.n)).toEqual([15]);
    const rx = await get(things().where({ nested: { tag: sdk.db.RegExp({ regexp: '^T2[0-2]$', options: 'i' }) } }).orderBy('n', 'asc').limit(10));
    expect(rx.map((d) => d.n)).toEqual([20, 21, 22]);
    const inList = await get(things().where({ n: _.in([11, 13]) }).orderBy('n', 'asc').limit(10));
    expect(inList.map((d) => d.n)).toEqual([11, 13]);
  });

  it('returns 100 documents when no limit is given and at most 1000', async () => {
    const docs = Array.from({ length: 1100 }, (_, i) => ({ _id: `bulk-${i}`, kind: 'bulk', n: i }));
    host.store.commitSync(docs.map((d) => ({ coll: 'things', id: d._id, doc: d })));
    expect(await get(things().where({ kind: 'bulk' }))).toHaveLength(100);
    expect(await get(things().where({ kind: 'bulk' }).limit(5000))).toHaveLength(1000);
    const count = (await things().where({ kind: 'bulk' }).count()) as { total: number };
    expect(count.total).toBe(1100);
  });

  it('answers indexed equality without scanning the collection', async () => {
    const candidates = jest.spyOn(host.store, 'candidates');
    await get(things().where({ kind: 'bulk', n: 7 }).limit(10));
    const returned = candidates.mock.results[0]?.value as unknown[];
    expect(returned).toHaveLength(1);
    candidates.mockRestore();
  });

  it('merges nested objects on update and replaces the document on set', async () => {
    const _ = sdk._;
    await things().add({ data: { _id: 'm', a: { x: 1, y: 2 }, list: ['p'], count: 1 } });
    await things().doc('m').update({ data: { a: { y: 3 }, list: _.push(['q']), count: _.inc(2) } });
    expect(((await things().doc('m').get()) as { data: Loose }).data).toEqual({ _id: 'm', a: { x: 1, y: 3 }, list: ['p', 'q'], count: 3 });
    await things().doc('m').set({ data: { only: true } });
    expect(((await things().doc('m').get()) as { data: Loose }).data).toEqual({ _id: 'm', only: true });
  });

  it('reports how many documents an update changed (0 for a missing one)', async () => {
    const res = (await things().doc('nobody').update({ data: { a: 1 } })) as { stats: { updated: number } };
    expect(res.stats.updated).toBe(0);
    const many = (await things().where({ kind: 'odd' }).update({ data: { flagged: true } })) as { stats: { updated: number } };
    expect(many.stats.updated).toBe(10);
  });

  it('stores server dates as the server clock at write time', async () => {
    const before = Date.now();
    await things().add({ data: { _id: 'sd', at: sdk.db.serverDate() } });
    const at = (((await things().doc('sd').get()) as { data: Loose }).data.at as Date).getTime();
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it('removes by id and by query', async () => {
    await things().doc('sd').remove();
    expect(((await things().doc('sd').get()) as { data: unknown }).data).toBeNull();
    const res = (await things().where({ kind: 'even' }).remove()) as { stats: { removed: number } };
    expect(res.stats.removed).toBe(10);
  });

  it('aggregates with match and group', async () => {
    const res = (await things().aggregate().match({ kind: 'bulk' }).group({ _id: null, total: sdk.db.command.aggregate.sum('$n') }).end()) as { list: Loose[] };
    expect(res.list).toEqual([{ _id: null, total: (1099 * 1100) / 2 }]);
  });

  it('refuses writes to a collection that does not exist (-502005)', async () => {
    await expect(sdk.db.collection('nope').add({ data: { a: 1 } })).rejects.toMatchObject({ errCode: -502005 });
  });

  it('commits a transaction atomically and reruns it on conflict', async () => {
    await things().add({ data: { _id: 'acct', balance: 10 } });
    let runs = 0;
    const result = (await sdk.db.runTransaction(async (tx: { collection: (n: string) => { doc: (id: string) => { get: () => Promise<{ data: Loose }>; update: (o: unknown) => Promise<unknown> } } }) => {
      runs += 1;
      const { data } = await tx.collection('things').doc('acct').get();
      if (runs === 1) await things().doc('acct').update({ data: { balance: sdk._.inc(5) } }); // a concurrent writer
      await tx.collection('things').doc('acct').update({ data: { balance: (data.balance as number) - 3 } });
      return data.balance;
    })) as number;
    expect(runs).toBe(2);
    expect(result).toBe(15);
    expect(((await things().doc('acct').get()) as { data: Loose }).data.balance).toBe(12);
  });
});
