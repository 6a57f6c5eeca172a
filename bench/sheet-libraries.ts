import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { findLibreOffice } from '../scripts/ensure-libreoffice';
import { readTable } from '../shared/domain/spreadsheet';
import { chinaDay } from '../shared/time';
import { EXPECTED_ROWS, trimTable } from '../tests/fixtures/sheets/content';
import { craftedFiles } from '../tests/fixtures/sheets/crafted';

// The comparison behind the spreadsheet code (issue #14, item 2): our reader and writer against the
// maintained libraries and the hand-written code they replaced. For each candidate: its bundle
// (esbuild, as scripts/build-functions.ts bundles a function), cold require, whether it loads on
// the deploy runtime (Node 16.13), correctness on the fixtures, and the crafted files.
//
//   npm install --prefix /tmp/sheet-candidates read-excel-file write-excel-file papaparse exceljs
//   npx tsx bench/sheet-libraries.ts /tmp/sheet-candidates [node16-binary] >> bench/RESULTS.md
//
// The libraries are not dependencies of the project; they are installed apart for this run only.
const ROOT = path.resolve(__dirname, '..');
const CANDIDATES = path.resolve(process.argv[2] ?? '');
const NODE16 = process.argv[3];
// The hand-written reader and writer before this change.
const BEFORE = '9ed6e30';
if (!fs.existsSync(path.join(CANDIDATES, 'node_modules/read-excel-file'))) {
  console.error('usage: npx tsx bench/sheet-libraries.ts <dir with the candidates in node_modules> [node16 binary]');
  process.exit(2);
}
const FIXTURES = path.join(ROOT, 'tests/fixtures/sheets');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sheet-libraries-'));
fs.writeFileSync(path.join(work, 'legacy-spreadsheet.ts'), execFileSync('git', ['show', `${BEFORE}:shared/domain/spreadsheet.ts`], { cwd: ROOT }));

const CELL_TEXT = `
const cellText = (v) => v === null || v === undefined ? '' : v instanceof Date ? (v.toISOString().endsWith('T00:00:00.000Z') ? v.toISOString().slice(0, 10) : v.toISOString()) : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
`;

/** Readers: each module exports read(bytes, kind) → Promise<string[][]>. */
const READERS: Record<string, { kinds: Array<'xlsx' | 'csv'>; source: string }> = {
  'ours (readTable)': { kinds: ['xlsx', 'csv'], source: `import { readTable } from ${JSON.stringify(path.join(ROOT, 'shared/domain/spreadsheet'))};\nexport const read = async (b, k) => readTable(b, k);` },
  'ours, CSV part alone (readCsv)': {
    kinds: ['csv'],
    source: `import { readCsv } from ${JSON.stringify(path.join(ROOT, 'shared/domain/sheets/csv'))};\nimport { TABLE_LIMITS } from ${JSON.stringify(path.join(ROOT, 'shared/domain/sheets/limits'))};\nexport const read = async (b) => readCsv(new TextDecoder('utf-8', { fatal: true }).decode(b), TABLE_LIMITS);`,
  },
  [`hand-written before (${BEFORE})`]: {
    kinds: ['xlsx', 'csv'],
    source: `import { parseCsv, parseXlsx } from './legacy-spreadsheet';\nexport const read = async (b, k) => (k === 'csv' ? parseCsv(new TextDecoder().decode(b)) : parseXlsx(b));`,
  },
  'read-excel-file 9 (universal)': {
    kinds: ['xlsx'],
    source: `import { readSheet } from 'read-excel-file/universal';${CELL_TEXT}export const read = async (b) => (await readSheet(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength))).map((r) => r.map(cellText));`,
  },
  'exceljs 4': {
    kinds: ['xlsx'],
    source: `import ExcelJS from 'exceljs';${CELL_TEXT}
const valueText = (v) => v && typeof v === 'object' && !(v instanceof Date) ? ('richText' in v ? v.richText.map((r) => r.text).join('') : 'result' in v || 'formula' in v || 'sharedFormula' in v ? valueText(v.result) : 'error' in v ? v.error : 'text' in v ? String(v.text) : '') : cellText(v);
export async function read(b) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(b);
  const ws = wb.worksheets.find((w) => w.state !== 'hidden' && w.state !== 'veryHidden');
  const rows = [];
  for (let r = 1; r <= ws.rowCount; r += 1) { const row = []; for (let c = 1; c <= ws.columnCount; c += 1) row.push(valueText(ws.getRow(r).getCell(c).value)); rows.push(row); }
  return rows;
}`,
  },
  'papaparse 5': {
    kinds: ['csv'],
    source: `import Papa from 'papaparse';\nexport const read = async (b) => { const r = Papa.parse(new TextDecoder().decode(b)); if (r.errors.length) throw new Error(r.errors[0].message); return r.data; };`,
  },
};

