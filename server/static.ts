import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { httpDate, httpDateMs } from '../shared/time';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.map', '.txt', '.svg', '.ico']);
const MIN_COMPRESS = 1024;
// webpack's [contenthash:8] in a file name: the content never changes under that name.
const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

type Encoding = 'br' | 'gzip';

/** One file as served: its bytes, validators, and compressed copies once made. */
interface Entry {
  mtimeMs: number;
  size: number;
  body: Buffer;
  etag: string;
  lastModified: string;
  encoded: Map<Encoding, Promise<Buffer | null>>;
}

/** The codings a request accepts, best first (br before gzip), from Accept-Encoding with q-values. */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name ?? '', qParam ? Number(qParam.slice(2)) || 0 : 1);
  }
  const ok = (coding: string) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
  return (['br', 'gzip'] as const).filter(ok);
}

function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  // Weak comparison (RFC 9110 13.1.2): W/ prefixes do not matter for If-None-Match.
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * The h5 build served as a web server should: brotli or gzip (copies written by the build, else
 * compressed once and kept), immutable caching for content-hashed assets and revalidation
 * (ETag, Last-Modified, 304) for the rest, HEAD answered, and 404 for a missing asset rather than
 * the app's HTML. Paths without an extension are the app (index.html); nothing outside `dir`.
 */
export function createStaticSite(dir: string): (req: http.IncomingMessage, res: http.ServerResponse, urlPath: string) => Promise<void> {
  const root = path.resolve(dir);
  const cache = new Map<string, Entry>();

  async function load(file: string): Promise<Entry | null> {
    const stat = await fs.promises.stat(file).catch(() => null);
    if (!stat?.isFile()) return null;
    const cached = cache.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
    const body = await fs.promises.readFile(file);
    const entry: Entry = {
      mtimeMs: stat.mtimeMs,
      size: stat.size,
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      lastModified: httpDate(stat.mtimeMs),
      encoded: new Map(),
    };
    cache.set(file, entry);
    return entry;
  }

  /** The copy in one coding: the build's (`.br`/`.gz` beside the file, not older than it), else made now and kept; null when it would not be smaller. */
  function encoded(file: string, entry: Entry, coding: Encoding): Promise<Buffer | null> {
    let pending = entry.encoded.get(coding);
    if (!pending) {
      const copy = `${file}${coding === 'br' ? '.br' : '.gz'}`;
      pending = fs.promises
        .stat(copy)
        .then(async (s) => (s.mtimeMs >= entry.mtimeMs ? fs.promises.readFile(copy) : null))
        .catch(() => null)
        .then(async (built) => built ?? (coding === 'br' ? brotli(entry.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }) : gzip(entry.body, { level: 6 })))
        .then((b) => (b.length < entry.body.length ? b : null));
      entry.encoded.set(coding, pending);
    }
    return pending;
  }

  return async (req, res, urlPath) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end('bad path');
      return;
    }
    const relative = path.posix.normalize(`/${decoded}`).slice(1);
    const ext = path.extname(relative).toLowerCase();
    // The app itself for "/" and any path without an extension; an asset by its own name only.
    const file = ext === '' ? path.join(root, 'index.html') : path.join(root, relative);
    const entry = !file.startsWith(root + path.sep) || relative.split('/').some((s) => s.startsWith('.')) ? null : await load(file);
    if (!entry) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : 'not found');
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const compressible = COMPRESSIBLE.has(path.extname(file)) && entry.size >= MIN_COMPRESS;
    let body = entry.body;
    let coding: Encoding | null = null;
    if (compressible) {
      for (const c of acceptedEncodings(req.headers['accept-encoding'])) {
        const copy = await encoded(file, entry, c);
        if (copy) {
          body = copy;
          coding = c;
          break;
        }
      }
    }
    // Each coding is its own representation, with its own validator.
    const etag = coding ? `${entry.etag.slice(0, -1)}-${coding}"` : entry.etag;
    const headers: http.OutgoingHttpHeaders = {
      'cache-control': HASHED.test(file) ? IMMUTABLE : 'no-cache',
      etag,
      'last-modified': entry.lastModified,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...(compressible ? { vary: 'Accept-Encoding' } : {}),
    };
    const ifNoneMatch = req.headers['if-none-match'];
    const ifModifiedSince = req.headers['if-modified-since'];
    // HTTP dates have whole seconds: the file counts as unmodified within the second it names.
    const since = ifModifiedSince === undefined ? null : httpDateMs(ifModifiedSince);
    const fresh = ifNoneMatch !== undefined ? etagMatches(ifNoneMatch, etag) : since !== null && Math.floor(entry.mtimeMs / 1000) * 1000 <= since;
    if (fresh) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': type, 'content-length': body.length, ...(coding ? { 'content-encoding': coding } : {}) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
