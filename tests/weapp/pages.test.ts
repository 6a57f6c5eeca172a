import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call, dataOf, freshHost } from '../support/host';
import type { Host } from '../../server/host';
import { allPages, readAppJson } from '../../scripts/weapp-size';
import { MiniProgram } from './support/logic-layer';

/**
 * Every page of the weapp build (app.json, subpackages included) opened in the simulated
 * mini-program runtime (support/logic-layer.ts): the built JS in a logic layer without browser
 * globals, its setData rendered through the templates WeChat's wcc compiled, `wx.cloud.callFunction`
 * answered by the local host. Needs `npm run build:functions` and `npm run build:weapp`.
 */

const ROOT = path.resolve(__dirname, '../..');
const WEAPP = path.join(ROOT, 'dist/weapp');

const app = readAppJson(WEAPP);
const routes = allPages(app);

/** Staff pages as the district administrator (every staff page allows that role), the rest as a learner. */
const who = (route: string): string => (route.startsWith('pkg-staff/') ? 'dev-admin' : 'dev-learner');

let host: Host;
let mp: MiniProgram;
let openid = 'dev-learner';
const query: Record<string, string> = {};

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'dist/cloudfunctions'))) throw new Error('build the function bundles first: npm run build:functions');
  host = freshHost();
  mp = new MiniProgram({ dir: WEAPP, callFunction: (name, data) => host.invoke(name, data, { openid }) });
  await mp.launch();
  // Pages that show one thing get a real one to show.
  const lessons = dataOf(await call(host, 'learn', 'listLessons', { lawId: 'anti-dv' }, 'dev-learner'));
  query['pkg-learn/pages/lessons/index'] = 'lawId=anti-dv';
  query['pkg-learn/pages/lesson/index'] = `id=${lessons.lessons[0]?.id ?? ''}`;
}, 60_000);

afterAll(() => {
  mp?.close();
  host?.close();
});

describe('every weapp page in the simulated mini-program runtime', () => {
  it('launches: app.js runs App(), onLaunch and onShow, and opens the first page', () => {
    expect(mp.route).toBe(app.pages[0]);
    expect(mp.errors).toEqual([]);
  });

  it.each(routes)('%s: onLoad, onShow, onReady, then visible text, with no error', async (route) => {
    openid = who(route);
    const errors = mp.errors.length;
    const warnings = mp.warnings.length;
    const calls = mp.calls.length;
    await mp.reLaunch(`/${route}${query[route] ? `?${query[route]}` : ''}`);
    expect(mp.route).toBe(route);
    expect(mp.page.lifecycle).toEqual(['onLoad', 'onShow', 'onReady']);
    const text = MiniProgram.text(mp.screen());
    expect(text.length).toBeGreaterThan(0);
    expect(mp.errors.slice(errors)).toEqual([]);
    expect(mp.warnings.slice(warnings)).toEqual([]);
    expect(mp.view.warnings).toEqual([]);
    // Every cloud call the page made was valid and allowed.
    expect(mp.calls.slice(calls).filter((c) => !c.ok).map((c) => `${c.name}.${c.action}: ${c.code}`)).toEqual([]);
  }, 30_000);

  it('the lesson pages show the lesson asked for', async () => {
    openid = 'dev-learner';
    await mp.reLaunch(`/pkg-learn/pages/lessons/index?${query['pkg-learn/pages/lessons/index']}`);
    expect(MiniProgram.text(mp.screen())).toContain('中华人民共和国反家庭暴力法');
    await mp.reLaunch(`/pkg-learn/pages/lesson/index?${query['pkg-learn/pages/lesson/index']}`);
    expect(MiniProgram.text(mp.screen())).toContain('什么是家庭暴力');
  }, 30_000);

  it('used no wx API that the simulation does not provide', () => {
    expect([...mp.unsupported]).toEqual([]);
  });
});

describe('the simulated runtime itself', () => {
  it('has no browser globals: a page that touches `document` fails there', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-planted-'));
    fs.cpSync(WEAPP, dir, { recursive: true });
    const page = path.join(dir, 'pages/learn/index.js');
    fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace('"use strict";', '"use strict";document.title="planted";'));
    const other = new MiniProgram({ dir, callFunction: (name, data) => host.invoke(name, data, { openid: 'dev-learner' }) });
    try {
      await expect(other.launch()).rejects.toThrow(/Cannot set properties of undefined/);
    } finally {
      other.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