/** The export's shape: several sheets, CJK names, numbers, empty cells and rows, markup characters. */
const EXPORT_SHEETS = [
  { name: '总览', rows: [['范围', '全区'], [], ['指标', '人次', '人数'], ['学法（阅读课程）', 1234, 567], ['其中来访接待', 3, null], ['说明 <&> "引号"', 0, 12.5]] },
  { name: '镇街', rows: [['镇街', '参与率'], ['双江镇', '12.5%'], ['梓潼街道', '']] },
];
const EXPORT_CSV: Record<string, string[][]> = {
  总览: [['范围', '全区'], [], ['指标', '人次', '人数'], ['学法（阅读课程）', '1234', '567'], ['其中来访接待', '3'], ['说明 <&> "引号"', '0', '12.5']],
  镇街: [['镇街', '参与率'], ['双江镇', '12.5%'], ['梓潼街道']],
};

/** Writers: each module exports write(sheets) → Promise<Uint8Array>. */
const WRITERS: Record<string, string> = {
  'ours (writeXlsx)': `import { writeXlsx } from ${JSON.stringify(path.join(ROOT, 'shared/domain/xlsx-writer'))};\nexport const write = async (s) => writeXlsx(s);`,
  'write-excel-file 4 (node)': `import writeExcelFile from 'write-excel-file/node';\nexport const write = async (s) => writeExcelFile(s.map((x) => ({ sheet: x.name, data: x.rows.length ? x.rows.map((r) => (r.length ? r : [null])) : [[null]] }))).toBuffer();`,
  'exceljs 4': `import ExcelJS from 'exceljs';\nexport async function write(s) { const wb = new ExcelJS.Workbook(); for (const x of s) { const ws = wb.addWorksheet(x.name); for (const r of x.rows) ws.addRow(r); } return new Uint8Array(await wb.xlsx.writeBuffer()); }`,
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

async function bundle(name: string, source: string): Promise<string> {
  const slug = name.replace(/[^a-z0-9]+/gi, '-');
  const entry = path.join(work, `${slug}.ts`);
  fs.writeFileSync(entry, source);
  const outfile = path.join(work, `${slug}.js`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    logLevel: 'error',
    nodePaths: [path.join(CANDIDATES, 'node_modules'), path.join(ROOT, 'node_modules')],
  });
  return outfile;
}

function coldRequireMs(file: string, runs = 9): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push(Number(execFileSync(process.execPath, ['-e', script]).toString()));
  return median(times);
}

/** Runs `call` of a bundle in a fresh process (memory capped, 10 s at most): its JSON answer, or what went wrong. */
function runIsolated(node: string, file: string, call: string): { ok: boolean; out: string; ms: number } {
  const script = `const m=require(${JSON.stringify(file)});const fs=require('fs');const t=process.hrtime.bigint();Promise.resolve().then(()=>${call}).then((r)=>{process.stdout.write(JSON.stringify({ok:true,ms:Number(process.hrtime.bigint()-t)/1e6,r}))},(e)=>{process.stdout.write(JSON.stringify({ok:false,ms:Number(process.hrtime.bigint()-t)/1e6,r:String(e&&e.message||e).slice(0,160)}))})`;
  const res = spawnSync(node, ['--max-old-space-size=512', '-e', script], { timeout: 10_000, maxBuffer: 64 * 1024 * 1024 });
  if (res.error || res.status !== 0) return { ok: false, out: res.error ? 'timed out (10 s)' : `process died (${res.signal ?? res.status}): ${res.stderr.toString().split('\n').find((l) => /Error|heap/i.test(l)) ?? ''}`.slice(0, 120), ms: Number.NaN };
  const parsed = JSON.parse(res.stdout.toString()) as { ok: boolean; ms: number; r: unknown };
  return { ok: parsed.ok, out: typeof parsed.r === 'string' ? parsed.r : JSON.stringify(parsed.r), ms: parsed.ms };
}

function firstDifference(got: string[][], want: string[][]): string {
  for (let r = 0; r < Math.max(got.length, want.length); r += 1) {
    const g = got[r] ?? [];
    const w = want[r] ?? [];
    for (let c = 0; c < Math.max(g.length, w.length); c += 1) if ((g[c] ?? '') !== (w[c] ?? '')) return `row ${r + 1} col ${c + 1}: ${JSON.stringify(g[c] ?? '').slice(0, 24)} for ${JSON.stringify(w[c] ?? '').slice(0, 24)}`;
  }
  return '';
}

