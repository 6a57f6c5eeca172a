import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Query } from 'mingo';
import { createHost, type Host } from '../../server/host';
import { ROWS, type Row, type Sdk } from './database-rows';

// Each row of database-rows.ts through the real wx-server-sdk on the local engine, twice: with the
// engine's fast paths (as it runs) and with mingo alone. Both must give CloudBase's answer, and so
// the same answer.
type Doc = Record<string, unknown> & { _id: string };
type Observed = { ok: unknown } | { error: { errCode: unknown; errMsg: string } };

const COLLECTION = 'conformance';
const MODES = [
  { name: 'fast paths', mingoOnly: false },
  { name: 'mingo only', mingoOnly: true },
] as const;
const observed = new Map<string, Map<string, Observed>>(MODES.map((m) => [m.name, new Map()]));

/** Documents every row may read: 1100 for the limits, 30 groups for aggregate. */
function sharedFixtures(): Doc[] {
  const bulk = Array.from({ length: 1100 }, (_, i) => ({ _id: `bulk-${i}`, kind: 'bulk', n: i }));
  const agg = Array.from({ length: 30 }, (_, i) => ({ _id: `agg-${i}`, kind: 'agg', g: `g${i}` }));
  return [...bulk, ...agg];
}

async function observe(row: Row, sdk: Sdk): Promise<Observed> {
  try {
    return { ok: await row.run(sdk) };
  } catch (err) {
    const e = err as { errCode?: unknown; errMsg?: unknown; message?: unknown };
    return { error: { errCode: e.errCode, errMsg: String(e.errMsg ?? e.message) } };
  }
}

function expectedOf(row: Row): unknown {
  if ('ok' in row.outcome) return { ok: row.outcome.ok };
  return { error: { errCode: row.outcome.error.errCode, errMsg: expect.stringMatching(row.outcome.error.errMsg) as unknown } };
}

for (const mode of MODES) {
  describe(`CloudBase database rules through the real SDK (${mode.name})`, () => {
    let host: Host;
    let sdk: Sdk;
    beforeAll(async () => {
      const noFunctions = fs.mkdtempSync(path.join(os.tmpdir(), 'conformance-fn-'));
      host = createHost({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'conformance-')), seed: false, functionsDir: noFunctions, mingoOnly: mode.mingoOnly });
      host.store.createCollection(COLLECTION, [{ name: 'by_kind_n', fields: [['kind', 1], ['n', 1]] }]);
      const given = [...sharedFixtures(), ...ROWS.flatMap((r) => r.given ?? [])];
      host.store.commitSync(given.map((doc) => ({ coll: COLLECTION, id: doc._id, doc })));
      const { db, _ } = await import('../../cloudfunctions/_lib/cloud');
      const c = () => db.collection(COLLECTION);
      sdk = {
        c,
        db,
        _,
        doc: async (id) => ((await (c().doc(id).get() as Promise<{ data: Doc | null }>)).data ?? null),
        ids: async (query) => ((await (query.get() as Promise<{ data: Doc[] }>)).data).map((x) => x._id),
        size: async (query) => ('end' in query ? (await (query.end() as Promise<{ list: unknown[] }>)).list : (await (query.get() as Promise<{ data: unknown[] }>)).data).length,
      };
    });
    afterAll(() => host.close());

    it(mode.mingoOnly ? 'evaluates even a plain equality query with mingo' : 'answers a plain equality query without mingo', async () => {
      const test = jest.spyOn(Query.prototype, 'test');
      expect(await sdk.ids(sdk.c().where({ kind: 'ord', n: 2 }).limit(10))).toEqual(['ord-2']);
      expect(test.mock.calls.length > 0).toBe(mode.mingoOnly);
      test.mockRestore();
    });

    for (const row of ROWS) {
      it(`${row.operation} → ${row.expected}`, async () => {
        expect(row.source.length).toBeGreaterThan(0);
        const before = (row.unchanged ?? []).map((id) => host.store.get(COLLECTION, id)?.doc);
        const seen = await observe(row, sdk);
        observed.get(mode.name)?.set(row.operation, seen);
        expect(seen).toEqual(expectedOf(row));
        expect((row.unchanged ?? []).map((id) => host.store.get(COLLECTION, id)?.doc)).toEqual(before);
      });
    }
  });
}

describe('the fast paths and mingo', () => {
  it(`give the same answer to all ${ROWS.length} rows`, () => {
    const [fast, mingo] = MODES.map((m) => observed.get(m.name));
    expect(fast?.size).toBe(ROWS.length);
    expect(mingo).toEqual(fast);
  });
});
