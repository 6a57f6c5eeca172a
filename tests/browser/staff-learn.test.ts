import path from 'node:path';
import { ARTIFACTS, startRig, type BrowserRig, shown, pageAs as sharedPageAs, wholePage } from '../support/browser';

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 60_000);
afterAll(async () => {
  await rig.close();
});

const HOME = '/#/pkg-staff/pages/index/index';

const pageAs = (openid: string) => sharedPageAs(rig, openid);

function stored<T>(collection: string, id: string): T | undefined {
  return rig.host.store.get(collection, id)?.doc as T | undefined;
}

const HEADER = '法律,题型,题干,选项A,选项B,选项C,选项D,选项E,答案,解析,法条,法条原文,核对来源,难度';
const GOOD_ROWS = [
  '反家庭暴力法,判断,家庭暴力只包括身体上的伤害，经常性谩骂、恐吓不算。,,,,,,错误,经常性谩骂、恐吓属于精神上的侵害，也是家庭暴力。,第二条,本法所称家庭暴力，是指家庭成员之间以殴打、捆绑、残害、限制人身自由以及经常性谩骂、恐吓等方式实施的身体、精神等侵害行为。,LawRefBook/Laws:社会法/反家庭暴力法.md,1',
  '反家庭暴力法,单选,遭受家庭暴力时，可以拨打哪个电话报警？,110,114,12315,,,A,遇到家庭暴力可以拨打110报警，公安机关应当及时出警。,第十五条,公安机关接到家庭暴力报案后应当及时出警，制止家庭暴力，按照有关规定调查取证，协助受害人就医、鉴定伤情。,LawRefBook/Laws:社会法/反家庭暴力法.md,1',
];
const BAD_ROW = '不存在的法,单选,太短,甲,乙,,,,C,短,二条,短,,5';
const csv = (rows: string[]) => Buffer.from(`${[HEADER, ...rows].join('\n')}\n`, 'utf8');

