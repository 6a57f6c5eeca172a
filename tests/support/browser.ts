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

/** A phone-sized page in a fresh context (a new user: no cookies, no storage); `width` 360 is the narrow, common Android phone. */
export async function phonePage(rig: BrowserRig, width = 390) {
  const context = await rig.browser.newContext({ viewport: { width, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  return context.newPage();
}

/** The element with a test id on the page on screen: Taro's browser router keeps the pages below it in the stack, hidden. */
export const shown = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]:visible`);

/** A phone page signed in (development sign-in) as `openid`, collecting page errors. */
export async function pageAs(rig: BrowserRig, openid: string, width = 390): Promise<{ page: Page; errors: string[] }> {
  const page = await phonePage(rig, width);
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

/**
 * Internal record ids as they would leak onto a screen: seeded content ids (anti-dv-01,
 * women-rights-q007, shuangjiang-v1), sample openids, and generated ids (a prefix, base-36 time
 * and random hex). Case-sensitive: a 服务编号 such as FW-C0FFEE is meant to be read out.
 */
export const INTERNAL_ID = /\b[a-z]+(?:-[a-z]+)*-(?:q\d{3}|\d{2}|[vc]\d+)\b|\bdev-[a-z]+\b|\b(?=[0-9a-z]*\d)(?=[0-9a-z]*[a-z])[0-9a-z]{14,}\b/;

/** What a person can see and tap on the page on screen. */
export interface PageAudit {
  /** Visible controls smaller than 44 × 44 CSS px: "width×height what". */
  small: string[];
  /** Every visible control, by its test id or its name. */
  controls: string[];
  /** Visible text that looks like an internal id. */
  ids: string[];
  text: string;
}

/**
 * Measures the page on screen: every visible control (links, buttons, inputs, switches, chips,
 * tabs; a visually hidden input is measured by the label that carries it), and its text.
 */
export async function auditPage(page: Page): Promise<PageAudit> {
  const found = await page.evaluate(() => {
    const visible = (el: Element) => (el as HTMLElement).checkVisibility({ opacityProperty: true, visibilityProperty: true });
    const screen = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter(visible);
    const roots: Element[] = [...screen, ...Array.from(document.querySelectorAll('.weui-tabbar')).filter(visible)];
    const selector = 'a, button, input:not([type=hidden]), textarea, select, [role=button], [role=link], [role=radio], [role=checkbox], [role=switch], [role=tab], .weui-tabbar__item';
    const small: string[] = [];
    const controls: string[] = [];
    for (const root of roots) {
      for (const el of Array.from(root.querySelectorAll<HTMLElement>(selector))) {
        const target = el.closest('label') ?? el;
        if (!visible(target)) continue;
        const box = target.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        const name = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 30);
        controls.push(name);
        if (box.width < 44 || box.height < 44) small.push(`${Math.round(box.width)}×${Math.round(box.height)} ${name}`);
      }
    }
    return { small, controls, text: roots.map((r) => (r as HTMLElement).innerText).join('\n') };
  });
  const ids = found.text.split('\n').filter((line) => new RegExp(INTERNAL_ID.source).test(line));
  return { ...found, ids };
}

/** Waits until the page on screen has finished loading: it shows text and no loading state. */
export async function settled(page: Page, ms = 20_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const screen = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((p) => p.checkVisibility());
      return screen.length > 0 && screen.every((p) => p.innerText.trim().length > 0 && !p.querySelector('[data-testid="state-loading"]'));
    },
    undefined,
    { timeout: ms },
  );
}
