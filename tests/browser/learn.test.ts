import path from 'node:path';
import { chinaDay } from '../../shared/time';
import { ARTIFACTS, phonePage, startRig, type BrowserRig } from '../support/browser';

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 60_000);
afterAll(async () => {
  await rig.close();
});

describe('学法 in the browser (h5 build through the local host)', () => {
  it('a new user opens the app, opens a law and reads a lesson with its articles set apart', async () => {
    const page = await phonePage(rig);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(rig.base);

    const law = page.locator('[data-testid="law-anti-dv"]');
    await law.waitFor({ timeout: 30_000 });
    expect(await law.innerText()).toContain('反家庭暴力法');
    await page.screenshot({ path: path.join(ARTIFACTS, 'learn-laws.png') });
    await law.click();

    const lesson = page.locator('[data-testid="lesson-anti-dv-01"]');
    await lesson.waitFor({ timeout: 15_000 });
    await lesson.click();

    const reader = page.locator('[data-testid="lesson-reader"]');
    await reader.waitFor({ timeout: 15_000 });
    const text = await reader.innerText();
    expect(text).toContain('什么是家庭暴力');
    expect(text).toContain('《中华人民共和国反家庭暴力法》');
    expect(text).toContain('第二条');
    const blocks = page.locator('[data-testid="article-block"]');
    expect(await blocks.count()).toBeGreaterThan(0);
    expect(await blocks.first().innerText()).toContain('本法所称家庭暴力');
    await page.screenshot({ path: path.join(ARTIFACTS, 'learn-lesson.png'), fullPage: true });

    // The read was counted for this visitor, under the no-town bucket, as one person.
    const counter = rig.host.store.get('counters', `lesson_read:law=anti-dv|day|${chinaDay(new Date())}`)?.doc as { times: number; people: number } | undefined;
    expect(counter).toMatchObject({ times: 1, people: 1 });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);
});

describe('the tab bar and the served build in the browser', () => {
  it('shows each tab with its icon, the selected one drawn filled, and loads the app compressed', async () => {
    const page = await phonePage(rig);
    const encodings = new Map<string, string>();
    page.on('response', (r) => {
      if (/\/js\/app\.[0-9a-f]+\.js$/.test(r.url())) encodings.set('app.js', r.headers()['content-encoding'] ?? 'none');
    });
    await page.goto(rig.base);
    const tabs = page.locator('.weui-tabbar__item');
    await tabs.nth(3).waitFor({ timeout: 30_000 });
    expect(await tabs.allInnerTexts()).toEqual(['学法', '议事', '服务', '我的']);
    const icons = page.locator('.weui-tabbar__item img.weui-tabbar__icon');
    const state = () => icons.evaluateAll((imgs) => (imgs as HTMLImageElement[]).map((i) => ({ src: i.src, width: i.naturalWidth, shown: i.getBoundingClientRect().width > 0 })));
    const onLearn = await state();
    expect(onLearn.map((i) => [i.width, i.shown])).toEqual(Array(4).fill([81, true]));
    await page.screenshot({ path: path.join(ARTIFACTS, 'tab-bar-learn.png') });

    await tabs.nth(1).click();
    await page.waitForFunction(() => document.querySelectorAll('.weui-tabbar__item')[1]?.classList.contains('weui-bar__item_on'));
    const onHall = await state();
    // The selected icon changes on both tabs that changed state, and on no other.
    expect(onHall.map((i, k) => i.src !== onLearn[k]?.src)).toEqual([true, true, false, false]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'tab-bar-hall.png') });
    expect(encodings.get('app.js')).toBe('br');
  }, 60_000);
});
