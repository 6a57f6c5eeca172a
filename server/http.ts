import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { isLoopback } from './config';
import { contractsDocument } from './contracts-schema';
import { DEV_PEOPLE } from './dev-people';
import type { Host } from './host';
import type { CallIdentity } from './sdk-host';
import { createStaticSite } from './static';

const MAX_BODY = 100 * 1024;
const VISITOR_COOKIE = 'jgfzt_visitor';
const OPENID_RE = /^[A-Za-z0-9_-]{1,64}$/;
const VISITOR_RE = /^visitor-[0-9a-f]{24}$/;
const HOUR = 60 * 60 * 1000;
/** Options of the HTTP front of a local host. */
export interface HttpOptions {
  host: Host;
  /** Local mode: the development sign-in is allowed (from this machine only). */
  local: boolean;
  /** The h5 build to serve, if any. */
  staticDir?: string;
  /** One line per call; default console.log. */
  log?: (line: string) => void;
  /** New visitor identities one client address may be given per hour (default 60). */
  visitorsPerHour?: number;
  /** The clock of the visitor limit (tests control it). */
  clock?: () => number;
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

/** The body as text, or null when it exceeds MAX_BODY: reading stops there, the rest is never buffered. */
function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
      resolve(null);
      return;
    }
    let size = 0;
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.pause();
      resolve(null);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A value for a log line: plain names as they are, anything else quoted with its control characters escaped. */
export function logValue(text: string, max = 40): string {
  const cut = text.slice(0, max);
  if (/^[A-Za-z0-9_.-]+$/.test(cut)) return cut;
  return JSON.stringify(cut).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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

/**
 * Whether a request comes from this machine and names it: a loopback peer and a Host header of
 * localhost or 127.0.0.1. A web page elsewhere that rebinds its own name to 127.0.0.1 still sends
 * its own name as Host, so it is refused.
 */
export function fromThisMachine(req: http.IncomingMessage): boolean {
  const hostHeader = req.headers.host ?? '';
  const name = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i.exec(hostHeader);
  return name !== null && isLoopback(req.socket.remoteAddress);
}

/** Visitor identities the host issues: `visitor-<random>.<HMAC>`, so a cookie naming anyone else is ignored. */
class Visitors {
  private readonly issued = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly key: Buffer,
    private readonly perHour: number,
    private readonly clock: () => number,
  ) {}

  private sign(id: string): string {
    return createHmac('sha256', this.key).update(id).digest('base64url');
  }

  /** The visitor a cookie value names, if the host issued it. */
  verify(value: string | undefined): string | null {
    if (!value) return null;
    const dot = value.indexOf('.');
    const id = value.slice(0, dot);
    if (dot < 0 || !VISITOR_RE.test(id)) return null;
    const expected = Buffer.from(this.sign(id));
    const given = Buffer.from(value.slice(dot + 1));
    return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
  }

  /** A new visitor and its cookie value, unless this address had its share this hour. */
  issue(address: string): { id: string; cookie: string } | null {
    const now = this.clock();
    if (this.issued.size > 10_000) for (const [a, w] of this.issued) if (now - w.since >= HOUR) this.issued.delete(a);
    const window = this.issued.get(address);
    const current = window && now - window.since < HOUR ? window : { count: 0, since: now };
    if (current.count >= this.perHour) return null;
    current.count += 1;
    this.issued.set(address, current);
    const id = `visitor-${randomBytes(12).toString('hex')}`;
    return { id, cookie: `${id}.${this.sign(id)}` };
  }
}

/** Who is calling: the sample person of the development sign-in (local mode, this machine only) or a visitor the host issued. */
function identify(req: http.IncomingMessage, local: boolean, visitors: Visitors): Identified {
  const headerId = req.headers['x-local-openid'];
  if (headerId !== undefined) {
    if (!local) return { status: 403, error: 'development sign-in is only available in local mode' };
    if (!fromThisMachine(req)) return { status: 403, error: 'development sign-in only from this machine (http://127.0.0.1 or http://localhost)' };
    if (typeof headerId !== 'string' || !OPENID_RE.test(headerId)) return { status: 400, error: 'bad x-local-openid' };
    return { identity: { openid: headerId }, setCookie: {} };
  }
  const known = visitors.verify(cookie(req, VISITOR_COOKIE));
  if (known) return { identity: { openid: known }, setCookie: {} };
  const fresh = visitors.issue(req.socket.remoteAddress ?? '');
  if (!fresh) return { status: 429, error: 'too many new visitors from this address; try again later' };
  return { identity: { openid: fresh.id }, setCookie: visitorCookieHeader(fresh) };
}

const visitorCookieHeader = (fresh: { cookie: string } | null): Record<string, string> =>
  fresh ? { 'set-cookie': `${VISITOR_COOKIE}=${fresh.cookie}; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000` } : {};

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
  const visitors = new Visitors(host.secrets.visitorKey, options.visitorsPerHour ?? 60, options.clock ?? Date.now);

  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const route = url.pathname;
    void (async () => {
      if (route === '/healthz') return send(res, 200, { ok: true, functions: host.functions.length });
      if (route === '/api/contracts' && req.method === 'GET') return send(res, 200, contracts);
      if (route === '/api/dev/people' && req.method === 'GET') {
        if (!local || !fromThisMachine(req)) return send(res, 404, { error: 'not found' });
        return send(res, 200, {
          people: DEV_PEOPLE.map((p) => ({ openid: p.openid, name: p.name, role: p.role, ...(p.town ? { town: p.town } : {}), ...(p.village ? { village: p.village } : {}) })),
        });
      }
      const fnMatch = /^\/api\/fn\/([A-Za-z0-9_-]+)$/.exec(route);
      if (fnMatch || route === '/api/dev/subscribe') {
        if (req.method !== 'POST') return send(res, 405, { error: 'method not allowed' });
        const name = fnMatch?.[1] ?? '';
        if (fnMatch && !functions.has(name)) return send(res, 404, { error: `unknown function ${name}` });
        if (!fnMatch && (!local || !fromThisMachine(req))) return send(res, 404, { error: 'not found' });
        const who = identify(req, local, visitors);
        if ('status' in who) return send(res, who.status, { error: who.error });
        const { identity, setCookie } = who;
        const body = await readBody(req);
        if (body === null) {
          send(res, 413, { error: 'body over 100 KB' }, { connection: 'close' });
          res.on('finish', () => req.destroy());
          return;
        }
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
        const action = event && typeof event === 'object' && typeof (event as { action?: unknown }).action === 'string' ? logValue((event as { action: string }).action) : '-';
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
      if (site && (req.method === 'GET' || req.method === 'HEAD')) {
        // The app's page (any path without an extension) hands out the visitor identity, so the
        // app's first calls already share one.
        if (path.extname(route) === '' && !visitors.verify(cookie(req, VISITOR_COOKIE))) {
          for (const [name, value] of Object.entries(visitorCookieHeader(visitors.issue(req.socket.remoteAddress ?? '')))) res.setHeader(name, value);
        }
        return site(req, res, route);
      }
      return send(res, 404, { error: 'not found' });
    })().catch((err: unknown) => {
      console.error(`host error: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) send(res, 500, { error: 'internal' });
    });
  });
}
