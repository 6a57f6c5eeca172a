import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startProblem } from '../../server/config';
import { migrate, seed } from '../../server/migrate';
import { SqliteStore } from '../../server/store/sqlite-store';
import type { Host } from '../../server/host';
import { createHttpServer, fromThisMachine } from '../../server/http';
import { freshHost, tempDir } from '../support/host';

let host: Host;
let server: http.Server;
let prodServer: http.Server;
let base: string;
let prodBase: string;
const lines: string[] = [];

const listen = (s: http.Server) => new Promise<string>((resolve) => s.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));

beforeAll(async () => {
  host = freshHost();
  const staticDir = tempDir('h5-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>巾帼法治通</title>');
  server = createHttpServer({ host, local: true, staticDir, log: (l) => lines.push(l) });
  prodServer = createHttpServer({ host, local: false, log: () => undefined });
  base = await listen(server);
  prodBase = await listen(prodServer);
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await new Promise((r) => prodServer.close(r));
  host.close();
});

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

describe('the local host over HTTP', () => {
  it('answers an unknown action with HTTP 200 and a coded error', async () => {
    const res = await post(`${base}/api/fn/learn`, '{"action":"nope"}');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  });

  it('answers malformed input with a coded error and its issues', async () => {
    const res = await post(`${base}/api/fn/learn`, '{"action":"getLesson","input":{"lessonId":42}}');
    const body = (await res.json()) as { ok: boolean; error: { code: string; issues: unknown[] } };
    expect(res.status).toBe(200);
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.issues.length).toBeGreaterThan(0);
  });

  it('answers 400 to a body that is not JSON, 404 to an unknown function, 413 over 100 KB, 405 to GET', async () => {
    expect((await post(`${base}/api/fn/learn`, '{not json')).status).toBe(400);
    expect((await post(`${base}/api/fn/nosuch`, '{}')).status).toBe(404);
    expect((await post(`${base}/api/fn/learn`, JSON.stringify({ action: 'listLaws', input: { pad: 'x'.repeat(110 * 1024) } }))).status).toBe(413);
    expect((await fetch(`${base}/api/fn/learn`)).status).toBe(405);
  });

  it('runs a call as the sample person named in x-local-openid', async () => {
    const res = await post(`${base}/api/fn/account`, '{"action":"me"}', { 'x-local-openid': 'dev-town' });
    expect(await res.json()).toMatchObject({ ok: true, data: { role: 'town', town: 'shuangjiang' } });
  });

  it('gives a caller without the header a visitor identity kept in a cookie the host signs', async () => {
    const first = await post(`${base}/api/fn/account`, '{"action":"me"}');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^jgfzt_visitor=visitor-[0-9a-f]{24}\.[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict/);
    const pair = cookie.split(';')[0] ?? '';
    const again = await post(`${base}/api/fn/account`, '{"action":"me"}', { cookie: pair });
    expect(again.headers.get('set-cookie')).toBeNull();
    const visitor = (pair.split('=')[1] ?? '').split('.')[0] ?? '';
    expect(host.store.get('users', visitor)).toBeDefined();
  });

  it('hands the app page a visitor cookie, so its first calls share one identity', async () => {
    const page = await fetch(`${base}/`);
    expect(page.headers.get('set-cookie')).toMatch(/^jgfzt_visitor=visitor-/);
    const pair = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await fetch(`${base}/`, { headers: { cookie: pair } })).headers.get('set-cookie')).toBeNull();
  });

  it.each([
    ['local', () => base],
    ['public', () => prodBase],
  ])('gives a forged visitor cookie naming a sample staff member a fresh visitor, not staff (%s mode)', async (_mode, at) => {
    const visitor = /^visitor-[0-9a-f]{24}$/;
    for (const forged of ['dev-district', 'dev-admin', `visitor-${'0'.repeat(24)}.${'A'.repeat(43)}`, 'dev-station.x']) {
      const res = await post(`${at()}/api/fn/help`, '{"action":"caseQueue","input":{}}', { cookie: `jgfzt_visitor=${forged}` });
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const fresh = (res.headers.get('set-cookie') ?? '').split(';')[0]?.split('=')[1]?.split('.')[0] ?? '';
      expect(fresh).toMatch(visitor);
      const me = (await (await post(`${at()}/api/fn/account`, '{"action":"me"}', { cookie: `jgfzt_visitor=${forged}` })).json()) as { data: { role: string } };
      expect(me.data.role).toBe('user');
    }
  });

  it('refuses the development sign-in under a foreign Host header (DNS rebinding) and from other machines', async () => {
    const { port } = new URL(base);
    const asIf = (hostHeader: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, path: '/api/fn/account', method: 'POST', headers: { host: hostHeader, 'content-type': 'application/json', 'x-local-openid': 'dev-admin' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end('{"action":"me"}');
      });
    expect(await asIf('evil.example')).toBe(403);
    expect(await asIf(`rebind.attacker.test:${port}`)).toBe(403);
    expect(await asIf(`127.0.0.1.nip.io:${port}`)).toBe(403);
    expect(await asIf(`localhost:${port}`)).toBe(200);
    expect(await asIf(`127.0.0.1:${port}`)).toBe(200);
    const fake = (hostHeader: string, remoteAddress: string) => ({ headers: { host: hostHeader }, socket: { remoteAddress } }) as unknown as http.IncomingMessage;
    expect(fromThisMachine(fake('127.0.0.1:8080', '192.168.1.20'))).toBe(false);
    expect(fromThisMachine(fake('localhost:8080', '::ffff:127.0.0.1'))).toBe(true);
    expect(fromThisMachine(fake('[::1]:8080', '::1'))).toBe(true);
  });

  it('refuses x-local-openid and hides the sample people when not in local mode', async () => {
    expect((await post(`${prodBase}/api/fn/account`, '{"action":"me"}', { 'x-local-openid': 'dev-admin' })).status).toBe(403);
    expect((await fetch(`${prodBase}/api/dev/people`)).status).toBe(404);
  });

  it('lists the sample people in local mode, one of each kind', async () => {
    const { people } = (await (await fetch(`${base}/api/dev/people`)).json()) as { people: Array<{ role: string; openid: string }> };
    expect(new Set(people.map((p) => p.role))).toEqual(new Set(['user', 'station', 'town', 'district', 'admin']));
    expect(people.filter((p) => p.role === 'user').length).toBeGreaterThanOrEqual(2);
  });

  it('publishes every action as JSON Schema with its roles', async () => {
    const doc = (await (await fetch(`${base}/api/contracts`)).json()) as {
      functions: Record<string, { actions: Record<string, { input: { type: string }; output: { type: string }; roles: string[] }> }>;
    };
    expect(Object.keys(doc.functions).sort()).toEqual(['account', 'hall', 'help', 'learn', 'learnAdmin', 'staff', 'stats']);
    const getLesson = doc.functions.learn?.actions.getLesson;
    expect(getLesson?.input).toMatchObject({ type: 'object', required: ['lessonId'], additionalProperties: false });
    expect(getLesson?.output.type).toBe('object');
    expect(getLesson?.roles).toEqual(['any']);
    expect(doc.functions.account?.actions.setRegion?.roles).toEqual(['user']);
  });

  it('grants one-time subscriptions for the h5 build in local mode only', async () => {
    const res = await post(`${base}/api/dev/subscribe`, '{"templateIds":["tpl-a"]}', { 'x-local-openid': 'sub-user' });
    expect(await res.json()).toEqual({ ok: true, granted: 1 });
    expect(host.store.get('subscriptions', 'sub-user|tpl-a')?.doc).toMatchObject({ remaining: 1 });
    expect((await post(`${base}/api/dev/subscribe`, '{"templateIds":[]}', { 'x-local-openid': 'sub-user' })).status).toBe(400);
    expect((await post(`${prodBase}/api/dev/subscribe`, '{"templateIds":["tpl-a"]}')).status).toBe(404);
  });

  it('answers 400 to a malformed escape in a static path', async () => {
    expect((await fetch(`${base}/%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${base}/lesson%`)).status).toBe(400);
  });

  it('stops reading a body at the size limit and answers 413 without waiting for the rest', async () => {
    const { port } = new URL(base);
    const answer = (headers: Record<string, string | number>) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, path: '/api/fn/learn', method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        });
        req.on('error', () => undefined);
        // 200 KB of a promised 50 MB, and the request is never finished.
        req.write('x'.repeat(200 * 1024));
        setTimeout(() => {
          req.destroy();
          reject(new Error('no answer while the body was still coming'));
        }, 3_000).unref();
      });
    expect(await answer({ 'content-length': 50 * 1024 * 1024 })).toBe(413);
    expect(await answer({ 'transfer-encoding': 'chunked' })).toBe(413);
  });

  it('reports health', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ ok: true });
  });

  it('serves the app, never a file outside the build folder', async () => {
    expect(await (await fetch(`${base}/`)).text()).toContain('巾帼法治通');
    const traversal = await fetch(`${base}/..%2f..%2fpackage.json`);
    expect([traversal.status, await traversal.text()]).toEqual([404, 'not found']);
  });

  it('logs one line per call with function, action, time and result, and no personal data', async () => {
    lines.length = 0;
    await post(`${base}/api/fn/learn`, '{"action":"getLesson","input":{"lessonId":"anti-dv-01"}}', { 'x-local-openid': 'dev-learner' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^fn=learn action=getLesson ms=\d+\.\d result=ok$/);
    expect(lines[0]).not.toContain('dev-learner');
  });

  it('escapes a newline in an action name, so a caller cannot forge a log line', async () => {
    lines.length = 0;
    await post(`${base}/api/fn/learn`, JSON.stringify({ action: 'x\nfn=help action=getCase result=ok' }), { 'x-local-openid': 'dev-learner' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(lines[0]).toMatch(/^fn=learn action="x\\nfn=help action=getCase result=ok" ms=\d+\.\d result=UNKNOWN_ACTION$/);
  });
});

describe('identities the host issues', () => {
  it('gives one client address a limited number of new visitors an hour, so per-person limits cannot be multiplied', async () => {
    let now = Date.now();
    const limited = createHttpServer({ host, local: false, log: () => undefined, visitorsPerHour: 3, clock: () => now });
    const at = await listen(limited);
    try {
      // A free suggestion anyone may support, from someone else.
      const submitted = (await host.invoke('hall', { action: 'submitSuggestion', input: { content: '村口的路灯坏了三个月了，晚上走路很不安全，希望尽快修好。', anonymous: false } }, { openid: 'http-author' })) as {
        ok: boolean;
        data: { id: string; held: boolean };
      };
      expect(submitted).toMatchObject({ ok: true, data: { held: false } });
      const support = () => post(`${at}/api/fn/hall`, JSON.stringify({ action: 'support', input: { suggestionId: submitted.data.id } }));
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) statuses.push((await support()).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
      const doc = host.store.get('suggestions', submitted.data.id)?.doc as { supports?: number };
      expect(doc.supports).toBe(3);
      // A visitor who keeps her cookie is not affected, and the next hour brings new ones.
      now += 60 * 60 * 1000;
      const res = await post(`${at}/api/fn/account`, '{"action":"me"}');
      expect(res.status).toBe(200);
      const pair = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      for (let i = 0; i < 5; i += 1) expect((await post(`${at}/api/fn/account`, '{"action":"me"}', { cookie: pair })).status).toBe(200);
    } finally {
      await new Promise((r) => limited.close(r));
    }
  });

  it('keeps the sample people, and every role they carry, out of a data folder opened outside local mode', () => {
    const store = new SqliteStore(path.join(tempDir('public-'), 'store.sqlite'));
    try {
      migrate(store);
      seed(store, new Date(), true);
      expect(store.get('users', 'dev-admin')?.doc).toMatchObject({ role: 'admin' });
      seed(store, new Date(), false);
      for (const id of ['dev-learner', 'dev-station', 'dev-town', 'dev-district', 'dev-admin']) expect(store.get('users', id)).toBeUndefined();
      expect(store.get('meta', 'people')).toBeUndefined();
      // Back in local mode, they are seeded again.
      seed(store, new Date(), true);
      expect(store.get('users', 'dev-admin')?.doc).toMatchObject({ role: 'admin' });
    } finally {
      store.close();
    }
  });

  it('refuses to start in local mode on 0.0.0.0 (or any address but loopback), before building anything', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../server/main.ts')], {
      env: { ...process.env, HOST: '0.0.0.0', HOST_MODE: 'local', PORT: '0', DATA_DIR: tempDir('bind-') },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('refusing to start');
    expect(run.stdout).not.toContain('building');
    expect(startProblem({ local: true, host: '0.0.0.0' })).toMatch(/loopback only/);
    expect(startProblem({ local: true, host: '::' })).toMatch(/loopback only/);
    expect(startProblem({ local: true, host: '192.168.1.20' })).toMatch(/loopback only/);
    expect(startProblem({ local: true, host: '127.0.0.1' })).toBeNull();
    expect(startProblem({ local: true, host: 'localhost' })).toBeNull();
    expect(startProblem({ local: false, host: '0.0.0.0' })).toBeNull();
  }, 30_000);
});
