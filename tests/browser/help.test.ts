import path from 'node:path';
import type { Page } from 'playwright-core';
import { CONSENT_VERSION } from '../../shared/domain/help';
import { ARTIFACTS, startRig, type BrowserRig, shown, pageAs as sharedPageAs, wholePage } from '../support/browser';

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 60_000);
afterAll(async () => {
  await rig.close();
});

const STAFF_HOME = '/#/pkg-staff/pages/index/index';
const PHONE = '13912345678';
const STORY = '他喝了酒就摔东西，还说要打我，我不敢回家';
const NOTE = '如果是男的接电话就说打错了';
const NEUTRAL_MESSAGE = '工作人员已与您联系，如还需要帮助请再登记。';

const pageAs = (openid: string) => sharedPageAs(rig, openid);

interface CaseDoc {
  _id: string;
  reference: string;
  category: string;
  urgency: string;
  status: string;
  outcome: string | null;
  village: string;
  consentVersion: string;
  age: string;
  phoneMask: string;
  actions: Array<{ type: string }>;
}

function cases(): CaseDoc[] {
  return rig.host.store.candidates('cases', {}) as unknown as CaseDoc[];
}

/** The raw document title (a browser tab, a task switcher) must not say what the page is for. */
async function expectNeutralTitle(page: Page, expected: string): Promise<void> {
  await page.waitForFunction((t) => document.title === t, expected, { timeout: 10_000 });
  expect(await page.title()).not.toMatch(/求助|家暴|暴力/);
}

/** The emergency numbers and 快速离开 are on every help page. */
async function expectSafetyFrame(page: Page): Promise<void> {
  expect(await shown(page, 'emergency-bar').count()).toBe(1);
  expect(await shown(page, 'call-110').getAttribute('href')).toBe('tel:110');
  expect(await shown(page, 'call-12338').getAttribute('href')).toBe('tel:12338');
  expect(await shown(page, 'call-110').getAttribute('aria-label')).toContain('110');
  expect(await shown(page, 'quick-exit').count()).toBe(1);
}

/** Everything the browser keeps for this site outside the page's memory. */
async function keptOnPhone(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify({ local: { ...window.localStorage }, session: { ...window.sessionStorage } }));
}

let caseId = '';
let reference = '';

