import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Dashboard } from '../../shared/contracts/stats';
import { CONSENT_VERSION } from '../../shared/domain/help';
import type { Result } from '../../shared/result';
import { chinaDay } from '../../shared/time';
import { ARTIFACTS, startRig, type BrowserRig, shown, pageAs as sharedPageAs, wholePage } from '../support/browser';

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 60_000);
afterAll(async () => {
  await rig.close();
});

const STATS = '/#/pkg-staff/pages/stats/index';
const ACTIVITIES = '/#/pkg-staff/pages/activities/index';
const TODAY = chinaDay(new Date());
const MATERIALS = 120;
const REACHED = 35;

const pageAs = (openid: string) => sharedPageAs(rig, openid);

/** Calls an action as someone and returns its data, failing the test on an error. */
async function act<T>(fn: string, action: string, input: unknown, openid: string): Promise<T> {
  const res = (await rig.host.invoke(fn, { action, input }, { openid })) as Result<T>;
  if (!res.ok) throw new Error(`${fn}.${action} as ${openid}: ${JSON.stringify(res.error)}`);
  return res.data;
}

/** The texts of a table row's cells, in order. */
async function cells(page: Page, selector: string): Promise<string[]> {
  const texts = await page.locator(`${selector}:visible [role="rowheader"], ${selector}:visible [role="cell"]`).allInnerTexts();
  return texts.map((t) => t.trim());
}

