import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Host } from '../../server/host';
import { createHttpServer } from '../../server/http';
import { acceptedEncodings } from '../../server/static';
import { freshHost, tempDir } from '../support/host';

// The h5 build as the local host serves it (server/static.ts), over real HTTP with raw bytes:
// node's fetch would decompress and hide what the server sent.
let host: Host;
let server: http.Server;
let port: number;
const dir = tempDir('h5-static-');
const APP_JS = `/* app */\n${Array.from({ length: 400 }, (_, i) => `export const line${i} = "巾帼法治通 ${i}";`).join('\n')}\n`;
const INDEX = `<!doctype html><html><head><link rel="icon" href="/favicon.ico"><script src="/js/app.0a1b2c3d.js"></script></head><body>${'<p>巾帼法治通</p>'.repeat(100)}</body></html>`;
const FAVICON = fs.readFileSync(path.join(__dirname, '../../client/assets/icons/favicon.ico'));

beforeAll(async () => {
  fs.mkdirSync(path.join(dir, 'js'));
  fs.mkdirSync(path.join(dir, 'css'));
  fs.writeFileSync(path.join(dir, 'index.html'), INDEX);
  fs.writeFileSync(path.join(dir, 'js/app.0a1b2c3d.js'), APP_JS);
  fs.writeFileSync(path.join(dir, 'css/app.9f8e7d6c.css'), `${'.a{color:red}'.repeat(200)}`);
  fs.writeFileSync(path.join(dir, 'css/tiny.12345678.css'), '.b{color:blue}');
  fs.writeFileSync(path.join(dir, 'favicon.ico'), FAVICON);
  // What the build's precompression writes (config/plugins/h5-precompress.js): a copy the server must prefer.
  fs.writeFileSync(path.join(dir, 'css/app.9f8e7d6c.css.br'), zlib.brotliCompressSync(fs.readFileSync(path.join(dir, 'css/app.9f8e7d6c.css'))));
  host = freshHost();
  server = createHttpServer({ host, local: true, staticDir: dir, log: () => undefined });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  host.close();
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function request(urlPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('compression', () => {
  it('sends brotli when the browser accepts it, with Vary and the length of what was sent', async () => {
    const res = await request('/js/app.0a1b2c3d.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(APP_JS) / 3);
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(APP_JS);
  });

  it('sends gzip to a browser that takes gzip only, or refuses brotli with q=0', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip;q=0.8']) {
      const res = await request('/js/app.0a1b2c3d.js', { 'accept-encoding': accept });
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(zlib.gunzipSync(res.body).toString()).toBe(APP_JS);
    }
  });

  it('sends the bytes as they are without Accept-Encoding, still saying that the answer varies', async () => {
    const res = await request('/js/app.0a1b2c3d.js');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.body.toString()).toBe(APP_JS);
  });

  it("uses the build's brotli copy beside the file", async () => {
    const res = await request('/css/app.9f8e7d6c.css', { 'accept-encoding': 'br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.body.equals(fs.readFileSync(path.join(dir, 'css/app.9f8e7d6c.css.br')))).toBe(true);
  });

  it('leaves small files and images uncompressed', async () => {
    expect((await request('/css/tiny.12345678.css', { 'accept-encoding': 'br, gzip' })).headers['content-encoding']).toBeUndefined();
    expect((await request('/favicon.ico', { 'accept-encoding': 'br, gzip' })).headers['content-encoding']).toBeUndefined();
  });

  it('reads Accept-Encoding with its q-values and wildcard', () => {
    expect(acceptedEncodings('gzip, deflate, br')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('br;q=0, *')).toEqual(['gzip']);
    expect(acceptedEncodings('identity')).toEqual([]);
    expect(acceptedEncodings(undefined)).toEqual([]);
  });
});

describe('caching', () => {
  it('lets browsers keep content-hashed assets for a year, unchanged', async () => {
    for (const file of ['/js/app.0a1b2c3d.js', '/css/app.9f8e7d6c.css']) expect((await request(file)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('makes browsers check index.html every time, with a validator for a cheap answer', async () => {
    const res = await request('/');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(new Date(res.headers['last-modified'] as string).getTime()).toBeGreaterThan(0);
  });

  it('answers 304 without a body when the ETag or the date still matches', async () => {
    const first = await request('/', { 'accept-encoding': 'br' });
    const again = await request('/', { 'accept-encoding': 'br', 'if-none-match': first.headers.etag as string });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(first.headers.etag);
    const byDate = await request('/', { 'if-modified-since': first.headers['last-modified'] as string });
    expect(byDate.status).toBe(304);
    expect((await request('/', { 'if-none-match': '"something-else"' })).status).toBe(200);
  });

  it('gives each coding its own ETag, so a cache never mixes them', async () => {
    const tags = await Promise.all(['br', 'gzip', 'identity'].map(async (e) => (await request('/js/app.0a1b2c3d.js', { 'accept-encoding': e })).headers.etag));
    expect(new Set(tags).size).toBe(3);
  });
});

describe('the favicon, HEAD and missing files', () => {
  it('serves a real icon at /favicon.ico, not the app', async () => {
    const res = await request('/favicon.ico');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/x-icon');
    // An ICO header (reserved 0, type 1), then its PNG images.
    expect([...res.body.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(res.body.includes(Buffer.from('PNG'))).toBe(true);
    expect(res.body.equals(FAVICON)).toBe(true);
  });

  it('answers HEAD with the headers GET would send and no body', async () => {
    for (const [file, accept] of [
      ['/', 'br'],
      ['/js/app.0a1b2c3d.js', 'gzip'],
      ['/favicon.ico', ''],
    ] as const) {
      const get = await request(file, { 'accept-encoding': accept });
      const head = await request(file, { 'accept-encoding': accept }, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      for (const h of ['content-type', 'content-length', 'content-encoding', 'etag', 'last-modified', 'cache-control', 'vary']) expect([file, h, head.headers[h]]).toEqual([file, h, get.headers[h]]);
    }
  });

  it('answers 404, not the app, for an asset that is not there', async () => {
    for (const file of ['/js/app.ffffffff.js', '/static/images/missing.png', '/favicon.png']) {
      const res = await request(file);
      expect([file, res.status, res.headers['content-type']]).toEqual([file, 404, 'text/plain; charset=utf-8']);
      expect(res.body.toString()).not.toContain('<html');
    }
    expect((await request('/js/app.ffffffff.js', {}, 'HEAD')).status).toBe(404);
  });

  it('serves the app for paths without an extension, and never a file outside the build or a hidden one', async () => {
    expect((await request('/pages/learn/index')).body.toString()).toBe(INDEX);
    fs.writeFileSync(path.join(dir, '.env'), 'SECRET=1');
    for (const file of ['/..%2f..%2fpackage.json', '/.env', '/js/.hidden.js']) expect([file, (await request(file)).status]).toEqual([file, 404]);
    // Without an extension it is the app, whatever the dots: never the file outside.
    expect((await request('/%2e%2e/%2e%2e/etc/passwd')).body.toString()).toBe(INDEX);
  });

  it('answers 400 to a path with a malformed escape, and the host goes on', async () => {
    expect((await request('/js/%E0%A4%A.js')).status).toBe(400);
    expect((await request('/')).status).toBe(200);
  });
});
