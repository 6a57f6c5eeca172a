import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Host } from '../../server/host';
import { createHttpServer } from '../../server/http';
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

  it('gives a caller without the header a visitor identity kept in a cookie', async () => {
    const first = await post(`${base}/api/fn/account`, '{"action":"me"}');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^jgfzt_visitor=visitor-[0-9a-f]+; Path=\/; HttpOnly; SameSite=Strict/);
    const id = cookie.split(';')[0] ?? '';
    const again = await post(`${base}/api/fn/account`, '{"action":"me"}', { cookie: id });
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(host.store.get('users', id.split('=')[1] ?? '')).toBeDefined();
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
    expect(Object.keys(doc.functions).sort()).toEqual(['account', 'hall', 'help', 'learn', 'learnAdmin', 'stats']);
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
});