describe('参与统计 in the browser', () => {
  it('district staff read the exact numbers of what people did this month, per town, and the year-end figures', async () => {
    // What people do: 4 lesson reads by 3 people (one reads twice), a practice quiz, a suggestion,
    // a help request, and an activity logged by a village station.
    await act('account', 'setRegion', { town: 'shuangjiang', village: 'shuangjiang-v2' }, 'stats-reader-3');
    await act('learn', 'getLesson', { lessonId: 'anti-dv-01' }, 'dev-learner');
    await act('learn', 'getLesson', { lessonId: 'anti-dv-02' }, 'dev-learner');
    await act('learn', 'getLesson', { lessonId: 'women-rights-01' }, 'dev-resident');
    await act('learn', 'getLesson', { lessonId: 'anti-dv-01' }, 'stats-reader-3');
    const quiz = await act<{ attemptId: string; questions: Array<{ id: string; options: Array<{ key: string }> }> }>('learn', 'startQuiz', { mode: 'practice', lawId: 'anti-dv', count: 3 }, 'dev-learner');
    await act('learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: quiz.questions.map((q) => ({ questionId: q.id, keys: [q.options[0]?.key ?? 'A'] })) }, 'dev-learner');
    await act('hall', 'submitSuggestion', { content: '建议在村委会旁边的小广场多装几盏路灯，晚上回家更安全。', anonymous: false }, 'dev-resident');
    await act(
      'help',
      'submitRequest',
      { category: '家庭暴力', description: '需要帮助的情况说明', town: 'shuangjiang', village: 'shuangjiang-v1', contact: { method: 'in_app' }, urgency: 'normal', age: 'adult', consentVersion: CONSENT_VERSION },
      'dev-learner',
    );
    await act('stats', 'logActivity', { type: '宣传资料发放', date: TODAY, title: '三八节反家暴法宣传', reached: REACHED, materials: MATERIALS, note: '' }, 'dev-station');
    const api = await act<Dashboard>('stats', 'dashboard', { kind: 'month', date: TODAY }, 'dev-admin');

    const { page, errors } = await pageAs('dev-admin');
    await page.goto(`${rig.base}${STATS}`);
    await shown(page, 'stats-dashboard').waitFor({ timeout: 30_000 });
    expect(await shown(page, 'period-month').getAttribute('aria-checked')).toBe('true');
    expect(await shown(page, 'stats-scope').innerText()).toBe('全区');
    expect(await shown(page, 'stats-period').innerText()).toContain(`${Number(TODAY.slice(5, 7))} 月`);

    const num = async (testId: string) => (await shown(page, testId).innerText()).trim();
    expect(await num('stat-lessonReads-times')).toBe('4');
    expect(await num('stat-lessonReads-people')).toBe('3');
    expect(await num('stat-quizAttempts-times')).toBe('1');
    expect(await num('stat-quizAttempts-people')).toBe('1');
    expect(await num('stat-suggestions-times')).toBe('1');
    expect(await num('stat-helpRequests-times')).toBe('1');
    expect(await num('stat-visits-times')).toBe('0');
    expect(await num('stat-activities-count')).toBe('1');
    expect(await num('stat-activities-reached')).toBe(String(REACHED));
    expect(await num('stat-activities-materials')).toBe(String(MATERIALS));
    expect(await shown(page, 'stat-lessonReads').innerText()).toContain('人次');

    // Trends: the bars carry their exact values, and the same numbers are listed on request.
    expect(await shown(page, 'trend-lesson_read-total').innerText()).toBe('合计 4 人次');
    const today = `${Number(TODAY.slice(5, 7))}/${Number(TODAY.slice(8, 10))}`;
    expect(await page.locator(`[data-testid="trend-lesson_read"]:visible [aria-label="${today}：4 人次"]`).count()).toBe(1);
    await shown(page, 'trend-activity-toggle').click();
    expect(await shown(page, 'trend-activity-table').innerText()).toContain(`${today} 1`);

    // The 双江镇 row: learner (2 reads, a quiz, a request), a third reader (1 read), the station's activity.
    const sj = api.towns.find((t) => t.town === 'shuangjiang');
    const women = sj?.women ?? null;
    const rate = sj?.rate ?? null;
    expect(await cells(page, '[data-testid="town-row"][data-town="shuangjiang"]')).toEqual([
      '双江镇',
      '3',
      '1',
      '1',
      women === null ? '—' : women.toLocaleString('en-US'),
      rate === null ? '—' : `${(rate * 100).toFixed(1)}%`,
      '0',
      '1',
      '1',
    ]);
    expect((await cells(page, '[data-testid="town-row"][data-town="zitong"]')).slice(0, 3)).toEqual(['梓潼街道', '1', '0']);
    await shown(page, 'town-sort-lessonReads').click();
    expect(await page.locator('[data-testid="town-row"]:visible').evaluateAll((rows) => rows.slice(0, 2).map((r) => r.getAttribute('data-town')))).toEqual(['shuangjiang', 'zitong']);

    // Areas: per law, the hall, help by category, offline by type.
    expect((await cells(page, '[data-testid="law-row"][data-law="anti-dv"]')).slice(0, 4)).toEqual(['反家庭暴力法', '3', '1', '1']);
    expect(await shown(page, 'hall-submitted').innerText()).toContain('1 条');
    expect(await shown(page, 'help-category-家庭暴力').innerText()).toContain('1 件');
    expect(await shown(page, 'help-category-法律咨询').innerText()).toContain('0 件');
    expect(await shown(page, 'help-online').innerText()).toContain('1 件');
    expect((await cells(page, '[data-testid="help-action-协助公安出具告诫书"]'))).toEqual(['协助公安出具告诫书', '0 次', '0 件']);
    expect(await cells(page, '[data-testid="offline-宣传资料发放"]')).toEqual(['宣传资料发放', '1', String(REACHED), String(MATERIALS)]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'stats-top.png') });
    await wholePage(page, 'stats-month.png');

    // 导出 Excel hands over an .xlsx download.
    const download = page.waitForEvent('download', { timeout: 15_000 });
    await shown(page, 'export-xlsx').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await shown(page, 'export-done').waitFor({ timeout: 15_000 });

    // A custom range counts 人次 only and says so; a range backwards is caught before any call.
    await shown(page, 'period-custom').click();
    await shown(page, 'custom-note').waitFor();
    expect(await shown(page, 'custom-note').innerText()).toBe('自定义时段只统计人次');
    await page.waitForFunction(() => document.querySelector('[data-testid="stats-period"]')?.textContent?.includes('至'));
    expect(await num('stat-lessonReads-times')).toBe('4');
    expect(await num('stat-lessonReads-people')).toBe('—');
    await shown(page, 'period-from').fill('2026-01-10');
    await shown(page, 'period-to').fill('2026-01-01');
    expect(await shown(page, 'period-problem').innerText()).toContain('开始日期不能晚于结束日期');
    await shown(page, 'period-month').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="stat-lessonReads-people"]')?.textContent === '3');

    // 年度报告数据: the figures in the report's terms, and a paragraph to paste.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: rig.base });
    await shown(page, 'open-annual').click();
    await shown(page, 'annual-report').waitFor({ timeout: 15_000 });
    expect(await shown(page, 'annual-year').innerText()).toBe(`${TODAY.slice(0, 4)} 年`);
    expect(await shown(page, 'annual-figure-materials').innerText()).toContain(String(MATERIALS));
    expect(await shown(page, 'annual-figure-materials').getAttribute('data-value')).toBe(String(MATERIALS));
    expect(await shown(page, 'annual-figure-onlineTimes').getAttribute('data-value')).toBe('5');
    expect(await shown(page, 'annual-figure-onlineTimes').innerText()).toContain('人次');
    const paragraphs = await page.locator('[data-testid="annual-paragraph"]:visible').allInnerTexts();
    expect(paragraphs.some((p) => p.includes('5人次参加线上法律知识普及活动'))).toBe(true);
    // 120 is said as it is: 余 only when something was rounded away.
    expect(paragraphs.some((p) => p.includes(`发放维权宣传资料${MATERIALS}份`))).toBe(true);
    await shown(page, 'annual-copy-all').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="annual-copy-all"]')?.textContent?.includes('已复制'));
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(clipboard).toContain(`发放维权宣传资料：${MATERIALS}份`);
    expect(clipboard).toContain('5人次参加线上法律知识普及活动');
    await wholePage(page, 'stats-annual.png');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 150_000);

  it('district staff log an activity for a village through the form, see it listed and counted', async () => {
    const { page, errors } = await pageAs('dev-district');
    await page.goto(`${rig.base}${ACTIVITIES}`);
    await shown(page, 'activity-list').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="activity-row"]:visible').count()).toBe(1);
    await shown(page, 'activity-new').click();
    const form = shown(page, 'activity-form');
    await form.waitFor({ timeout: 15_000 });

    // Missing fields are named before anything is sent.
    await shown(page, 'activity-save').click();
    const problems = await shown(page, 'activity-errors').innerText();
    expect(problems).toContain('活动类型');
    expect(problems).toContain('活动名称');
    expect(problems).toContain('覆盖人数');

    await shown(page, 'activity-type-讲座').click();
    await shown(page, 'activity-title').fill('反家暴法进村讲座');
    await shown(page, 'activity-town').selectOption('shuangjiang');
    await shown(page, 'activity-village').selectOption('shuangjiang-v2');
    await shown(page, 'activity-reached').fill('48');
    await shown(page, 'activity-materials').fill('60');
    await page.screenshot({ path: path.join(ARTIFACTS, 'stats-activity-edit.png'), fullPage: true });
    await shown(page, 'activity-save').click();
    await shown(page, 'activity-saved').waitFor({ timeout: 15_000 });
    expect(await shown(page, 'activity-saved').innerText()).toContain('反家暴法进村讲座');

    await shown(page, 'activity-back').click();
    // The list reloads when shown again; both activities share a date, so find the new one by its name.
    const logged = page.locator('[data-testid="activity-row"]:visible', { hasText: '反家暴法进村讲座' });
    await logged.waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="activity-row"]:visible').count()).toBe(2);
    const text = await logged.innerText();
    expect(text).toContain('反家暴法进村讲座');
    expect(text).toContain('双江镇');
    expect(text).toContain('覆盖 48 人');
    expect(text).toContain('发放资料 60 份');
    await wholePage(page, 'stats-activities.png');

    const station = await act<Dashboard>('stats', 'dashboard', { kind: 'month', date: TODAY }, 'dev-station');
    expect(station.totals.activities).toEqual({ count: 1, reached: REACHED, materials: MATERIALS });
    const district = await act<Dashboard>('stats', 'dashboard', { kind: 'month', date: TODAY }, 'dev-district');
    expect(district.totals.activities).toEqual({ count: 2, reached: REACHED + 48, materials: MATERIALS + 60 });

    // A figure typed wrong is corrected: an implausible one is questioned before it is saved.
    await logged.locator('[data-testid="activity-edit"]').click();
    await form.waitFor({ timeout: 15_000 });
    expect(await shown(page, 'activity-title').inputValue()).toBe('反家暴法进村讲座');
    await shown(page, 'activity-reached').fill('4800');
    await shown(page, 'activity-save').click();
    expect(await shown(page, 'activity-warnings').innerText()).toContain('一场线下活动很少超过 2000 人');
    expect((await act<Dashboard>('stats', 'dashboard', { kind: 'month', date: TODAY }, 'dev-district')).totals.activities.reached).toBe(REACHED + 48);
    await shown(page, 'activity-reached').fill('84');
    await shown(page, 'activity-save').click();
    await shown(page, 'activity-saved').waitFor({ timeout: 15_000 });
    expect(await shown(page, 'activity-saved').innerText()).toContain('已保存对“反家暴法进村讲座”的修改');
    await shown(page, 'activity-back').click();
    const corrected = page.locator('[data-testid="activity-row"]:visible', { hasText: '覆盖 84 人' });
    await corrected.waitFor({ timeout: 15_000 });
    expect(await corrected.locator('[data-testid="activity-edited"]').innerText()).toMatch(/修改过 1 次，最近一次：王静（区妇联），\d{4}-\d{2}-\d{2}/);
    expect((await act<Dashboard>('stats', 'dashboard', { kind: 'month', date: TODAY }, 'dev-district')).totals.activities).toEqual({ count: 2, reached: REACHED + 84, materials: MATERIALS + 60 });

    // Removed after a second tap: no longer counted, still listed with who removed it.
    await corrected.locator('[data-testid="activity-edit"]').click();
    await shown(page, 'activity-remove').click();
    await shown(page, 'activity-remove-confirm').click();
    const gone = page.locator('[data-testid="activity-row-removed"]:visible', { hasText: '反家暴法进村讲座' });
    await gone.waitFor({ timeout: 15_000 });
    expect(await gone.innerText()).toContain('已删除（王静（区妇联）');
    expect((await act<Dashboard>('stats', 'dashboard', { kind: 'month', date: TODAY }, 'dev-district')).totals.activities).toEqual({ count: 1, reached: REACHED, materials: MATERIALS });
    await wholePage(page, 'stats-activity-removed.png');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('the activity list goes back a year and pages twenty at a time', async () => {
    const lastYear = Number(TODAY.slice(0, 4)) - 1;
    for (let i = 1; i <= 21; i += 1) {
      await act('stats', 'logActivity', { type: '走访', date: `${lastYear}-03-${String(i).padStart(2, '0')}`, title: `入户走访第${i}次`, reached: 2, materials: 1, note: '' }, 'dev-town');
    }
    const { page, errors } = await pageAs('dev-town');
    await page.goto(`${rig.base}${ACTIVITIES}`);
    await shown(page, 'activity-list').waitFor({ timeout: 30_000 });
    await shown(page, 'activities-prev-year').click();
    await page.locator('[data-testid="activity-row"]:visible', { hasText: '入户走访第21次' }).waitFor({ timeout: 15_000 });
    expect(await shown(page, 'activities-year').innerText()).toBe(`${lastYear} 年`);
    expect(await page.locator('[data-testid="activity-row"]:visible').count()).toBe(20);
    await shown(page, 'activities-page-next').click();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid="activity-row"]')).filter((r) => (r as HTMLElement).offsetParent !== null).length === 1);
    expect(await page.locator('[data-testid="activity-row"]:visible').first().innerText()).toContain('入户走访第1次');
    expect(await shown(page, 'activities-page-next').getAttribute('aria-disabled')).toBe('true');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('a village station reads its own village only, without the town table', async () => {
    const { page, errors } = await pageAs('dev-station');
    await page.goto(`${rig.base}${STATS}`);
    await shown(page, 'stats-dashboard').waitFor({ timeout: 30_000 });
    expect(await shown(page, 'stats-scope').innerText()).toContain('村（社区）');
    expect(await page.locator('[data-testid="town-row"]:visible').count()).toBe(0);
    expect((await shown(page, 'stat-activities-materials').innerText()).trim()).toBe(String(MATERIALS));
    await page.screenshot({ path: path.join(ARTIFACTS, 'stats-station.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);
});
