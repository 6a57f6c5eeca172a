import dns from 'node:dns';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * WeChat's own compiler over dist/weapp, offline: `miniprogram-ci` compiles the project as an upload
 * would (getCompiledResult: the project's own settings from its project.config.json — JS
 * minification, WXML/WXSS minification, the `es6` switch — app.json and page checks, no upload), then
 * scans it with checkCodeQuality (the DevTools 代码质量 panel).
 *
 * Offline on purpose: a placeholder AppID and a dummy key file, the project attributes supplied by
 * `attr()` (so nothing asks WeChat's server for them). The one request miniprogram-ci still makes,
 * the list of allowed file extensions, goes to a local proxy that drops it: miniprogram-ci then falls
 * back to its built-in list. Host name lookups are recorded, and refused, to prove nothing else tries
 * the network. miniprogram-ci leaves a forked compiler running, so this runs as its own process and
 * exits when done: `tsx scripts/weapp-wechat-ci.ts <projectDir> <report.json> [<compiledOutDir>]`.
 */

export const PLACEHOLDER_APPID = 'wx0000000000000000';

export interface CiReport {
  compileError: { code?: number; message: string } | null;
  /** Files of the compiled package, by path (what an upload would send), and their sizes. */
  compiled: Record<string, number>;
  quality: Array<{ name: string; success: boolean; text: string; detail?: unknown }>;
  qualityError: string | null;
  hostLookups: string[];
  seconds: { compile: number; quality: number };
}

interface ProjectAttr {
  platform: boolean;
  appType: number;
  isSandbox: boolean;
  released: boolean;
  setting: Record<string, number>;
}

interface MiniprogramCi {
  Project: new (options: { appid: string; type: string; projectPath: string; privateKeyPath: string; ignores?: string[]; attr?: () => Promise<ProjectAttr> }) => unknown;
  DefaultProjectAttr: ProjectAttr;
  proxy(url: string): void;
  getCompiledResult(options: { project: unknown; setting: Record<string, unknown>; onProgressUpdate?: (p: unknown) => void }): Promise<Record<string, string | Buffer>>;
  checkCodeQuality(project: unknown): Promise<Array<{ name: string; success: boolean; text: string; detail?: unknown }>>;
}

const lookups: string[] = [];

/** Refuses every lookup of a host off this machine (recording it): this run has no business on the network. */
function guardLookups(): void {
  const original = dns.lookup.bind(dns) as (hostname: string, ...rest: unknown[]) => void;
  const refuse = (hostname: string, ...rest: unknown[]): void => {
    if (hostname === 'localhost' || net.isIP(hostname) !== 0) {
      original(hostname, ...rest);
      return;
    }
    lookups.push(hostname);
    const cb = rest[rest.length - 1] as (err: Error) => void;
    const err = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (refused: offline run)`), { code: 'ENOTFOUND', hostname });
    process.nextTick(() => cb(err));
  };
  (dns as unknown as { lookup: typeof refuse }).lookup = refuse;
}

/** A proxy on an ephemeral loopback port that closes every connection. */
function droppingProxy(): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer((socket) => socket.destroy());
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function main(): Promise<void> {
  const [projectArg, reportArg, outArg] = process.argv.slice(2);
  if (!projectArg || !reportArg) throw new Error('usage: weapp-wechat-ci.ts <projectDir> <report.json> [<compiledOutDir>]');
  const projectPath = path.resolve(projectArg);
  guardLookups();
  const proxy = await droppingProxy();
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
  // The forked compiler inherits these, should it try the network itself.
  for (const k of ['http_proxy', 'https_proxy', 'HTTP_PROXY', 'HTTPS_PROXY']) process.env[k] = proxyUrl;

  const ci = require('miniprogram-ci') as MiniprogramCi;
  ci.proxy(proxyUrl);
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-ci-'));
  const privateKeyPath = path.join(keyDir, `private.${PLACEHOLDER_APPID}.key`);
  fs.writeFileSync(privateKeyPath, '-----BEGIN RSA PRIVATE KEY-----\nplaceholder, never used: no upload\n-----END RSA PRIVATE KEY-----\n', { mode: 0o600 });
  const project = new ci.Project({
    appid: PLACEHOLDER_APPID,
    type: 'miniProgram',
    projectPath,
    privateKeyPath,
    attr: () => Promise.resolve({ ...ci.DefaultProjectAttr }),
  });

  const report: CiReport = { compileError: null, compiled: {}, quality: [], qualityError: null, hostLookups: lookups, seconds: { compile: 0, quality: 0 } };
  let started = Date.now();
  try {
    const files = await ci.getCompiledResult({ project, setting: { useProjectConfig: true } });
    for (const [name, content] of Object.entries(files)) {
      report.compiled[name] = Buffer.byteLength(content);
      if (outArg) {
        const target = path.join(path.resolve(outArg), name);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, content);
      }
    }
  } catch (err) {
    const e = err as { code?: number; message?: string };
    report.compileError = { ...(e.code !== undefined ? { code: e.code } : {}), message: String(e.message ?? err) };
  }
  report.seconds.compile = (Date.now() - started) / 1000;
  started = Date.now();
  try {
    report.quality = (await ci.checkCodeQuality(project)).map((q) => ({ name: q.name, success: q.success, text: q.text, ...(q.detail !== undefined ? { detail: q.detail } : {}) }));
  } catch (err) {
    report.qualityError = String((err as Error).message ?? err);
  }
  report.seconds.quality = (Date.now() - started) / 1000;
  fs.writeFileSync(reportArg, JSON.stringify(report, null, 2));
  fs.rmSync(keyDir, { recursive: true, force: true });
  proxy.close();
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
