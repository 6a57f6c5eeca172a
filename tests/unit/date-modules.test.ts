import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// Dates are read, computed and formatted in two modules only, both on dayjs: shared/time.ts (shared
// code and functions) and client/time.ts (display). This keeps hand-made date code from coming back.
const ROOT = path.resolve(__dirname, '../..');
const DATE_MODULES = new Set(['shared/time.ts', 'client/time.ts']);

/** Calendar reading and formatting: nowhere else, the local host included. */
const CALENDAR: Array<[string, RegExp]> = [
  ['Date getters and setters', /\b(get|set)(UTC)?(FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds)\(/],
  ['cutting an ISO string', /toISOString\(\)\s*\.\s*(slice|substr|substring|split|replace)\(/],
  ['locale date formatting', /toLocale(Date|Time)String\(|Intl\.DateTimeFormat/],
  ['Date.parse / Date.UTC', /\bDate\.(parse|UTC)\(/],
  ['a Date built from a date text', /new Date\(`/],
  ['zero-padded date parts', /padStart\(2, ?'0'\)/],
];

/** Time arithmetic: nowhere else in client/, cloudfunctions/ and shared/ (server/ keeps it for timing: timers, timeouts, expiries). */
const ARITHMETIC: Array<[string, RegExp]> = [
  ['a Date built from arithmetic', /new Date\([^)]*[-+*/]/],
  ['arithmetic on getTime() or Date.now()', /(getTime\(\)|Date\.now\(\))\s*[-+]|[-+]\s*[\w.?]+\.getTime\(\)/],
  ['a day or an hour in milliseconds or seconds', /\b86_?400(_?000)?\b|\b3_?600_?000\b|24 \* 60 \* 60|60 \* 60 \* 1000/],
  ['a hand-made day or hour constant', /\bconst (DAY|HOUR)(_MS)?\s*=/],
];

function offenders(dirs: string[], rules: Array<[string, RegExp]>): string[] {
  const patterns = dirs.flatMap((d) => [`${d}/*.ts`, `${d}/*.tsx`]);
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', ...patterns], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !DATE_MODULES.has(f) && fs.existsSync(path.join(ROOT, f)));
  const found: string[] = [];
  for (const file of files) {
    const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const [what, re] of rules) if (re.test(line)) found.push(`${file}:${i + 1} ${what}: ${line.trim()}`);
    });
  }
  return found;
}

describe('date code lives in the two date modules', () => {
  it('finds no calendar reading or formatting outside them', () => {
    expect(offenders(['client', 'cloudfunctions', 'shared', 'server'], CALENDAR)).toEqual([]);
  });

  it('finds no time arithmetic outside them in the app and the functions', () => {
    expect(offenders(['client', 'cloudfunctions', 'shared'], ARITHMETIC)).toEqual([]);
  });

  it('would catch the hand-made date code it is there for', () => {
    const samples = [
      'const d = new Date(t + CHINA_OFFSET_MS);',
      "return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;",
      'const day = new Date().toISOString().slice(0, 10);',
      "const t = Date.parse(`${date}T00:00:00+08:00`);",
      "const pad = (n: number) => String(n).padStart(2, '0');",
      'dueAt: new Date(ctx.now.getTime() + 3 * HOUR),',
      'if (now - dupe.at.getTime() < DAY_MS) return;',
      'const DAY = 24 * HOUR;',
      "const at = new Date(`${date}T12:00:00+08:00`);",
      'for (let t = from; t < to; t += 86_400_000) {}',
    ];
    const rules = [...CALENDAR, ...ARITHMETIC];
    for (const s of samples) expect([s, rules.some(([, re]) => re.test(s))]).toEqual([s, true]);
  });
});
