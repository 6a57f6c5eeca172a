import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { buildFunctions } from '../scripts/build-functions';
import { packageSizes } from '../scripts/weapp-size';
import { craftedSheetsTable } from './crafted-sheets';
import { dashboardTable } from './dashboard';
import { quizOpsTable } from './quiz-ops';
import { latencyTable } from './latency';

// `npm run bench`: weapp package sizes, function bundle sizes and cold-require cost, the local
// host's throughput for learn.getLesson and submitQuiz, and the main actions' database round trips
// at a cloud database's latency. Results are appended to bench/RESULTS.md.
// `npm run bench -- latency` runs the last part alone and appends it.
const ROOT = path.resolve(__dirname, '..');
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;

function coldRequireMs(target: string, runs = 7): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(target)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push(Number(execFileSync(process.execPath, ['-e', script], { cwd: ROOT }).toString()));
  return median(times);
}

/** CPU ticks (1/100 s) used so far by each thread of a process. */
function threadCpu(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.set(Number(tid), Number(fields[11]) + Number(fields[12]));
  }
  return out;
}

/** What one closed-loop run measured. */
interface Throughput {
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** CPU per request, in µs: the server's main thread, its busiest other thread (the store's writer), all its other threads, the load generator. */
  cpu: { main: number; writer: number; others: number; client: number };
}

interface Load {
  /** Before timing: prepares request i (e.g. starts the attempt it will submit). */
  prepare?: (post: Post, i: number) => Promise<unknown>;
  /** The timed request i. */
  request: (post: Post, i: number, prepared: unknown) => Promise<void>;
}
type Post = (fn: string, openid: string, event: unknown) => Promise<{ ok: boolean; data?: unknown }>;

