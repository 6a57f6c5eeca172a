import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from '../../scripts/ensure-chromium';
import type { Host } from '../../server/host';
import { createHttpServer } from '../../server/http';
import { freshHost } from './host';

const ROOT = path.resolve(__dirname, '../..');
/** Where screenshots are kept as test artifacts. */
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');

/** The h5 build served by a fresh local host, and a headless Debian Chromium. */
export interface BrowserRig {
  host: Host;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startRig(): Promise<BrowserRig> {
  const staticDir = path.join(ROOT, 'dist/h5');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) throw new Error('dist/h5 is missing: run `npm run build:h5` (npm test builds it)');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const host = freshHost();
  const server: http.Server = createHttpServer({ host, local: true, staticDir, log: () => undefined });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    host,
    base,
    browser,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
      host.close();
    },
  };
}

/** A phone-sized page in a fresh context (a new user: no cookies, no storage). */
export async function phonePage(rig: BrowserRig) {
  const context = await rig.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  return context.newPage();
}
