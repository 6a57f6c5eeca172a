import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { contractsDocument } from './contracts-schema';
import { DEV_PEOPLE } from './dev-people';
import type { Host } from './host';
import type { CallIdentity } from './sdk-host';
import { createStaticSite } from './static';

const MAX_BODY = 100 * 1024;
const VISITOR_COOKIE = 'jgfzt_visitor';
const OPENID_RE = /^[A-Za-z0-9_-]{1,64}$/;

/** Options of the HTTP front of a local host. */
export interface HttpOptions {
  host: Host;
  /** Local mode: the development sign-in is allowed. */
  local: boolean;
  /** The h5 build to serve, if any. */
  staticDir?: string;
  /** One line per call; default console.log. */
  log?: (line: string) => void;
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function cookie(req: http.IncomingMessage, name: string): string | undefined {
  const raw = req.headers.cookie ?? '';
  for (const part of raw.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

type Identified = { identity: CallIdentity; setCookie: Record<string, string> } | { status: number; error: string };

/** Who is calling: the sample person of the development sign-in (local mode only) or a visitor kept in a cookie. */
function identify(req: http.IncomingMessage, local: boolean): Identified {
  const headerId = req.headers['x-local-openid'];
  if (headerId !== undefined) {
    if (!local) return { status: 403, error: 'development sign-in is only available in local mode' };
    if (typeof headerId !== 'string' || !OPENID_RE.test(headerId)) return { status: 400, error: 'bad x-local-openid' };
    return { identity: { openid: headerId }, setCookie: {} };
  }
  const setCookie: Record<string, string> = {};
  let visitor = cookie(req, VISITOR_COOKIE);
  if (!visitor || !OPENID_RE.test(visitor)) {
    visitor = `visitor-${randomBytes(12).toString('hex')}`;
    setCookie['set-cookie'] = `${VISITOR_COOKIE}=${visitor}; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000`;
  }
  return { identity: { openid: visitor }, setCookie };
}

/** What wx.requestSubscribeMessage accepting one-time templates does, for the h5 build (local mode only). */
function grantSubscriptions(host: Host, identity: CallIdentity, event: unknown, res: http.ServerResponse): void {
  const ids = event && typeof event === 'object' ? (event as { templateIds?: unknown }).templateIds : undefined;
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > 3 || !ids.every((t) => typeof t === 'string' && /^[\w-]{1,64}$/.test(t))) {
    send(res, 400, { error: 'templateIds: one to three template ids' });
    return;
  }
  for (const id of ids as string[]) host.openapi.grantSubscription(identity.openid, id);
  send(res, 200, { ok: true, granted: ids.length });
}

/**
 * The local host's HTTP front: `POST /api/fn/<name>` runs a function with the caller's identity,
 * `GET /api/contracts` publishes the schemas, `GET /healthz`, the development sign-in in local
 * mode, and the h5 build.
 */
export function createHttpServer(options: HttpOptions): http.Server {
  const { host, local } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const contracts = contractsDocument();
  const functions = new Set(host.functions);
  const site = options.staticDir ? createStaticSite(options.staticDir) : null;

  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const route = url.pathname;
    void (async () => {
      if (route === '/healthz') return send(res, 200, { ok: true, functions: host.functions.length });
      if (route === '/api/contracts' && req.method === 'GET') return send(res, 200, contracts);
      if (route === '/api/dev/people' && req.method === 'GET') {
        if (!local) return send(res, 404, { error: 'not found' });
        return send(res, 200, {
          people: DEV_PEOPLE.map((p) => ({ openid: p.openid, name: p.name, role: p.role, ...(p.town ? { town: p.town } : {}), ...(p.village ? { village: p.village } : {}) })),
        });
      }
      const fnMatch = /^\/api\/fn\/([A-Za-z0-9_-]+)$/.exec(route);
      if (fnMatch || route === '/api/dev/subscribe') {
        if (req.method !== 'POST') return send(res, 405, { error: 'method not allowed' });
        const name = fnMatch?.[1] ?? '';
        if (fnMatch && !functions.has(name)) return send(res, 404, { error: `unknown function ${name}` });
        if (!fnMatch && !local) return send(res, 404, { error: 'not found' });
        const who = identify(req, local);
        if ('status' in who) return send(res, who.status, { error: who.error });
        const { identity, setCookie } = who;
        const body = await readBody(req);
        if (body === null) return send(res, 413, { error: 'body over 100 KB' });
        let event: unknown;
        try {
          event = JSON.parse(body);
        } catch {
          return send(res, 400, { error: 'body is not JSON' });
        }
        if (!fnMatch) return grantSubscriptions(host, identity, event, res);
        const started = process.hrtime.bigint();
        const result = (await host.invoke(name, event, identity)) as { ok?: boolean; error?: { code?: string } };
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const action = event && typeof event === 'object' && typeof (event as { action?: unknown }).action === 'string' ? (event as { action: string }).action.slice(0, 40) : '-';
        log(`fn=${name} action=${action} ms=${ms.toFixed(1)} result=${result?.ok ? 'ok' : (result?.error?.code ?? 'error')}`);
        return send(res, 200, result, setCookie);
      }
      const fileMatch = /^\/api\/files\/([\w.-]+)$/.exec(route);
      if (fileMatch && req.method === 'GET') {
        const file = host.files.resolve(fileMatch[1] as string);
        if (!file) return send(res, 404, { error: 'link expired or not found' });
        res.writeHead(200, {
          'content-type': file.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/octet-stream',
          'content-disposition': `attachment; filename="${path.basename(file)}"`,
          'cache-control': 'no-store',
        });
        fs.createReadStream(file).pipe(res);
        return;
      }
      if (route.startsWith('/api/')) return send(res, 404, { error: 'not found' });
      if (site && (req.method === 'GET' || req.method === 'HEAD')) return site(req, res, route);
      return send(res, 404, { error: 'not found' });
    })().catch((err: unknown) => {
      console.error(`host error: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) send(res, 500, { error: 'internal' });
    });
  });
}
