import fs from 'node:fs';
import path from 'node:path';
import { allPages, packageSizes, readAppJson } from '../../scripts/weapp-size';

const ROOT = path.resolve(__dirname, '../..');
const WEAPP = path.join(ROOT, 'dist/weapp');
const MAIN_BUDGET = 600 * 1024;

describe('the weapp build (npm run build:weapp)', () => {
  const app = readAppJson(WEAPP);
  const subs = app.subPackages ?? app.subpackages ?? [];

  it('has an app.json with pages, and tab pages that are main-package pages', () => {
    expect(app.pages.length).toBeGreaterThan(0);
    for (const tab of app.tabBar?.list ?? []) expect(app.pages).toContain(tab.pagePath);
  });

  it('has every page of every package: its .js, .json and template', () => {
    for (const page of allPages(app)) {
      expect(fs.existsSync(path.join(WEAPP, `${page}.js`))).toBe(true);
      expect(fs.existsSync(path.join(WEAPP, `${page}.json`))).toBe(true);
      const hasTemplate = fs.existsSync(path.join(WEAPP, `${page}.wxml`)) || fs.existsSync(path.join(WEAPP, 'base.wxml'));
      expect(hasTemplate).toBe(true);
    }
  });

  it('gives every tab an icon in both states: a PNG in the main package, within WeChat\'s 40 KB', () => {
    const tabs = app.tabBar?.list ?? [];
    expect(tabs).toHaveLength(4);
    for (const tab of tabs) {
      for (const icon of [tab.iconPath, tab.selectedIconPath]) {
        expect(icon).toMatch(/^assets\/tabbar\/[a-z-]+\.png$/);
        const bytes = fs.readFileSync(path.join(WEAPP, icon as string));
        expect(bytes.subarray(1, 4).toString()).toBe('PNG');
        expect(bytes.length).toBeLessThanOrEqual(40 * 1024);
        // 81×81, WeChat's recommended size: width and height from the IHDR chunk.
        expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([81, 81]);
      }
      expect(tab.iconPath).not.toBe(tab.selectedIconPath);
    }
  });

  it('keeps the learn area in a subpackage', () => {
    expect(subs.length).toBeGreaterThan(0);
  });

  it(`keeps the main package within ${MAIN_BUDGET / 1024} KiB`, () => {
    const sizes = packageSizes(WEAPP);
    console.log(`weapp main package: ${(sizes.main / 1024).toFixed(1)} KiB; ${Object.entries(sizes.subpackages).map(([k, v]) => `${k}: ${(v / 1024).toFixed(1)} KiB`).join(', ')}`);
    expect(sizes.main).toBeGreaterThan(0);
    expect(sizes.main).toBeLessThanOrEqual(MAIN_BUDGET);
  });
});

describe('the project and deploy descriptions', () => {
  it('point WeChat devtools at the build output', () => {
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'project.config.json'), 'utf8')) as { miniprogramRoot: string; cloudfunctionRoot: string };
    expect(config.miniprogramRoot).toBe('dist/weapp/');
    expect(config.cloudfunctionRoot).toBe('dist/cloudfunctions/');
  });

  it('deploy every function that exists, and close every collection holding personal data', () => {
    const rc = JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudbaserc.json'), 'utf8')) as { functionRoot: string; functions: Array<{ name: string }> };
    const folders = fs.readdirSync(path.join(ROOT, 'cloudfunctions')).filter((n) => !n.startsWith('_'));
    expect(rc.functions.map((f) => f.name).sort()).toEqual(folders.sort());
    const db = JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudbase/database.json'), 'utf8')) as {
      collections: Array<{ name: string; personal: boolean; rules: { read: boolean; write: boolean } }>;
    };
    for (const c of db.collections) if (c.personal) expect(c.rules).toEqual({ read: false, write: false });
    for (const c of db.collections) expect(c.rules.write).toBe(false);
  });
});

describe('the function bundles (dist/cloudfunctions)', () => {
  const dir = path.join(ROOT, 'dist/cloudfunctions');
  const names = fs.readdirSync(dir);

  it('exist for every function', () => {
    expect(names.sort()).toEqual(fs.readdirSync(path.join(ROOT, 'cloudfunctions')).filter((n) => !n.startsWith('_')).sort());
  });

  it('require nothing outside the bundle but wx-server-sdk (and Node built-ins)', () => {
    for (const name of names) {
      const code = fs.readFileSync(path.join(dir, name, 'index.js'), 'utf8');
      const requires = new Set([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1] as string));
      const external = [...requires].filter((r) => !r.startsWith('node:'));
      expect(external).toEqual(['wx-server-sdk']);
    }
  });

  it('depend on wx-server-sdk 4.0.2 exactly', () => {
    for (const name of names) {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, name, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
      expect(pkg.dependencies).toEqual({ 'wx-server-sdk': '4.0.2' });
    }
  });
});