describe('工作台 (staff learning content) in the browser', () => {
  it('district staff filter the bank by law, open a question, fix its explanation and save it', async () => {
    const { page, errors } = await pageAs('dev-district');
    await page.goto(`${rig.base}${HOME}`);
    await shown(page, 'desk-questions').waitFor({ timeout: 30_000 });
    expect(await shown(page, 'staff-home').innerText()).toContain('纠错处理');
    await page.screenshot({ path: path.join(ARTIFACTS, 'staff-home.png') });
    await shown(page, 'desk-questions').click();

    const list = shown(page, 'staff-questions');
    await list.locator('[data-testid="question-row"]').first().waitFor({ timeout: 15_000 });
    const totalAll = Number(/共 (\d+) 题/.exec(await shown(page, 'question-total').innerText())?.[1]);
    expect(totalAll).toBeGreaterThan(100);
    expect(await list.locator('[data-testid="question-row"]').count()).toBe(20);
    const firstId = await list.locator('[data-testid="question-row"]').first().getAttribute('data-question-id');
    await shown(page, 'question-pager-next').click();
    await page.waitForFunction((id) => document.querySelector('[data-testid="question-row"]')?.getAttribute('data-question-id') !== id, firstId);
    expect(await shown(page, 'question-pager').innerText()).toContain(`第 2/${Math.ceil(totalAll / 20)} 页`);

    await shown(page, 'filter-law-anti-dv').click();
    await page.waitForFunction(() => {
      const rows = Array.from(document.querySelectorAll('[data-testid="question-row"]')).filter((r) => (r as HTMLElement).offsetParent !== null);
      return rows.length > 0 && rows.every((r) => r.getAttribute('data-question-id')?.startsWith('anti-dv-'));
    });
    expect(await shown(page, 'filter-law-anti-dv').getAttribute('aria-checked')).toBe('true');
    const totalLaw = Number(/共 (\d+) 题/.exec(await shown(page, 'question-total').innerText())?.[1]);
    expect(totalLaw).toBeGreaterThan(0);
    expect(totalLaw).toBeLessThan(totalAll);
    await wholePage(page, 'staff-questions.png');

    const row = list.locator('[data-testid="question-row"][data-question-id="anti-dv-q001"]');
    await row.locator('[role="link"]').click();
    const form = shown(page, 'question-form');
    await form.waitFor({ timeout: 15_000 });
    const before = stored<{ stem: string; explanation: string; checked: string }>('questions', 'anti-dv-q001');
    expect(await form.locator('[data-testid="q-stem"]').inputValue()).toBe(before?.stem);
    expect(await form.locator('[data-testid="q-answer-A"]').getAttribute('aria-checked')).toBe('true');

    // A stem cleared by mistake is caught here, next to the field and in the list, before any call.
    await form.locator('[data-testid="q-stem"]').fill('');
    await shown(page, 'question-save').click();
    expect(await shown(page, 'form-errors').innerText()).toContain('题干');
    expect(await form.locator('[data-testid="field-error"]').first().innerText()).toContain('题干至少 4 个字');
    await form.locator('[data-testid="q-stem"]').fill(before?.stem ?? '');

    const explanation = '家庭暴力是家庭成员之间以殴打、捆绑、残害、限制人身自由以及经常性谩骂、恐吓等方式实施的侵害。只动手打人才算家暴的说法不对；正常商量事情意见不一样，不是家暴。';
    await form.locator('[data-testid="q-explanation"]').fill(explanation);
    await shown(page, 'question-save').click();
    await shown(page, 'save-status').waitFor({ timeout: 15_000 });
    expect(await shown(page, 'save-status').innerText()).toContain('已保存');
    await wholePage(page, 'staff-question-edit.png');

    const after = stored<{ explanation: string; checked: string; status: string; answer: string[] }>('questions', 'anti-dv-q001');
    expect(after?.explanation).toBe(explanation);
    // The article was not touched, so its check note stays; status and answer are unchanged.
    expect(after?.checked).toBe(before?.checked);
    expect(after?.status).toBe('active');
    expect(after?.answer).toEqual(['A', 'B', 'C', 'D']);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('a 纠错 report shows on the home count and in 待处理, and is closed as 已修正 with a required note', async () => {
    const reported = (await rig.host.invoke('learn', { action: 'reportQuestion', input: { questionId: 'anti-dv-q001', reason: '答案有误' } }, { openid: 'someone' })) as {
      ok: boolean;
      data?: { reportId: string };
    };
    expect(reported.ok).toBe(true);
    const reportId = reported.data?.reportId ?? '';

    const { page, errors } = await pageAs('dev-district');
    await page.goto(`${rig.base}${HOME}`);
    await shown(page, 'open-report-count').waitFor({ timeout: 30_000 });
    expect(await shown(page, 'open-report-count').innerText()).toBe('1');
    await shown(page, 'desk-reports').click();

    const item = page.locator(`[data-testid="report-item"][data-report-id="${reportId}"]:visible`);
    await item.waitFor({ timeout: 15_000 });
    expect(await item.innerText()).toContain('答案有误');
    expect(await item.innerText()).toContain('家庭成员之间的下列哪些行为');

    // The note is required: without it nothing is sent.
    await item.locator('[data-testid="report-resolve"]').click();
    expect(await item.locator('[data-testid="field-error"]').innerText()).toContain('必填');
    expect(stored<{ status: string }>('reports', reportId)?.status).toBe('open');
    await page.screenshot({ path: path.join(ARTIFACTS, 'staff-reports.png') });

    await item.locator('[data-testid="report-note"]').fill('已核对第二条，答案无误，补充了解析。');
    await item.locator('[data-testid="report-resolve"]').click();
    await item.waitFor({ state: 'detached', timeout: 15_000 });
    expect(stored<{ status: string; resolution: string }>('reports', reportId)).toMatchObject({ status: 'resolved', resolution: '已核对第二条，答案无误，补充了解析。' });

    await shown(page, 'report-tab-resolved').click();
    const done = page.locator(`[data-testid="report-item"][data-report-id="${reportId}"]:visible`);
    await done.waitFor({ timeout: 15_000 });
    expect(await done.locator('[data-testid="report-resolution"]').innerText()).toContain('答案无误');
    await wholePage(page, 'staff-reports-resolved.png');

    // The link on a report opens the question's form, found by its id.
    await done.locator('[data-testid="report-edit-question"]').click();
    await shown(page, 'question-form').waitFor({ timeout: 15_000 });
    expect(page.url()).toContain('id=anti-dv-q001');
    expect(await shown(page, 'question-meta').innerText()).not.toContain('anti-dv-q001');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('an import is checked row by row, and runs only once every row passed', async () => {
    const { page, errors } = await pageAs('dev-district');
    await page.goto(`${rig.base}${HOME}`);
    await shown(page, 'desk-import').click({ timeout: 30_000 });
    await shown(page, 'import-page').waitFor({ timeout: 15_000 });
    expect(await shown(page, 'import-template').innerText()).toContain('核对来源');
    expect(await shown(page, 'import-run').getAttribute('aria-disabled')).toBe('true');

    await shown(page, 'import-file').setInputFiles({ name: '题目-有错.csv', mimeType: 'text/csv', buffer: csv([GOOD_ROWS[0] as string, BAD_ROW]) });
    expect(await shown(page, 'import-file-name').innerText()).toContain('题目-有错.csv');
    await shown(page, 'import-check').click();
    const rows = page.locator('[data-testid="import-report-row"]:visible');
    await rows.first().waitFor({ timeout: 15_000 });
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).getAttribute('data-ok')).toBe('true');
    expect(await rows.nth(1).getAttribute('data-ok')).toBe('false');
    expect(await rows.nth(1).innerText()).toContain('第 3 行');
    expect(await rows.nth(1).innerText()).toContain('不认识');
    expect(await shown(page, 'import-run').getAttribute('aria-disabled')).toBe('true');
    await wholePage(page, 'staff-import-check.png');

    await shown(page, 'import-file').setInputFiles({ name: '题目.csv', mimeType: 'text/csv', buffer: csv(GOOD_ROWS) });
    await shown(page, 'import-check').click();
    await page.waitForFunction(() => {
      const rows = Array.from(document.querySelectorAll('[data-testid="import-report-row"]'));
      return rows.length === 2 && rows.every((r) => r.getAttribute('data-ok') === 'true');
    });
    expect(await shown(page, 'import-run').getAttribute('aria-disabled')).toBe('false');
    await shown(page, 'import-run').click();
    await shown(page, 'import-done').waitFor({ timeout: 15_000 });
    expect(await shown(page, 'import-done').innerText()).toBe('已导入 2 题');
    // Imported once: the button does not offer it again.
    expect(await shown(page, 'import-run').getAttribute('aria-disabled')).toBe('true');
    await wholePage(page, 'staff-import-done.png');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('a new campaign is saved as a draft with its window, numbers and per-law ratio', async () => {
    const { page, errors } = await pageAs('dev-admin');
    await page.goto(`${rig.base}${HOME}`);
    await shown(page, 'desk-campaigns').click({ timeout: 30_000 });
    await shown(page, 'campaign-new').click({ timeout: 15_000 });
    const form = shown(page, 'campaign-form');
    await form.waitFor({ timeout: 15_000 });
    await form.locator('[data-testid="c-title"]').fill('反家暴知识月');
    await form.locator('[data-testid="c-start-date"]').fill('2026-12-01');
    await form.locator('[data-testid="c-start-time"]').fill('08:00');
    await form.locator('[data-testid="c-end-date"]').fill('2026-12-31');
    await form.locator('[data-testid="c-end-time"]').fill('22:00');
    await form.locator('[data-testid="c-time-limit"]').fill('10');
    for (const law of ['constitution', 'civil-code', 'women-rights', 'minors', 'family-education']) await form.locator(`[data-testid="c-ratio-${law}"]`).fill('0');
    await form.locator('[data-testid="c-ratio-anti-dv"]').fill('3');
    await shown(page, 'campaign-save').click();
    await shown(page, 'save-status').waitFor({ timeout: 15_000 });
    await wholePage(page, 'staff-campaign-edit.png');
    // Saved, without its internal id on screen.
    expect(await shown(page, 'save-status').innerText()).toBe('已保存');
    const id = rig.host.store.candidates('campaigns', {}).find((c) => c.title === '反家暴知识月')?._id ?? '';
    const doc = stored<{ title: string; startsAt: Date; endsAt: Date; ratio: Record<string, number>; timeLimitSec: number | null; published: boolean }>('campaigns', id);
    expect(doc).toMatchObject({ title: '反家暴知识月', ratio: { 'anti-dv': 3 }, timeLimitSec: 600, published: false });
    // The window is China time.
    expect(new Date(doc?.startsAt ?? 0).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(new Date(doc?.endsAt ?? 0).toISOString()).toBe('2026-12-31T14:00:00.000Z');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('a lesson is edited and saved, and another is removed only after a confirming tap', async () => {
    const { page, errors } = await pageAs('dev-district');
    await page.goto(`${rig.base}${HOME}`);
    await shown(page, 'desk-lessons').click({ timeout: 30_000 });
    await shown(page, 'lesson-law-anti-dv').click({ timeout: 15_000 });
    const list = shown(page, 'lesson-list');
    await list.locator('[data-lesson-id="anti-dv-01"]').waitFor({ timeout: 15_000 });
    const count = await list.locator('[data-testid="lesson-row"]').count();
    await wholePage(page, 'staff-lessons.png');

    await list.locator('[data-lesson-id="anti-dv-01"] [role="link"]').click();
    const form = shown(page, 'lesson-form');
    await form.waitFor({ timeout: 15_000 });
    const before = stored<{ title: string; body: string[]; articles: unknown[]; checked: string }>('lessons', 'anti-dv-01');
    expect(await form.locator('[data-testid="l-title"]').inputValue()).toBe(before?.title);
    await form.locator('[data-testid="l-summary"]').fill('家暴不只是打人：精神上的侵害也算。');
    await shown(page, 'lesson-save').click();
    await shown(page, 'save-status').waitFor({ timeout: 15_000 });
    await wholePage(page, 'staff-lesson-edit.png');
    const after = stored<{ summary: string; body: string[]; articles: unknown[]; checked: string }>('lessons', 'anti-dv-01');
    expect(after?.summary).toBe('家暴不只是打人：精神上的侵害也算。');
    expect(after?.body).toEqual(before?.body);
    expect(after?.articles).toEqual(before?.articles);
    expect(after?.checked).toBe(before?.checked);

    await page.goBack();
    await list.waitFor({ timeout: 15_000 });
    const last = list.locator('[data-testid="lesson-row"]').last();
    const lastId = (await last.getAttribute('data-lesson-id')) ?? '';
    await last.locator('[data-testid="lesson-remove"]').click();
    expect(stored('lessons', lastId)).toBeDefined();
    await last.locator('[data-testid="lesson-remove-confirm"]').click();
    // Removed, not destroyed: listed apart with who and when, and back in its place on 恢复.
    const removed = shown(page, 'lesson-removed-list').locator(`[data-lesson-id="${lastId}"]`);
    await removed.waitFor({ timeout: 15_000 });
    expect(await removed.innerText()).toMatch(/王静（区妇联） 于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 移除/);
    expect(await list.locator('[data-testid="lesson-row"]').count()).toBe(count - 1);
    expect(stored('lessons', lastId)).toMatchObject({ status: 'retired', retiredByName: '王静（区妇联）' });
    await wholePage(page, 'staff-lesson-removed.png');
    await removed.locator('[data-testid="lesson-restore"]').click();
    await list.locator(`[data-testid="lesson-row"][data-lesson-id="${lastId}"]`).waitFor({ timeout: 15_000 });
    expect(await list.locator('[data-testid="lesson-row"]').count()).toBe(count);
    expect(await page.locator('[data-testid="lesson-removed-list"]:visible').count()).toBe(0);
    expect(stored<{ status?: string }>('lessons', lastId)?.status).toBeUndefined();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('someone who is not staff is told kindly that the workbench is for the Federation’s staff', async () => {
    const { page, errors } = await pageAs('dev-learner');
    await page.goto(`${rig.base}${HOME}`);
    await shown(page, 'no-access').waitFor({ timeout: 30_000 });
    expect(await shown(page, 'no-access').innerText()).toContain('这是妇联工作人员使用的页面');
    expect(await shown(page, 'no-access-home').innerText()).toBe('回到首页');
    expect(await shown(page, 'staff-home').locator('[data-testid="desk-questions"]').count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'staff-no-access.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
