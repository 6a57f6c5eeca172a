import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureChromium } from './ensure-chromium';
import { ensureLibreOffice } from './ensure-libreoffice';

// `npm test`: typecheck, lint, the builds, then every jest project; ends with one summary line.
const ROOT = path.resolve(__dirname, '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

interface Step {
  name: string;
  ok: boolean;
  seconds: number;
}
const steps: Step[] = [];

function run(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  const started = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = res.status === 0;
  steps.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  console.log(`=== ${name}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

const npx = 'npx';
run('typecheck', npx, ['tsc', '-p', 'tsconfig.json', '--noEmit']);
run('lint', npx, ['eslint', '--max-warnings', '0', '.']);
run('build functions', npx, ['tsx', 'scripts/build-functions.ts']);
run('build weapp', npx, ['taro', 'build', '--type', 'weapp'], { NODE_ENV: 'production' });
run('build h5', npx, ['taro', 'build', '--type', 'h5'], { NODE_ENV: 'production' });
for (const [name, ensure] of [
  ['find chromium', ensureChromium],
  ['find libreoffice', ensureLibreOffice],
] as const) {
  try {
    ensure();
    steps.push({ name, ok: true, seconds: 0 });
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    steps.push({ name, ok: false, seconds: 0 });
  }
}

const report = path.join(ARTIFACTS, 'jest.json');
fs.rmSync(report, { force: true });
// TZ=UTC: every China-time rule must hold whatever the server's zone.
run('jest', npx, ['jest', '--ci', '--json', `--outputFile=${report}`], { TZ: 'UTC' });

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numRuntimeErrorTestSuites: number };
  passed = r.numPassedTests;
  failed = r.numFailedTests + r.numRuntimeErrorTestSuites;
  skipped = r.numPendingTests + r.numTodoTests;
}
const badSteps = steps.filter((s) => !s.ok);
console.log('\n=== summary');
for (const s of steps) console.log(`${s.ok ? 'ok    ' : 'FAILED'} ${s.name} (${s.seconds.toFixed(1)} s)`);
if (skipped > 0) console.log(`${skipped} tests skipped or todo: a skipped test is a defect`);
console.log(`tests: ${passed} passed, ${failed + badSteps.length + skipped} failed`);
process.exit(failed === 0 && badSteps.length === 0 && skipped === 0 && passed > 0 ? 0 : 1);
