import type { Dashboard } from '../../shared/contracts/stats';
import { pageAs, shown, startRig, wholePage, type BrowserRig } from '../support/browser';

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 60_000);
afterAll(async () => {
  await rig.close();
});

async function act<T>(fn: string, action: string, input: unknown, openid: string): Promise<T> {
  const res = (await rig.host.invoke(fn, { action, input }, { openid })) as { ok: boolean; data: T; error?: unknown };
  if (!res.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(res.error)}`);
  return res.data;
}

describe('个人信息 and 注销 in the browser', () => {
  it('a user reads what is kept, deletes her account; her data is gone, her suggestion shows 匿名居民, the dashboard is unchanged', async () => {
    const she = 'b-deleting';
    await act('account', 'setRegion', { town: 'shuangjiang', village: 'shuangjiang-v1' }, she);
    const quiz = await act<{ attemptId: string }>('learn', 'startQuiz', { mode: 'practice', lawId: 'anti-dv', count: 1 }, she);
    await act('learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: [] }, she);
    const { id } = await act<{ id: string }>('hall', 'submitSuggestion', { content: '希望村里多组织几次法律讲座，白天晚上各一次', anonymous: false }, she);
    const before = await act<Dashboard>('stats', 'dashboard', { kind: 'month' }, 'dev-district');

    const { page, errors } = await pageAs(rig, she);
    await page.goto(`${rig.base}/#/pages/me/index`);
    await shown(page, 'me-link-my-data').click({ timeout: 30_000 });
    expect(await shown(page, 'area-learning').innerText({ timeout: 20_000 })).toContain('答题记录 1 次');
    expect(await shown(page, 'area-hall').innerText()).toContain('建议 1 条');
    await wholePage(page, 'my-data.png');
    await shown(page, 'delete-start').click();
    await shown(page, 'delete-confirm').click();
    await shown(page, 'delete-done').waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
    await page.context().close();

    expect(rig.host.store.get('users', she)).toBeUndefined();
    expect(rig.host.store.get('progress', she)).toBeUndefined();
    expect(rig.host.store.candidates('attempts', { openid: she })).toEqual([]);
    const list = await act<{ suggestions: Array<{ id: string; authorName: string }> }>('hall', 'listSuggestions', { topicId: null, sort: 'time', page: 1 }, 'dev-learner');
    expect(list.suggestions.find((s) => s.id === id)?.authorName).toBe('匿名居民');
    const after = await act<Dashboard>('stats', 'dashboard', { kind: 'month' }, 'dev-district');
    expect({ totals: after.totals, towns: after.towns, villages: after.villages }).toEqual({ totals: before.totals, towns: before.towns, villages: before.villages });
  }, 120_000);

  it('the privacy policy is linked from the first-use prompt and says, per area, how long things are kept', async () => {
    const { page } = await pageAs(rig, 'b-reader');
    await page.goto(rig.base);
    await shown(page, 'place-prompt-privacy').click({ timeout: 30_000 });
    const sections = page.locator('[data-testid="policy-section"]:visible');
    await sections.first().waitFor({ timeout: 20_000 });
    expect(await sections.count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('[data-testid="privacy-page"]:visible').innerText()).toContain('办结后 180 天删除个人信息');
    await page.context().close();
  }, 60_000);
});
