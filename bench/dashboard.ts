import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { counterId, metricVariant, periodsOf } from '../shared/stats-keys';
import { createHost } from '../server/host';
import type { Write } from '../server/store/types';

const TOWNS = ['zitong', 'guxi', 'shuangjiang', 'baolong', 'taian', 'chongkan', 'huayan', 'baizi'];
const LAWS = ['anti-dv', 'women-rights', 'minors', 'civil-code', 'constitution', 'family-education'];
const CATEGORIES = ['家庭暴力', '婚姻家庭纠纷', '法律咨询', '儿童权益', '其他'];
type Amounts = Record<string, number>;
interface Counter {
  _id: string;
  metric: string;
  period: string;
  key: string;
  times: number;
  people: number;
  towns: Record<string, Amounts>;
}

/**
 * Builds the counters `n` events would leave (the same documents countEvent writes), and stores
 * `n` raw records beside them, so the store holds as many documents as a system with that history.
 */
function simulate(n: number): Write[] {
  const counters = new Map<string, Counter>();
  const seen = new Set<string>();
  const start = Date.parse('2026-01-01T04:00:00Z');
  for (let i = 0; i < n; i += 1) {
    const at = new Date(start + (i % 365) * 86_400_000);
    const person = `p${i % 20_000}`;
    const town = TOWNS[i % TOWNS.length] as string;
    const kind = i % 5;
    const metrics =
      kind === 0
        ? ['lesson_read', metricVariant('lesson_read', ['law', LAWS[i % 6] as string])]
        : kind === 1
          ? ['quiz_attempt', metricVariant('quiz_law', ['law', LAWS[i % 6] as string])]
          : kind === 2
            ? ['suggestion']
            : kind === 3
              ? ['help_request', metricVariant('help_request', ['category', CATEGORIES[i % 5] as string])]
              : ['activity', metricVariant('activity', ['type', '讲座'])];
    for (const metric of metrics) {
      for (const { period, key } of periodsOf(at)) {
        const id = counterId(metric, period, key);
        const c = counters.get(id) ?? { _id: id, metric, period, key, times: 0, people: 0, towns: {} };
        const first = !seen.has(`${id}|${person}`);
        if (first) seen.add(`${id}|${person}`);
        c.times += 1;
        c.people += first ? 1 : 0;
        const t = (c.towns[town] ??= { times: 0, people: 0 });
        t.times = (t.times ?? 0) + 1;
        t.people = (t.people ?? 0) + (first ? 1 : 0);
        counters.set(id, c);
      }
    }
  }
  const writes: Write[] = [...counters.values()].map((c) => ({ coll: 'counters', id: c._id, doc: { ...c } }));
  for (let i = 0; i < n; i += 1) writes.push({ coll: 'markers', id: `raw-${i}`, doc: { _id: `raw-${i}`, at: new Date(start + (i % 365) * 86_400_000) } });
  return writes;
}

/** Dashboard cost at 10³, 10⁵ and 10⁶ recorded events: database operations and time per read. */
export async function dashboardTable(): Promise<string[]> {
  const lines = ['| recorded events | documents in store | database operations per dashboard | median time per dashboard (year view) |', '| --- | --- | --- | --- |'];
  const times: number[] = [];
  const ops: number[] = [];
  for (const n of [1_000, 100_000, 1_000_000]) {
    const host = createHost({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'jgfzt-dash-')) });
    const writes = simulate(n);
    for (let i = 0; i < writes.length; i += 20_000) host.store.commitSync(writes.slice(i, i + 20_000));
    const call = () => host.invoke('stats', { action: 'dashboard', input: { kind: 'year', date: '2026-06-01' } }, { openid: 'dev-district' });
    for (let i = 0; i < 20; i += 1) await call();
    const before = host.engine.ops;
    await call();
    const perCall = host.engine.ops - before;
    const samples: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const t = performance.now();
      const res = (await call()) as { ok: boolean; data?: { totals: { lessonReads: { times: number } } } };
      samples.push(performance.now() - t);
      if (!res.ok) throw new Error('dashboard failed in the benchmark');
    }
    samples.sort((a, b) => a - b);
    const median = samples[100] ?? 0;
    times.push(median);
    ops.push(perCall);
    lines.push(`| ${n.toLocaleString('en-US')} | ${(writes.length + 200).toLocaleString('en-US')} | ${perCall} | ${median.toFixed(1)} ms |`);
    host.close();
  }
  const ratio = (times[2] ?? 0) / (times[0] ?? 1);
  lines.push('');
  lines.push(`Operation counts ${new Set(ops).size === 1 ? 'are equal' : 'DIFFER'}; time ratio largest/smallest = ${ratio.toFixed(2)} (budget ≤ 1.5).`);
  lines.push('The counters are those the areas write (built in memory by the same keys); the raw records are stored beside them so the store holds as many documents as such a history would.');
  return lines;
}
