import path from 'node:path';
import { ARTIFACTS, pageAs, shown, startRig, type BrowserRig } from '../support/browser';

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 60_000);
afterAll(async () => {
  await rig.close();
});

describe('镇街妇女人数 (the denominator of participation rates)', () => {
  it('district staff set a town’s number of women, which the ranking then divides by', async () => {
    const { page, errors } = await pageAs(rig, 'dev-district');
    await page.goto(`${rig.base}/#/pkg-staff/pages/index/index`);
    await shown(page, 'desk-towns').click();
    const input = shown(page, 'women-shuangjiang');
    await input.waitFor({ timeout: 20_000 });
    await input.fill('4');
    await shown(page, 'save-shuangjiang').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="save-shuangjiang"]')?.textContent?.includes('已保存'), undefined, { timeout: 10_000 });
    expect(rig.host.store.get('regions', 'shuangjiang')?.doc).toMatchObject({ women: 4 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'staff-towns.png') });

    // Two women of 双江镇 take a quiz: the ranking shows 2 ÷ 4.
    for (const who of ['dev-learner', 'towns-second']) {
      await rig.host.invoke('account', { action: 'setRegion', input: { town: 'shuangjiang' } }, { openid: who });
      const start = (await rig.host.invoke('learn', { action: 'startQuiz', input: { mode: 'practice', lawId: 'anti-dv', count: 1 } }, { openid: who })) as { data: { attemptId: string } };
      await rig.host.invoke('learn', { action: 'submitQuiz', input: { attemptId: start.data.attemptId, answers: [] } }, { openid: who });
    }
    const ranking = (await rig.host.invoke('learn', { action: 'ranking', input: { period: 'month' } }, { openid: 'dev-learner' })) as { data: { towns: Array<{ town: string; rate: number | null }> } };
    expect(ranking.data.towns[0]).toMatchObject({ town: 'shuangjiang', rate: 0.5 });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('a user who opens the page is told kindly whose page it is, with a way home and nothing to change', async () => {
    const { page } = await pageAs(rig, 'dev-learner');
    await page.goto(`${rig.base}/#/pkg-staff/pages/towns/index`);
    const refusal = shown(page, 'no-access');
    await refusal.waitFor({ timeout: 20_000 });
    expect(await refusal.innerText()).toContain('这是妇联工作人员使用的页面');
    expect(await page.locator('[data-testid^="women-"]:visible, [data-testid^="save-"]:visible').count()).toBe(0);
    await shown(page, 'no-access-home').click();
    await shown(page, 'learn-page').waitFor({ timeout: 15_000 });
    expect(rig.host.store.get('regions', 'guxi')?.doc).toMatchObject({ women: null });
    await page.context().close();
  }, 60_000);
});
