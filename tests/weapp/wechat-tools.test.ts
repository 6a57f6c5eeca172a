import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkDir } from '../../scripts/weapp-syntax';
import type { CiReport } from '../../scripts/weapp-wechat-ci';
import { allPages, packageSizes, readAppJson } from '../../scripts/weapp-size';
import { ViewLayer } from './support/view-layer';

/**
 * dist/weapp through WeChat's own tools: the template and style compilers (`wcc`, `wcsc`, the
 * binaries DevTools uses, from npm `miniprogram-compiler`) and `miniprogram-ci`, which compiles the
 * project as an upload would and scans it with the 代码质量 checks. Needs `npm run build:weapp`.
 */

const ROOT = path.resolve(__dirname, '../..');
const WEAPP = path.join(ROOT, 'dist/weapp');
const MAIN_BUDGET = 600 * 1024;

const pages = allPages(readAppJson(WEAPP));

function filesUnder(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(p, ext));
    else if (entry.name.endsWith(ext)) out.push(path.relative(WEAPP, p).split(path.sep).join('/'));
  }
  return out.sort();
}

describe('wcc and wcsc, WeChat’s template and style compilers', () => {
  it('wcc compiles every WXML file, and every page has its render function', () => {
    // Throws with wcc's own message (file:line:column) on the first error.
    const view = new ViewLayer(WEAPP);
    for (const page of pages) expect(() => view.render(page, { root: { cn: [] } })).not.toThrow();
    expect(view.warnings).toEqual([]);
  }, 60_000);

  it('wcsc compiles every WXSS file', () => {
    type Wcsc = (root: string, files: string[], options: { maxBuffer: number }) => Record<string, string> | Error;
    const wcsc = require('miniprogram-compiler/src/wcsc') as Wcsc;
    const files = filesUnder(WEAPP, '.wxss');
    expect(files.length).toBeGreaterThan(0);
    const out = wcsc(WEAPP, files.map((f) => f.slice(0, -'.wxss'.length)), { maxBuffer: 64 * 1024 * 1024 });
    // wcsc's wrapper returns (does not throw) the error with the compiler's message.
    expect(out instanceof Error ? out.message : null).toBeNull();
    // Page and component styles come back one by one; the shared ones (app, common) in `comm`.
    expect(Object.keys(out)).toContain('comm');
    for (const page of pages) if (files.includes(`${page}.wxss`)) expect(Object.keys(out)).toContain(`${page}.wxss`);
  }, 60_000);
});

describe('miniprogram-ci: the project compiled as an upload would compile it, offline', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-ci-test-'));
  const reportFile = path.join(work, 'report.json');
  const compiledDir = path.join(work, 'compiled');
  let report: CiReport;

  beforeAll(() => {
    // Its forked compiler keeps a process alive: it runs in a child that exits when done.
    const res = spawnSync('npx', ['tsx', 'scripts/weapp-wechat-ci.ts', WEAPP, reportFile, compiledDir], { cwd: ROOT, encoding: 'utf8', timeout: 280_000 });
    if (!fs.existsSync(reportFile)) throw new Error(`miniprogram-ci did not report (exit ${res.status}): ${(res.stderr || res.stdout).slice(-2000)}`);
    report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as CiReport;
    console.log(`miniprogram-ci: compile ${report.seconds.compile.toFixed(1)} s, quality scan ${report.seconds.quality.toFixed(1)} s`);
  }, 300_000);

  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('compiles with the project’s own settings, without an error and without the network', () => {
    expect(report.compileError).toBeNull();
    expect(report.hostLookups).toEqual([]);
    // Every page is in the package.
    for (const page of pages) {
      expect(report.compiled[`${page}.js`]).toBeGreaterThan(0);
      expect(report.compiled[`${page}.json`]).toBeGreaterThan(0);
    }
  }, 60_000);

  it('leaves the JavaScript at ES2019: the compiled package passes the same syntax check', () => {
    const { files, problems } = checkDir(compiledDir);
    expect(files).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 60_000);

  it(`keeps the compiled main package within ${MAIN_BUDGET / 1024} KiB`, () => {
    const sizes = packageSizes(compiledDir);
    console.log(`compiled by miniprogram-ci: main package ${(sizes.main / 1024).toFixed(1)} KiB`);
    expect(sizes.main).toBeLessThanOrEqual(MAIN_BUDGET);
  }, 60_000);

  it('passes every code-quality check (DevTools 代码质量)', () => {
    expect(report.qualityError).toBeNull();
    const names = report.quality.map((q) => q.name);
    // The scan ran its checks, including compression and the main package's size.
    expect(names).toEqual(expect.arrayContaining(['PACKAGE_SIZE_LIMIT', 'JS_COMPRESS_OPEN', 'WXML_COMPRESS_OPEN', 'WXSS_COMPRESS_OPEN', 'LAZYCODE_LOADING_OPEN', 'CONTAINS_UNUSED_CODES']));
    expect(report.quality.filter((q) => !q.success).map((q) => `${q.name}: ${q.text}`)).toEqual([]);
  }, 60_000);
});

describe('the weapp JavaScript as it ships (dist/weapp)', () => {
  it('is ES2019 at most, with no regular expression lookbehind', () => {
    const { files, problems } = checkDir(WEAPP);
    expect(files).toBeGreaterThan(10);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message} …${p.near}…`)).toEqual([]);
  }, 60_000);

  it('the check fails on a planted ?., ??, ??=, class field and lookbehind', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-syntax-'));
    try {
      const planted: Record<string, string> = {
        'optional-chaining.js': 'var a = {}; module.exports = a?.b;',
        'nullish.js': 'var a = null; module.exports = a ?? 1;',
        'logical-assignment.js': 'var a = {}; a.b ??= 1;',
        'class-field.js': 'class A { x = 1 }',
        'sub/lookbehind.js': 'module.exports = /(?<=a)b/.test("ab");',
        'fine.js': 'module.exports = function (a) { return a && a.b; };',
      };
      for (const [name, code] of Object.entries(planted)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), code);
      }
      // A copy of a real page with one `?.` planted in it.
      fs.writeFileSync(path.join(dir, 'page.js'), fs.readFileSync(path.join(WEAPP, 'pages/learn/index.js'), 'utf8').replace('"use strict";', '"use strict";var planted=wx?.env;'));
      const { files, problems } = checkDir(dir);
      expect(files).toBe(7);
      expect(problems.map((p) => p.file).sort()).toEqual(['class-field.js', 'logical-assignment.js', 'nullish.js', 'optional-chaining.js', 'page.js', path.join('sub', 'lookbehind.js')].sort());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