async function readers(): Promise<void> {
  const crafted = craftedFiles();
  const craftedDir = path.join(work, 'crafted');
  fs.mkdirSync(craftedDir);
  crafted.forEach((f, i) => fs.writeFileSync(path.join(craftedDir, String(i)), f.bytes));
  console.log('\n### spreadsheet readers (import): bundle, cold require, Node 16.13, fixtures, crafted files');
  console.log('| reader | bundle (minified) | cold require (median of 9) | loads and reads on Node 16.13 | fixtures read right | crafted files refused or read right | crafted: slowest | crafted: over 1 s, crashed or hung |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  const notes: string[] = [];
  for (const [name, { kinds, source }] of Object.entries(READERS)) {
    const file = await bundle(name, source);
    const fixtures = Object.keys(EXPECTED_ROWS).filter((f) => kinds.includes(f.endsWith('.csv') ? 'csv' : 'xlsx'));
    let right = 0;
    for (const f of fixtures) {
      const res = runIsolated(process.execPath, file, `m.read(new Uint8Array(fs.readFileSync(${JSON.stringify(path.join(FIXTURES, f))})), ${JSON.stringify(f.endsWith('.csv') ? 'csv' : 'xlsx')})`);
      const diff = res.ok ? firstDifference(trimTable(JSON.parse(res.out) as string[][]), EXPECTED_ROWS[f] as string[][]) : `failed: ${res.out}`;
      if (diff === '') right += 1;
      else notes.push(`- ${name}, ${f}: ${diff}`);
    }
    let safe = 0;
    let slowest = 0;
    const bad: string[] = [];
    const ofKind = crafted.map((c, i) => ({ c, i })).filter(({ c }) => kinds.includes(c.kind));
    for (const { c, i } of ofKind) {
      const res = runIsolated(process.execPath, file, `m.read(new Uint8Array(fs.readFileSync(${JSON.stringify(path.join(craftedDir, String(i)))})), ${JSON.stringify(c.kind)})`);
      if (Number.isNaN(res.ms) || res.ms > 1000) bad.push(`${c.name} (${Number.isNaN(res.ms) ? res.out : `${(res.ms / 1000).toFixed(1)} s`})`);
      else slowest = Math.max(slowest, res.ms);
      const wanted = c.refusal ? !res.ok : res.ok && firstDifference(trimTable(JSON.parse(res.out) as string[][]), c.rows ?? []) === '';
      if (wanted && !Number.isNaN(res.ms) && res.ms <= 1000) safe += 1;
    }
    let node16 = 'not checked (no Node 16 binary given)';
    if (NODE16) {
      const sample = kinds.includes('xlsx') ? 'lo-questions.xlsx' : 'lo-questions.csv';
      const res = runIsolated(NODE16, file, `m.read(new Uint8Array(fs.readFileSync(${JSON.stringify(path.join(FIXTURES, sample))})), ${JSON.stringify(kinds[0])})`);
      node16 = res.ok ? 'yes' : `no: ${res.out.slice(0, 60)}`;
    }
    console.log(`| ${name} (${kinds.join(', ')}) | ${kib(fs.statSync(file).size)} | ${coldRequireMs(file).toFixed(1)} ms | ${node16} | ${right} of ${fixtures.length} | ${safe} of ${ofKind.length} | ${slowest.toFixed(0)} ms | ${bad.length ? bad.join('; ') : 'none'} |`);
  }
  if (notes.length) console.log(`\nWhere a reader differs from the fixture (first differing cell):\n${notes.join('\n')}`);
}

async function writers(): Promise<void> {
  const soffice = findLibreOffice();
  console.log('\n### xlsx writers (export): bundle, cold require, Node 16.13, opened by LibreOffice');
  console.log('| writer | bundle (minified) | cold require (median of 9) | writes on Node 16.13 | LibreOffice reads every sheet as written |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [name, source] of Object.entries(WRITERS)) {
    const file = await bundle(name, source);
    const out = path.join(work, `${path.basename(file, '.js')}.xlsx`);
    const res = runIsolated(process.execPath, file, `m.write(${JSON.stringify(EXPORT_SHEETS)}).then((b)=>{fs.writeFileSync(${JSON.stringify(out)}, b); return b.length;})`);
    let verdict = res.ok ? 'yes' : `no: ${res.out}`;
    if (res.ok) {
      const csvDir = path.join(work, `${path.basename(file, '.js')}-csv`);
      spawnSync(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${path.join(work, 'lo-profile')}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', csvDir, out]);
      const wrong = Object.entries(EXPORT_CSV).filter(([sheet, want]) => {
        const csv = path.join(csvDir, `${path.basename(out, '.xlsx')}-${sheet}.csv`);
        if (!fs.existsSync(csv)) return true;
        return firstDifference(trimTable(readTable(fs.readFileSync(csv), 'csv')), want) !== '';
      });
      verdict = wrong.length ? `no: ${wrong.map(([s]) => s).join(', ')} differ` : 'yes';
    }
    let node16 = 'not checked';
    if (NODE16) {
      const r16 = runIsolated(NODE16, file, `m.write(${JSON.stringify(EXPORT_SHEETS)}).then((b)=>b.length)`);
      node16 = r16.ok ? 'yes' : `no: ${r16.out.slice(0, 60)}`;
    }
    console.log(`| ${name} | ${kib(fs.statSync(file).size)} | ${coldRequireMs(file).toFixed(1)} ms | ${node16} | ${verdict} |`);
  }
}

async function main(): Promise<void> {
  console.log(`\n## ${chinaDay(new Date())} — spreadsheet libraries compared (${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version})`);
  await readers();
  await writers();
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