describe('服务 (help requests) in the browser', () => {
  it('she asks for help from the 服务 tab, sees only a neutral reference, and 快速离开 leaves no way back to the form', async () => {
    const { page, errors } = await pageAs('dev-learner');
    await page.goto(rig.base);
    await page.locator('.weui-tabbar__item', { hasText: '服务' }).click({ timeout: 30_000 });
    const service = shown(page, 'service-page');
    await service.waitFor({ timeout: 15_000 });
    await expectNeutralTitle(page, '服务');
    await expectSafetyFrame(page);
    const serviceText = await service.innerText();
    expect(serviceText).toContain('您的信息加密保存');
    expect(serviceText).not.toMatch(/家暴|家庭暴力/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'help-service.png') });

    await shown(page, 'service-request').click();
    const form = shown(page, 'help-request-page');
    await form.waitFor({ timeout: 15_000 });
    await expectNeutralTitle(page, '服务登记');
    await expectSafetyFrame(page);

    // A child under 14 gets no form, only who to call.
    await shown(page, 'help-age-under14').click();
    await shown(page, 'help-child').waitFor();
    expect(await shown(page, 'help-child').innerText()).toContain('12355');
    expect(await shown(page, 'child-call-12355').getAttribute('href')).toBe('tel:12355');
    expect(await shown(page, 'help-form').count()).toBe(0);
    expect(await shown(page, 'emergency-bar').count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'help-child.png') });

    await shown(page, 'help-age-adult').click();
    await shown(page, 'help-form').waitFor();
    // Her own town and village are chosen for her from her profile.
    await page.waitForFunction(() => document.querySelector<HTMLSelectElement>('[data-testid="help-village"]')?.value === 'shuangjiang-v1', undefined, { timeout: 15_000 });
    expect(await shown(page, 'help-town').inputValue()).toBe('shuangjiang');

    // The consent starts unticked, and nothing can be sent before it is ticked.
    const consent = shown(page, 'help-consent');
    expect(await consent.getAttribute('role')).toBe('checkbox');
    expect(await consent.getAttribute('aria-checked')).toBe('false');
    expect(await shown(page, 'help-submit').getAttribute('aria-disabled')).toBe('true');
    expect(await shown(page, 'help-consent-text').innerText()).toContain('敏感个人信息');
    await consent.click();
    expect(await consent.getAttribute('aria-checked')).toBe('true');

    // Sent half-filled, the problems are listed, next to their fields too, and nothing is stored.
    await shown(page, 'help-submit').click();
    expect(await shown(page, 'help-errors').innerText()).toContain('情况说明');
    expect(await shown(page, 'help-errors').innerText()).toContain('联系方式');
    expect(cases()).toHaveLength(0);

    await shown(page, 'help-category-家庭暴力').click();
    await shown(page, 'help-description').fill(STORY);
    await shown(page, 'help-contact-phone').click();
    await shown(page, 'help-phone').fill(PHONE);
    await shown(page, 'help-safe-times').fill('工作日上午');
    await shown(page, 'help-contact-note').fill(NOTE);
    await shown(page, 'help-urgency-urgent').click();
    expect(await shown(page, 'help-description').getAttribute('autocomplete')).toBe('off');
    await wholePage(page, 'help-request-form.png');
    await shown(page, 'help-submit').click();

    const ref = shown(page, 'help-reference');
    await ref.waitFor({ timeout: 15_000 });
    reference = (await ref.innerText()).trim();
    expect(reference).toMatch(/^FW-[0-9A-F]{6}$/);
    const sent = await shown(page, 'help-sent').innerText();
    expect(sent).toContain('工作人员会按您选择的方式联系您');
    expect(sent).not.toMatch(/暴力|家暴/);
    // The form is gone and nothing she typed is left on the page or kept by the browser.
    expect(await shown(page, 'help-form').count()).toBe(0);
    const html = await page.content();
    expect(html).not.toContain(STORY);
    expect(html).not.toContain(PHONE);
    const kept = await keptOnPhone(page);
    expect(kept).not.toContain(STORY);
    expect(kept).not.toContain(PHONE);
    expect(kept).not.toContain(reference);
    await page.screenshot({ path: path.join(ARTIFACTS, 'help-request-sent.png') });

    const stored = cases();
    expect(stored).toHaveLength(1);
    const doc = stored[0] as CaseDoc;
    caseId = doc._id;
    expect(doc).toMatchObject({ reference, category: '家庭暴力', urgency: 'urgent', village: 'shuangjiang-v1', consentVersion: CONSENT_VERSION, age: 'adult', phoneMask: '139****5678', status: 'submitted' });
    expect(JSON.stringify(doc)).not.toContain(STORY);

    // 快速离开: the 学法 tab, and Back does not return to the help pages.
    await shown(page, 'quick-exit').click();
    await shown(page, 'learn-page').waitFor({ timeout: 20_000 });
    expect(page.url()).toContain('#/pages/learn/index');
    await page.screenshot({ path: path.join(ARTIFACTS, 'help-quick-exit.png') });
    await page.goBack().catch(() => null);
    await page.waitForTimeout(1500);
    expect(page.url()).not.toContain('pkg-help');
    expect(page.url()).not.toContain('pages/service');
    expect(await page.locator('[data-testid="help-form"]:visible, [data-testid="help-reference"]:visible, [data-testid="help-sent"]:visible').count()).toBe(0);
    expect(await page.content()).not.toContain(reference);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('staff of her station open the case (audited), accept it, record 调解 and close it as 调解成功', async () => {
    expect(caseId).not.toBe('');
    const { page, errors } = await pageAs('dev-station');
    await page.goto(`${rig.base}${STAFF_HOME}`);
    await shown(page, 'desk-cases').waitFor({ timeout: 30_000 });
    expect(await shown(page, 'open-case-count').innerText()).toBe('1');
    expect(await shown(page, 'desk-visit').count()).toBe(1);
    expect(await shown(page, 'desk-follow-ups').count()).toBe(1);
    // 查看记录 is for administrators only.
    expect(await shown(page, 'desk-audit').count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'help-staff-home.png') });
    await shown(page, 'desk-cases').click();

    const row = page.locator(`[data-testid="case-row"][data-case-id="${caseId}"]:visible`);
    await row.waitFor({ timeout: 15_000 });
    const rowText = await row.innerText();
    expect(rowText).toContain(reference);
    expect(rowText).toContain('紧急');
    expect(rowText).toContain('139****5678');
    expect(rowText).toContain('待受理');
    expect(rowText).toContain('双江镇示例村一');
    expect(rowText).not.toContain(PHONE);
    expect(rowText).not.toContain(STORY);
    await wholePage(page, 'help-staff-cases.png');
    await row.click();

    // Masked until 查看详情, which leaves an audit entry.
    const open = shown(page, 'case-open-details');
    await open.waitFor({ timeout: 15_000 });
    expect(await shown(page, 'staff-case').innerText()).toContain('打开详情会留下查看记录');
    expect(await shown(page, 'staff-case').innerText()).not.toContain(STORY);
    expect(rig.host.store.candidates('case_audit', {})).toHaveLength(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'help-staff-case-masked.png') });
    await open.click();
    await shown(page, 'case-description').waitFor({ timeout: 15_000 });
    expect(await shown(page, 'case-description').innerText()).toBe(STORY);
    expect(await shown(page, 'case-phone').innerText()).toBe(PHONE);
    expect(await shown(page, 'case-call').getAttribute('href')).toBe(`tel:${PHONE}`);
    expect(await shown(page, 'case-contact-note').innerText()).toContain(NOTE);
    expect(rig.host.store.candidates('case_audit', {})).toHaveLength(1);

    await shown(page, 'case-accept').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="case-done"]')?.textContent === '已受理', undefined, { timeout: 15_000 });
    expect(cases().find((c) => c._id === caseId)?.status).toBe('accepted');

    await shown(page, 'case-action-type-调解').click();
    await shown(page, 'case-action-note').fill('到家中调解，双方同意分开冷静一段时间，约定一周后回访。');
    // The message she will see must not say what it is about: a telling word is refused before sending.
    await shown(page, 'case-action-message').fill('已为您安排调解');
    await shown(page, 'case-action-save').click();
    expect(await shown(page, 'case-action-form').locator('[data-testid="field-error"]').innerText()).toContain('调解');
    expect(cases().find((c) => c._id === caseId)?.actions).toHaveLength(0);
    await shown(page, 'case-action-message').fill(NEUTRAL_MESSAGE);
    await shown(page, 'case-action-save').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="case-done"]')?.textContent === '已记录：调解', undefined, { timeout: 15_000 });
    expect(await shown(page, 'case-actions').innerText()).toContain('调解');
    expect(cases().find((c) => c._id === caseId)).toMatchObject({ status: 'in_progress', actions: [{ type: '调解' }] });
    await wholePage(page, 'help-staff-case.png');

    await shown(page, 'case-outcome-调解成功').click();
    await shown(page, 'case-close-note').fill('双方达成和解。');
    await shown(page, 'case-close').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="case-done"]')?.textContent === '已结案：调解成功', undefined, { timeout: 15_000 });
    expect(cases().find((c) => c._id === caseId)).toMatchObject({ status: 'closed', outcome: '调解成功' });
    // A closed case offers no more forms; the list moves it to 已结案.
    expect(await shown(page, 'case-action-form').count()).toBe(0);
    await page.goBack();
    await shown(page, 'case-tab-closed').click({ timeout: 15_000 });
    await page.locator(`[data-testid="case-row"][data-case-id="${caseId}"]:visible`).waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('she sees her record as 已完成, in words that say nothing of what it was about', async () => {
    const { page, errors } = await pageAs('dev-learner');
    await page.goto(`${rig.base}/#/pages/me/index`);
    await shown(page, 'me-link-service-records').click({ timeout: 30_000 });
    const records = shown(page, 'help-records-page');
    const item = records.locator('[data-testid="record-item"]');
    await item.first().waitFor({ timeout: 15_000 });
    await expectNeutralTitle(page, '服务记录');
    await expectSafetyFrame(page);
    expect(await item.count()).toBe(1);
    expect(await item.first().innerText()).toContain(reference);
    expect(await item.first().locator('[data-testid="record-status"]').innerText()).toBe('已完成');
    expect(await records.innerText()).not.toMatch(/暴力|调解|家暴/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'help-records.png') });

    await item.first().click();
    const record = shown(page, 'record-detail');
    await record.waitFor({ timeout: 15_000 });
    await expectNeutralTitle(page, '服务记录');
    await expectSafetyFrame(page);
    const text = await record.innerText();
    expect(text).toContain('已完成');
    expect(text).toContain('已办结');
    expect(text).toContain(NEUTRAL_MESSAGE);
    expect(text).not.toMatch(/暴力|调解|家暴/);
    // Closed: nothing left to withdraw.
    expect(await shown(page, 'withdraw').count()).toBe(0);
    await wholePage(page, 'help-record.png');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('she withdraws an open request after being told in the page that it erases what she wrote', async () => {
    const res = (await rig.host.invoke(
      'help',
      {
        action: 'submitRequest',
        input: { category: '法律咨询', description: '想问问离婚时孩子跟谁', town: 'shuangjiang', village: 'shuangjiang-v1', contact: { method: 'in_app' }, urgency: 'normal', age: 'adult', consentVersion: CONSENT_VERSION },
      },
      { openid: 'dev-learner' },
    )) as { ok: boolean; data?: { id: string } };
    expect(res.ok).toBe(true);
    const id = res.data?.id ?? '';

    const { page, errors } = await pageAs('dev-learner');
    await page.goto(`${rig.base}/#/pkg-help/pages/record/index?id=${id}`);
    const status = shown(page, 'record-status');
    await status.waitFor({ timeout: 30_000 });
    expect(await status.innerText()).toBe('已收到');
    await shown(page, 'withdraw').click();
    // Asked once more before anything is sent.
    await shown(page, 'withdraw-confirm').waitFor();
    expect(await shown(page, 'withdraw-notice').innerText()).toContain('立即删除');
    expect(cases().find((c) => c._id === id)?.status).toBe('submitted');
    await page.screenshot({ path: path.join(ARTIFACTS, 'help-withdraw-confirm.png') });
    await shown(page, 'withdraw-confirm').click();
    await shown(page, 'withdrawn').waitFor({ timeout: 15_000 });
    expect(await shown(page, 'withdrawn').innerText()).toContain('已经删除');
    expect(cases().find((c) => c._id === id)).toMatchObject({ status: 'closed', outcome: '求助人撤回', secret: null, requester: null, messages: [] });
    expect(await shown(page, 'withdraw').count()).toBe(0);
    await expectSafetyFrame(page);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('after three requests in a day she is told to call, with 110 and 12338 one tap away', async () => {
    const input = { category: '法律咨询', description: '想咨询一下抚养费的问题', town: 'zitong', village: 'zitong-c1', contact: { method: 'in_app' }, urgency: 'normal', age: 'adult', consentVersion: CONSENT_VERSION };
    for (let i = 0; i < 3; i += 1) expect(await rig.host.invoke('help', { action: 'submitRequest', input }, { openid: 'dev-resident' })).toMatchObject({ ok: true });
    const before = cases().length;
    const { page, errors } = await pageAs('dev-resident');
    await page.goto(`${rig.base}/#/pkg-help/pages/request/index`);
    await shown(page, 'help-age-adult').click({ timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector<HTMLSelectElement>('[data-testid="help-village"]')?.value === 'zitong-c1', undefined, { timeout: 15_000 });
    await shown(page, 'help-category-法律咨询').click();
    await shown(page, 'help-description').fill('还想再问一下孩子上学的事情');
    await shown(page, 'help-contact-in_app').click();
    await shown(page, 'help-consent').click();
    await shown(page, 'help-submit').click();
    const limit = shown(page, 'help-limit');
    await limit.waitFor({ timeout: 15_000 });
    expect(await limit.innerText()).toMatch(/110[\s\S]*12338/);
    expect(await shown(page, 'limit-call-110').getAttribute('href')).toBe('tel:110');
    expect(await shown(page, 'limit-call-12338').getAttribute('href')).toBe('tel:12338');
    await expectSafetyFrame(page);
    expect(cases()).toHaveLength(before);
    await page.screenshot({ path: path.join(ARTIFACTS, 'help-daily-limit.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('station staff log a walk-in visit for their own village, counted as a closed case', async () => {
    const { page, errors } = await pageAs('dev-station');
    await page.goto(`${rig.base}${STAFF_HOME}`);
    await shown(page, 'desk-visit').click({ timeout: 30_000 });
    const form = shown(page, 'visit-form');
    await form.waitFor({ timeout: 15_000 });
    expect(await shown(page, 'visit-village').innerText()).toContain('示例村一');
    await shown(page, 'visit-save').click();
    expect(await form.locator('[data-testid="field-error"]').first().innerText()).toContain('请选择类别');
    await shown(page, 'visit-category-婚姻家庭纠纷').click();
    await shown(page, 'visit-note').fill('来访咨询离婚后孩子抚养费，已讲解相关规定。');
    await shown(page, 'visit-outcome-已办结').click();
    await shown(page, 'visit-save').click();
    await shown(page, 'visit-saved').waitFor({ timeout: 15_000 });
    const visit = cases().find((c) => (c as CaseDoc & { channel: string }).channel === 'visit');
    expect(visit).toMatchObject({ category: '婚姻家庭纠纷', village: 'shuangjiang-v1', status: 'closed', outcome: '已办结' });
    await wholePage(page, 'help-staff-visit.png');

    await page.goBack();
    await shown(page, 'desk-follow-ups').click({ timeout: 15_000 });
    await shown(page, 'staff-follow-ups').locator('[data-testid="state-empty"]').waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('an administrator sees who read or acted on which case and when, filters by case, and her reading is recorded', async () => {
    const { page, errors } = await pageAs('dev-admin');
    await page.goto(`${rig.base}${STAFF_HOME}`);
    await shown(page, 'desk-audit').click({ timeout: 30_000 });
    const row = shown(page, 'audit-row');
    await row.first().waitFor({ timeout: 15_000 });
    // Newest first: her own reading of the log, then the walk-in visit.
    expect(await row.nth(0).innerText()).toContain('查看操作记录');
    expect(await row.nth(1).innerText()).toContain('来访登记');
    await shown(page, 'audit-reference').fill(reference);
    await shown(page, 'audit-apply').click();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid="audit-row"]')).filter((r) => (r as HTMLElement).offsetParent !== null).length === 4, undefined, { timeout: 15_000 });
    const texts = await row.allInnerTexts();
    expect(texts.every((t) => t.includes(reference) && t.includes('刘妈'))).toBe(true);
    expect(texts.map((t) => ['查看详情', '受理', '记录处理', '结案'].find((a) => t.includes(a)))).toEqual(['结案', '记录处理', '受理', '查看详情']);
    await page.screenshot({ path: path.join(ARTIFACTS, 'help-audit.png') });
    // Tapping a name narrows the log to that person, and the filter names her, never her id.
    await shown(page, 'audit-staff').first().click();
    await shown(page, 'audit-staff-filter').waitFor({ timeout: 15_000 });
    const filterLine = await shown(page, 'audit-staff-filter').innerText();
    expect(filterLine).toContain('刘妈');
    expect(filterLine).not.toMatch(/dev-|openid/);
    const reads = rig.host.store.candidates('case_audit', {}).filter((e) => e.action === 'audit_read' && e.staff === 'dev-admin');
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads.some((e) => e.detail === reference)).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
