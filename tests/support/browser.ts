import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
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
  // Every fresh browser context is a new visitor from 127.0.0.1: more than one person's share an hour.
  const server: http.Server = createHttpServer({ host, local: true, staticDir, log: () => undefined, visitorsPerHour: 1000 });
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

/** The element with a test id on the page on screen: Taro's browser router keeps the pages below it in the stack, hidden. */
export const shown = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]:visible`);

/** A phone page signed in (development sign-in) as `openid`, collecting page errors. */
export async function pageAs(rig: BrowserRig, openid: string): Promise<{ page: Page; errors: string[] }> {
  const page = await phonePage(rig);
  await page.context().addInitScript((id) => {
    // Back from 快速离开 may leave the app for about:blank, which has no storage.
    if (window.location.protocol === 'http:') window.localStorage.setItem('jgfzt.devOpenid', id);
  }, openid);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

/** A screenshot of the whole page on screen: Taro pages scroll inside their own box, so the viewport is stretched for the shot. */
export async function wholePage(page: Page, file: string): Promise<void> {
  const height = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((p) => p.offsetParent !== null).map((p) => p.scrollHeight), 844));
  await page.setViewportSize({ width: 390, height: Math.min(height, 12_000) });
  await page.screenshot({ path: path.join(ARTIFACTS, file) });
  await page.setViewportSize({ width: 390, height: 844 });
}