async function throughput(concurrency: number, total: number, load: Load): Promise<Throughput> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jgfzt-bench-'));
  // BENCH_NODE_ARGS passes flags to the server process (e.g. --cpu-prof when profiling).
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', path.join(ROOT, 'bench/serve.ts'), dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      const m = /port (\d+)/.exec(c.toString());
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', () => reject(new Error('bench server exited')));
  });
  // A lean client (node:http, kept-alive sockets, one per caller) so that the load generator's
  // own cost, which shares the two cores, weighs as little as possible on the figures.
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const post: Post = (fn, openid, event) =>
    new Promise((resolve, reject) => {
      const payload = JSON.stringify(event);
      const req = http.request(
        { host: '127.0.0.1', port, path: `/api/fn/${fn}`, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'x-local-openid': openid } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const body = JSON.parse(Buffer.concat(chunks).toString()) as { ok: boolean; data?: unknown };
            if (body.ok) resolve(body);
            else reject(new Error(`benchmark request failed: ${JSON.stringify(body).slice(0, 200)}`));
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  // One closed loop of `concurrency` callers. The first WARM requests run at full concurrency and
  // are not measured (connections open, code warm, the store's pipeline filled); the clock starts
  // when request WARM starts.
  const WARM = 400;
  const prepared: unknown[] = [];
  for (let i = 0; i < total + WARM; i += 1) prepared.push(load.prepare ? await load.prepare(post, i) : undefined);
  const latencies: number[] = [];
  let next = 0;
  let started = 0;
  let serverBefore = new Map<number, number>();
  let clientBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total + WARM) {
        const i = next;
        next += 1;
        if (i === WARM) {
          serverBefore = threadCpu(child.pid ?? 0);
          clientBefore = process.cpuUsage();
          started = performance.now();
        }
        const t0 = performance.now();
        await load.request(post, i, prepared[i]);
        const l = performance.now() - t0;
        if (i < WARM) continue;
        latencies.push(l);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const serverAfter = threadCpu(child.pid ?? 0);
  const clientUsed = process.cpuUsage(clientBefore);
  child.kill('SIGTERM');
  agent.destroy();
  await new Promise((resolve) => child.once('exit', resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
  // Ticks are 10 ms; per request in µs.
  const perRequest = (ticks: number) => (ticks * 10_000) / total;
  const threads = [...serverAfter].map(([tid, t]) => ({ tid, us: perRequest(t - (serverBefore.get(tid) ?? 0)) }));
  const main = threads.find((t) => t.tid === child.pid)?.us ?? 0;
  const rest = threads.filter((t) => t.tid !== child.pid).sort((a, b) => b.us - a.us);
  const writer = rest[0]?.us ?? 0;
  return {
    rps: total / seconds,
    p50: quantile(latencies, 0.5),
    p90: quantile(latencies, 0.9),
    p99: quantile(latencies, 0.99),
    max: quantile(latencies, 1),
    cpu: { main, writer, others: rest.slice(1).reduce((n, t) => n + t.us, 0), client: (clientUsed.user + clientUsed.system) / total },
  };
}

const describeRun = (q: Throughput) =>
  `${q.rps.toFixed(0)} submissions/s, p50 ${q.p50.toFixed(1)} ms, p90 ${q.p90.toFixed(1)} ms, p99 ${q.p99.toFixed(1)} ms, max ${q.max.toFixed(1)} ms; CPU µs per submission: main ${q.cpu.main.toFixed(0)}, writer ${q.cpu.writer.toFixed(0)}, other threads ${q.cpu.others.toFixed(0)}, load generator ${q.cpu.client.toFixed(0)}`;

/** `npm run bench -- quiz` measures submitQuiz only and records nothing (for work on the host). */
async function quizOnly(): Promise<void> {
  console.log(describeRun(await submitQuizLoad()));
}

/** Measured submissions per run (after 400 unmeasured ones at full concurrency). */
const QUIZ_SUBMISSIONS = 4000;
const QUIZ_RUNS = 3;

/**
 * submitQuiz at concurrency 32: every submission is a different person's first of the day (all
 * distinct-people markers new) answering each question with its first shown option (so about
 * three in four wrong and new to the mistake book): the heaviest common case.
 */
function submitQuizLoad(): Promise<Throughput> {
  const laws = ['anti-dv', 'women-rights', 'civil-code', 'minors', 'constitution', 'family-education'];
  return throughput(32, QUIZ_SUBMISSIONS, {
    prepare: async (post, i) => {
      const res = await post('learn', `quiz-${i}`, { action: 'startQuiz', input: { mode: 'practice', lawId: laws[i % laws.length], count: 10 } });
      const quiz = res.data as { attemptId: string; questions: Array<{ id: string; options: Array<{ key: string }> }> };
      return { attemptId: quiz.attemptId, answers: quiz.questions.map((qq) => ({ questionId: qq.id, keys: [qq.options[0]?.key ?? 'A'] })) };
    },
    request: async (post, i, prepared) => {
      await post('learn', `quiz-${i}`, { action: 'submitQuiz', input: prepared });
    },
  });
}

type Say = (line?: string) => void;

/** Runs a benchmark section by section: each line printed, and all appended to bench/RESULTS.md under one heading. */
async function recorded(sections: (say: Say) => Promise<void>): Promise<void> {
  const lines: string[] = [];
  const say: Say = (l = '') => {
    console.log(l);
    lines.push(l);
  };
  say(heading());
  say();
  await sections(say);
  const file = path.join(ROOT, 'bench/RESULTS.md');
  const head = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmark results\n\nAppended by `npm run bench`; newest last.\n\n';
  fs.writeFileSync(file, `${head}${lines.join('\n')}\n`);
}

async function everything(say: Say): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'dist/weapp/app.json'))) {
    spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
  const sizes = packageSizes(path.join(ROOT, 'dist/weapp'));
  say('### weapp package sizes (production build)');
  say('| package | size |');
  say('| --- | --- |');
  say(`| main | ${kib(sizes.main)} |`);
  for (const [root, bytes] of Object.entries(sizes.subpackages)) say(`| ${root} | ${kib(bytes)} |`);
  say();

  const built = await buildFunctions();
  const sdkMs = coldRequireMs('wx-server-sdk');
  say('### function bundles: size and cold require (median of 7 fresh processes)');
  say(`bare \`require('wx-server-sdk')\`: ${sdkMs.toFixed(0)} ms`);
  say();
  say('| function | bundle | cold require | ratio to bare SDK |');
  say('| --- | --- | --- | --- |');
  for (const b of built) {
    const ms = coldRequireMs(path.join(ROOT, 'dist/cloudfunctions', b.name, 'index.js'));
    say(`| ${b.name} | ${kib(b.bytes)} | ${ms.toFixed(0)} ms | ${(ms / sdkMs).toFixed(2)} |`);
  }
  say();

  const lessons = ['anti-dv-01', 'anti-dv-02', 'women-rights-01', 'civil-code-03', 'minors-02', 'constitution-01'];
  const t = await throughput(16, 4000, {
    request: async (post, i) => {
      await post('learn', `bench-${i % 500}`, { action: 'getLesson', input: { lessonId: lessons[i % lessons.length] } });
    },
  });
  say('### local host: learn.getLesson over HTTP, concurrency 16, 4000 requests (each read also moves the lesson counters)');
  say(`${t.rps.toFixed(0)} requests/s, p50 ${t.p50.toFixed(1)} ms, p99 ${t.p99.toFixed(1)} ms`);
  say();

  const runs: Throughput[] = [];
  for (let r = 0; r < QUIZ_RUNS; r += 1) runs.push(await submitQuizLoad());
  say(`### local host: learn.submitQuiz over HTTP, concurrency 32, ${QUIZ_RUNS} runs of ${QUIZ_SUBMISSIONS} submissions of 10 questions (goal ≥ 300/s with p99 < 100 ms)`);
  say('Each submission is a different person\'s first of the day, answering with the first option shown (most answers wrong, new to the mistake book): the heaviest common case. A fresh store per run; 400 unmeasured submissions at full concurrency first.');
  say();
  say('| run | submissions/s | p50 | p90 | p99 | max | CPU µs per submission: main thread | writer thread | other threads | load generator |');
  say('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  runs.forEach((q, i) => {
    say(`| ${i + 1} | ${q.rps.toFixed(0)} | ${q.p50.toFixed(1)} ms | ${q.p90.toFixed(1)} ms | ${q.p99.toFixed(1)} ms | ${q.max.toFixed(1)} ms | ${q.cpu.main.toFixed(0)} | ${q.cpu.writer.toFixed(0)} | ${q.cpu.others.toFixed(0)} | ${q.cpu.client.toFixed(0)} |`);
  });
  const met = runs.filter((q) => q.rps >= 300 && q.p99 < 100).length;
  say();
  say(`Goal met in ${met} of ${QUIZ_RUNS} runs.`);
  say();
  say('### database operations per submission');
  for (const line of await quizOpsTable()) say(line);
  say();

  say('### stats.dashboard at 10³, 10⁵ and 10⁶ recorded events (in-process, warm)');
  for (const line of await dashboardTable()) say(line);
  say();

  say('### crafted spreadsheets: readTable refusing or reading each (issue #12 item 6; median of 5 warm runs)');
  for (const line of craftedSheetsTable()) say(line);
  say();

  await latencySection(say);
}

/** The delay per database request of the latency run: a cloud database's round trip. */
const DB_LATENCY_MS = Number(process.env.BENCH_DB_LATENCY_MS ?? 10);

async function latencySection(say: Say): Promise<void> {
  await buildFunctions();
  say(`### main actions at ${DB_LATENCY_MS} ms per database request (like a cloud database)`);
  for (const line of await latencyTable(DB_LATENCY_MS)) say(line);
  say();
}

function heading(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  return `## ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

// `npm run bench -- latency`: the round-trip table alone, appended.
const modes: Record<string, () => Promise<void>> = { quiz: quizOnly, latency: () => recorded(latencySection) };
(modes[process.argv[2] ?? ''] ?? (() => recorded(everything)))().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
