import type { Page } from 'playwright-core';
import { pageAs, phonePage, shown, startRig, wholePage, type BrowserRig } from '../support/browser';

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 60_000);
afterAll(async () => {
  await rig.close();
});

const STATS = '/#/pkg-staff/pages/stats/index';

/** 答题人数 of 双江镇 and of one of its villages, as district staff read them on 参与统计 (a missing village row is 0). */
async function participants(village: string): Promise<{ town: number; village: number }> {
  const { page } = await pageAs(rig, 'dev-district');
  await page.goto(`${rig.base}${STATS}`);
  await shown(page, 'stats-dashboard').waitFor({ timeout: 30_000 });
  const cell = async (row: string) => {
    const r = page.locator(`${row}:visible`);
    if ((await r.count()) === 0) return 0;
    return Number((await r.locator('.table__cell').nth(3).innerText()).replace(/,/g, ''));
  };
  const out = { town: await cell('[data-testid="town-row"][data-town="shuangjiang"]'), village: await cell(`[data-testid="village-row"][data-village="${village}"]`) };
  await page.context().close();
  return out;
}

/** Answers every question with its first option and hands the quiz in. */
async function takeQuiz(page: Page): Promise<void> {
  await shown(page, 'quiz-question').waitFor({ timeout: 15_000 });
  const total = await page.locator('[data-testid^="quiz-jump-"]:visible').count();
  for (let i = 0; i < total; i += 1) {
    await shown(page, 'quiz-question').locator('[data-testid^="quiz-option-"]').first().click();
    if (i < total - 1) await shown(page, 'quiz-next').click();
  }
  await shown(page, 'quiz-submit').click();
  await shown(page, 'result-page').waitFor({ timeout: 15_000 });
}

describe('her place, once (a brand-new visitor)', () => {
  it('chooses 双江镇 and a village on first use, practises, and the district dashboard counts her for both', async () => {
    const before = await participants('shuangjiang-v2');

    const page = await phonePage(rig);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(rig.base);
    await shown(page, 'place-prompt-choose').click({ timeout: 30_000 });
    await shown(page, 'place-first-town').selectOption('shuangjiang');
    // A town's villages, after 不方便说.
    const villages = shown(page, 'place-first-village');
    expect(await villages.locator('option').allInnerTexts()).toEqual(['不方便说', '示例村一', '示例村二']);
    await villages.selectOption('shuangjiang-v2');
    await wholePage(page, 'place-first-use.png');
    await shown(page, 'place-first-save').click();
    expect(await shown(page, 'place-prompt-done').innerText()).toContain('双江镇 示例村二');

    await shown(page, 'law-anti-dv').click();
    await shown(page, 'start-practice').click({ timeout: 15_000 });
    await takeQuiz(page);
    expect(errors).toEqual([]);

    // Back on the first screen later: not asked again.
    await page.goto(rig.base);
    await shown(page, 'law-anti-dv').waitFor({ timeout: 30_000 });
    expect(await shown(page, 'place-prompt').count()).toBe(0);
    await page.context().close();

    expect(await participants('shuangjiang-v2')).toEqual({ town: before.town + 1, village: before.village + 1 });
  }, 120_000);

  it('以后再说 hides the prompt for good; 我的 still offers the choice, quietly, and a town without villages is enough', async () => {
    const page = await phonePage(rig);
    await page.goto(rig.base);
    const skipped = page.waitForResponse((r) => r.url().includes('/api/fn/account') && r.request().postData()?.includes('skipRegion') === true);
    await shown(page, 'place-prompt-skip').click({ timeout: 30_000 });
    expect(await shown(page, 'place-prompt').count()).toBe(0);
    await skipped;
    await page.reload();
    await shown(page, 'law-anti-dv').waitFor({ timeout: 30_000 });
    expect(await shown(page, 'place-prompt').count()).toBe(0);

    await page.goto(`${rig.base}/#/pages/me/index`);
    expect(await shown(page, 'profile-place').innerText({ timeout: 30_000 })).toBe('未选择');
    await shown(page, 'place-change').click();
    await shown(page, 'place-me-town').selectOption('guilin');
    expect(await shown(page, 'place-me-village').locator('option').allInnerTexts()).toEqual(['本镇街的村（社区）还没有录入，不用选']);
    await shown(page, 'place-me-save').click();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid="profile-place"]')).some((e) => e.textContent === '桂林街道'), undefined, { timeout: 10_000 });
    await page.context().close();
  }, 90_000);
});
