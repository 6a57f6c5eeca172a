import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONSENT_VERSION } from '../shared/domain/help';
import { createHost, type Host } from '../server/host';
import type { CallIdentity, CallStats } from '../server/sdk-host';

// The main user actions as on CloudBase, where every database request is a network round trip:
// the local transport waits a fixed delay before each request. What matters then is how many
// requests a call makes one after another (each waits for the previous answer), not how many in all.

/** The goal: at most this many sequential database round trips per main action. */
export const ROUND_TRIP_GOAL = 3;

interface Measured {
  action: string;
  requests: number;
  roundTrips: number;
  p50: number;
  p90: number;
}

type Ok = { ok: true; data: Record<string, unknown> };

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
const median = (xs: number[]) => quantile(xs, 0.5);

async function must(host: Host, fn: string, action: string, input: unknown, who: CallIdentity): Promise<Record<string, unknown>> {
  const res = (await host.invoke(fn, { action, input }, who)) as Ok | { ok: false; error: unknown };
  if (!res.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(res.error)}`);
  return res.data;
}

/** One main action: how to prepare run i (unmeasured) and the measured call. */
interface Scenario {
  action: string;
  prepare?: (host: Host, i: number) => Promise<unknown>;
  call: (i: number, prepared: unknown) => { fn: string; input: unknown; who: CallIdentity };
}

function scenarios(topicId: string, suggestionId: string): Scenario[] {
  return [
    { action: 'learn.getLesson', call: (i) => ({ fn: 'learn', input: { lessonId: 'anti-dv-01' }, who: { openid: `lat-reader-${i}` } }) },
    { action: 'learn.startQuiz', call: (i) => ({ fn: 'learn', input: { mode: 'practice', lawId: 'anti-dv', count: 10 }, who: { openid: `lat-quiz-${i}` } }) },
    {
      action: 'learn.submitQuiz',
      prepare: async (host, i) => {
        const quiz = (await must(host, 'learn', 'startQuiz', { mode: 'practice', lawId: 'anti-dv', count: 10 }, { openid: `lat-submit-${i}` })) as { attemptId: string; questions: Array<{ id: string; options: Array<{ key: string }> }> };
        return { attemptId: quiz.attemptId, answers: quiz.questions.map((q) => ({ questionId: q.id, keys: [q.options[0]?.key ?? 'A'] })) };
      },
      call: (i, prepared) => ({ fn: 'learn', input: prepared, who: { openid: `lat-submit-${i}` } }),
    },
    {
      action: 'hall.submitSuggestion',
      call: (i) => ({ fn: 'hall', input: { topicId, content: `建议在村口路段增设减速带和警示牌，保护孩子上学安全（${i}）。`, anonymous: false }, who: { openid: `lat-suggest-${i}` } }),
    },
    // The topic's id goes with it, as the topic page sends it.
    { action: 'hall.support', call: (i) => ({ fn: 'hall', input: { suggestionId, topicId }, who: { openid: `lat-support-${i}` } }) },
    {
      action: 'help.submitRequest',
      call: (i) => ({
        fn: 'help',
        input: { category: '家庭暴力', description: '需要帮助，请在工作日上午联系。', town: 'shuangjiang', village: 'shuangjiang-v1', contact: { method: 'phone', phone: '13800000000', safeTimes: '工作日上午' }, urgency: 'normal', age: 'adult', consentVersion: CONSENT_VERSION },
        who: { openid: `lat-help-${i}` },
      }),
    },
    { action: 'stats.dashboard', call: () => ({ fn: 'stats', input: { kind: 'month' }, who: { openid: 'dev-district' } }) },
  ];
}

/**
 * Runs each main action `runs` times (each run a different person, as real traffic is, after one
 * unmeasured warm-up call that fills the function instance's caches) with `delayMs` per database
 * request. Round trips are the longest chain of requests each sent after the previous answered.
 */
export async function measureLatency(delayMs: number, runs = 21): Promise<Measured[]> {
  const host = createHost({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'jgfzt-latency-')), latencyMs: delayMs });
  try {
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const topic = await must(host, 'hall', 'createTopic', { title: '村口道路安全建议征集', description: '', scope: { level: 'district', town: null, village: null }, deadline }, { openid: 'dev-district' });
    const suggestion = await must(host, 'hall', 'submitSuggestion', { topicId: topic.id, content: '建议在学校门口设置护学岗，上下学时段有人值守。', anonymous: false }, { openid: 'dev-resident' });
    const out: Measured[] = [];
    for (const s of scenarios(String(topic.id), String(suggestion.id))) {
      const stats: CallStats[] = [];
      const ms: number[] = [];
      for (let i = -1; i < runs; i += 1) {
        const prepared = s.prepare ? await s.prepare(host, i) : undefined;
        const { fn, input, who } = s.call(i, prepared);
        const t0 = performance.now();
        const { result, stats: st } = await host.measure(fn, { action: s.action.split('.')[1], input }, who);
        const elapsed = performance.now() - t0;
        if (!(result as { ok: boolean }).ok) throw new Error(`${s.action} failed: ${JSON.stringify(result)}`);
        if (i < 0) continue; // the warm-up call
        stats.push(st);
        ms.push(elapsed);
      }
      out.push({ action: s.action, requests: median(stats.map((x) => x.requests)), roundTrips: Math.max(...stats.map((x) => x.roundTrips)), p50: median(ms), p90: quantile(ms, 0.9) });
    }
    return out;
  } finally {
    host.close();
  }
}

/** The latency table as Markdown lines. */
export async function latencyTable(delayMs: number, runs = 21): Promise<string[]> {
  const rows = await measureLatency(delayMs, runs);
  return [
    `| action | database requests | sequential round trips (goal ≤ ${ROUND_TRIP_GOAL}) | p50 | p90 |`,
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.action} | ${r.requests} | ${r.roundTrips}${r.roundTrips > ROUND_TRIP_GOAL ? ' ✗' : ''} | ${r.p50.toFixed(1)} ms | ${r.p90.toFixed(1)} ms |`),
    '',
    `In-process host, ${delayMs} ms before every database request (BENCH_DB_LATENCY_MS), ${runs} calls per action after one warm-up call, each by a different person (a fresh identity: no profile, first of the day in every counter). Requests are the median per call; round trips the most any call needed.`,
  ];
}
