import path from 'node:path';
import { ARTIFACTS, pageAs, phonePage, shown, startRig, type BrowserRig } from '../support/browser';

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 60_000);
afterAll(async () => {
  await rig.close();
});

type Ok<T> = { ok: true; data: T };
const invoke = async <T>(fn: string, action: string, input: unknown, openid: string): Promise<T> => {
  const res = (await rig.host.invoke(fn, { action, input }, { openid })) as Ok<T> | { ok: false; error: unknown };
  if (!res.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(res.error)}`);
  return res.data;
};

/** What an error page would say: none of it may greet her after 快速离开. */
const ERROR_WORDS = /没有找到|出错|失败|重试|不可用|无权限/;

describe('快速离开 that cannot fail', () => {
  it('after staff remove every lesson of every law, she leaves the help form for a working 学法 tab, even with every call failing, and cannot go back', async () => {
    // Staff remove lessons: the first through 课程管理, every other one through the same action.
    const staff = await pageAs(rig, 'dev-district');
    await staff.page.goto(`${rig.base}/#/pkg-staff/pages/lessons/index`);
    const firstRow = staff.page.locator('[data-testid="lesson-row"]:visible').first();
    await firstRow.waitFor({ timeout: 30_000 });
    const firstId = await firstRow.getAttribute('data-lesson-id');
    await firstRow.locator('[data-testid="lesson-remove"]').click();
    await firstRow.locator('[data-testid="lesson-remove-confirm"]').click();
    await shown(staff.page, 'lesson-removed-list').waitFor({ timeout: 15_000 });
    expect(await shown(staff.page, 'lesson-removed-list').locator(`[data-lesson-id="${firstId}"]`).count()).toBe(1);
    await staff.page.context().close();
    const laws = await invoke<{ laws: Array<{ id: string }> }>('learn', 'listLaws', { all: true }, 'dev-district');
    for (const law of laws.laws) {
      const { lessons } = await invoke<{ lessons: Array<{ id: string; status: string }> }>('learnAdmin', 'listLessons', { lawId: law.id }, 'dev-district');
      for (const l of lessons.filter((x) => x.status === 'active')) await invoke('learnAdmin', 'retireLesson', { id: l.id }, 'dev-district');
    }
    expect(rig.host.store.candidates('lessons', {}).every((l) => l.status === 'retired')).toBe(true);

    // A visitor opens the help form from the 服务 tab.
    const page = await phonePage(rig);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(rig.base);
    await page.locator('.weui-tabbar__item', { hasText: '服务' }).click({ timeout: 30_000 });
    await shown(page, 'service-request').click({ timeout: 15_000 });
    await shown(page, 'help-request-page').waitFor({ timeout: 15_000 });

    // Nothing reaches the server any more (offline, or the service is down): 快速离开 still works.
    await page.route('**/api/fn/**', (route) => route.abort());
    await shown(page, 'quick-exit').click();
    await shown(page, 'learn-page').waitFor({ timeout: 20_000 });
    await shown(page, 'law-list').waitFor({ timeout: 20_000 });
    expect(page.url()).toContain('#/pages/learn/index');
    expect(await page.locator('.weui-tabbar:visible').count()).toBe(1);
    expect(await page.locator('[data-testid^="law-"]:visible').count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('[data-testid="state-error"]:visible').count()).toBe(0);
    const text = await shown(page, 'learn-page').innerText();
    expect(text).not.toMatch(ERROR_WORDS);
    expect(text).toContain('选一部法律开始学');
    await page.screenshot({ path: path.join(ARTIFACTS, 'quick-exit-offline.png') });

    // No way back to the help form.
    await page.goBack().catch(() => null);
    await page.waitForTimeout(1500);
    expect(page.url()).not.toContain('pkg-help');
    expect(await page.locator('[data-testid="help-form"]:visible, [data-testid="help-request-page"]:visible').count()).toBe(0);

    // Back online: every law without lessons still offers its practice, not an empty page.
    await page.unroute('**/api/fn/**');
    await page.goto(rig.base);
    await shown(page, 'law-anti-dv').waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="law-anti-dv"]')?.textContent?.includes('练习题'), undefined, { timeout: 15_000 });
    expect(await shown(page, 'law-anti-dv').innerText()).toContain('去做练习');
    await shown(page, 'law-anti-dv').click();
    await shown(page, 'lessons-none').waitFor({ timeout: 15_000 });
    expect(await shown(page, 'lessons-page').innerText()).not.toMatch(ERROR_WORDS);
    await shown(page, 'start-practice').click();
    await shown(page, 'quiz-question').waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 240_000);
});
