import type { Locator, Page } from 'playwright-core';
import { chinaDay } from '../../shared/time';
import { startRig, type BrowserRig, shown, pageAs as sharedPageAs, wholePage } from '../support/browser';

let rig: BrowserRig;
let topicId = '';
let suggestionId = '';

const TOPIC_TITLE = '双江镇村道安全，听听大家的建议';
const TOPIC_TEXT = '上学路上、赶场路上哪里不安全？请说说你看到的问题和办法。';
const SUGGESTION_TITLE = '路口贴防骗提示';
// 贷款 is one of the local content check's "review" words: the suggestion is held for staff.
const SUGGESTION_TEXT = '最近有人到村里上门推销贷款，老人容易上当。建议在村道路口多贴防骗提示，村广播每周提醒一次。';
const ADOPTED_NOTE = '建议可行，已列入本月村务工作';
const REPLY_TEXT = '已在村道 5 个路口张贴防骗提示，村广播每周一提醒，欢迎继续监督。';

beforeAll(async () => {
  rig = await startRig();
  // A 双江镇 topic posted by the town's staff, open for five days and a bit.
  const deadline = new Date(Date.now() + 5 * 86_400_000 + 3 * 3_600_000).toISOString();
  const created = (await rig.host.invoke(
    'hall',
    { action: 'createTopic', input: { title: TOPIC_TITLE, description: TOPIC_TEXT, scope: { level: 'town', town: 'shuangjiang', village: null }, deadline } },
    { openid: 'dev-town' },
  )) as { ok: boolean; data?: { id: string } };
  if (!created.ok || !created.data) throw new Error(`createTopic failed: ${JSON.stringify(created)}`);
  topicId = created.data.id;
}, 60_000);
afterAll(async () => {
  await rig.close();
});

const HALL = '/#/pages/hall/index';
const ME = '/#/pages/me/index';
const STAFF_HOME = '/#/pkg-staff/pages/index/index';

const pageAs = (openid: string) => sharedPageAs(rig, openid);

function stored<T>(collection: string, id: string): T | undefined {
  return rig.host.store.get(collection, id)?.doc as T | undefined;
}

/** Moves the suggestion on screen to `state` through 建议办理, with an optional note, and waits for the list to show it. */
async function move(page: Page, item: Locator, state: string, label: string, text?: string): Promise<void> {
  await item.locator(`[data-testid="move-${state}"]`).click();
  expect(await item.locator(`[data-testid="move-${state}"]`).getAttribute('aria-checked')).toBe('true');
  if (text) await item.locator('[data-testid="reply-text"]').fill(text);
  await item.locator('[data-testid="reply-send"]').click();
  if (state === 'answered') return;
  await page.waitForFunction(
    ([id, want]) => document.querySelector(`[data-testid="handling-item"][data-suggestion-id="${id}"] [data-testid="staff-suggestion-status"]`)?.textContent === want,
    [suggestionId, label] as const,
  );
}

describe('网上议事厅 in the browser', () => {
  it('a resident of 双江镇 finds the topic and sends a suggestion that waits for review', async () => {
    const { page, errors } = await pageAs('dev-learner');
    await page.goto(`${rig.base}${HALL}`);
    const card = page.locator('[data-testid="topic-card"]:visible', { hasText: TOPIC_TITLE });
    await card.waitFor({ timeout: 30_000 });
    const cardText = await card.innerText();
    expect(cardText).toContain('还有 5 天截止');
    expect(cardText).toContain('双江镇（镇街）');
    expect(cardText).toContain('0 条建议');
    await wholePage(page, 'hall-tab.png');

    await card.click();
    const head = shown(page, 'topic-head');
    await head.waitFor({ timeout: 15_000 });
    expect(await head.innerText()).toContain(TOPIC_TEXT);
    await shown(page, 'state-empty').waitFor({ timeout: 15_000 });
    expect(await shown(page, 'sort-supports').getAttribute('aria-checked')).toBe('true');
    await shown(page, 'topic-submit').click();

    await shown(page, 'submit-page').waitFor({ timeout: 15_000 });
    await shown(page, 'submit-topic').waitFor({ timeout: 15_000 });
    expect(await shown(page, 'submit-topic').innerText()).toContain(TOPIC_TITLE);
    expect(await shown(page, 'submit-rule').innerText()).toContain('提交后会先经过内容安全检查，通过后公开；需要人工审核的，工作人员审核后公开');

    // Too short: the count says so as she types, and nothing is sent.
    await shown(page, 'suggestion-content').fill('路口太乱了');
    expect(await shown(page, 'content-count').innerText()).toBe('已写 5 字');
    await shown(page, 'suggestion-submit').click();
    expect(await shown(page, 'content-problem').innerText()).toContain('至少写 10 个字');
    expect(rig.host.store.candidates('suggestions', { author: 'dev-learner' })).toHaveLength(0);

    await shown(page, 'suggestion-title').fill(SUGGESTION_TITLE);
    await shown(page, 'suggestion-content').fill(SUGGESTION_TEXT);
    expect(await shown(page, 'content-count').innerText()).toBe(`已写 ${SUGGESTION_TEXT.length} 字`);
    expect(await shown(page, 'suggestion-anonymous').getAttribute('aria-checked')).toBe('false');
    await wholePage(page, 'hall-submit.png');
    await shown(page, 'suggestion-submit').click();

    // Held by the content check: she lands on 我的建议 and is told it waits for review.
    const result = shown(page, 'submit-result');
    await result.waitFor({ timeout: 15_000 });
    expect(await result.innerText()).toContain('已提交，正在等待审核');
    const mine = page.locator('[data-testid="my-suggestion"]:visible');
    await mine.first().waitFor({ timeout: 15_000 });
    expect(await mine.count()).toBe(1);
    suggestionId = (await mine.first().getAttribute('data-suggestion-id')) ?? '';
    expect(await mine.first().locator('[data-testid="my-suggestion-status"]').innerText()).toBe('待审核');
    expect(await mine.first().innerText()).toContain(`议题：${TOPIC_TITLE}`);
    expect(stored<{ status: string; heldReason: string; title: string }>('suggestions', suggestionId)).toMatchObject({ status: 'pending', title: SUGGESTION_TITLE, heldReason: '内容安全检测：需人工审核' });
    // Asking for status notices went first (the browser stands in for WeChat's prompt).
    expect(stored<{ remaining: number }>('subscriptions', 'dev-learner|local-status-template')?.remaining).toBe(1);
    await wholePage(page, 'hall-mine-held.png');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('the district admin publishes it from 建议审核 and takes it through 建议办理 to 已答复', async () => {
    const { page, errors } = await pageAs('dev-admin');
    await page.goto(`${rig.base}${STAFF_HOME}`);
    await shown(page, 'desk-hall-moderation').waitFor({ timeout: 30_000 });
    await shown(page, 'pending-suggestion-count').waitFor({ timeout: 15_000 });
    expect(await shown(page, 'pending-suggestion-count').innerText()).toBe('1');
    // District staff also keep the learning-content tools.
    expect(await shown(page, 'desk-questions').count()).toBe(1);
    await wholePage(page, 'hall-staff-home.png');
    await shown(page, 'desk-hall-moderation').click();

    const held = page.locator(`[data-testid="moderation-item"][data-suggestion-id="${suggestionId}"]:visible`);
    await held.waitFor({ timeout: 15_000 });
    expect(await held.innerText()).toContain(SUGGESTION_TEXT);
    expect(await held.innerText()).toContain('需人工审核');
    expect(await held.innerText()).toContain('李**');
    // 不通过 needs a reason: without one nothing is sent.
    await held.locator(`[data-testid="reject-${suggestionId}"]`).click();
    expect(await held.locator('[data-testid="field-error"]').innerText()).toContain('写明理由');
    expect(stored<{ status: string }>('suggestions', suggestionId)?.status).toBe('pending');
    await wholePage(page, 'hall-staff-moderation.png');
    await held.locator(`[data-testid="publish-${suggestionId}"]`).click();
    await held.waitFor({ state: 'detached', timeout: 15_000 });
    expect(stored<{ status: string; public: boolean }>('suggestions', suggestionId)).toMatchObject({ status: 'published', public: true });
    await shown(page, 'state-empty').waitFor({ timeout: 15_000 });

    await page.goBack();
    await shown(page, 'desk-hall-handling').click({ timeout: 15_000 });
    const item = page.locator(`[data-testid="handling-item"][data-suggestion-id="${suggestionId}"]:visible`);
    await item.waitFor({ timeout: 15_000 });
    expect(await item.locator('[data-testid="staff-suggestion-status"]').innerText()).toBe('已公开');
    // Only the next allowed step is offered.
    expect(await item.locator('[data-testid^="move-"]').count()).toBe(1);
    await move(page, item, 'accepted', '已受理');
    await move(page, item, 'in_progress', '办理中');
    expect(await item.locator('[data-testid^="move-"]').count()).toBe(2); // 已采纳 or 未采纳
    await move(page, item, 'adopted', '已采纳', ADOPTED_NOTE);

    // 已答复 needs the reply text.
    await item.locator('[data-testid="move-answered"]').click();
    await item.locator('[data-testid="reply-send"]').click();
    expect(await item.locator('[data-testid="field-error"]').innerText()).toContain('答复内容');
    await wholePage(page, 'hall-staff-handling.png');
    await move(page, item, 'answered', '已答复', REPLY_TEXT);
    await item.waitFor({ state: 'detached', timeout: 15_000 });
    expect(await shown(page, 'handling-finished').innerText()).toContain('已答复');

    const doc = stored<{ status: string; reply: { text: string }; history: Array<{ status: string; note: string | null }> }>('suggestions', suggestionId);
    expect(doc?.status).toBe('answered');
    expect(doc?.reply.text).toBe(REPLY_TEXT);
    expect(doc?.history.map((h) => h.status)).toEqual(['pending', 'published', 'accepted', 'in_progress', 'adopted', 'answered']);
    expect(doc?.history.find((h) => h.status === 'adopted')?.note).toBe(ADOPTED_NOTE);
    // The first notice used her one subscribe grant; the rest reach the inbox only.
    const sent = rig.host.store.candidates('outbox', { touser: 'dev-learner' }).filter((m) => m.touser === 'dev-learner');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.page).toBe(`pkg-hall/pages/mine/index?id=${suggestionId}`);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('the resident reads the notices, sees 已答复 with the reply and the history, and rates it 5 stars', async () => {
    const { page, errors } = await pageAs('dev-learner');
    await page.goto(`${rig.base}${ME}`);
    await shown(page, 'inbox-unread').waitFor({ timeout: 30_000 });
    expect(await shown(page, 'inbox-unread').innerText()).toBe('5 条未读');
    await wholePage(page, 'hall-me.png');
    await shown(page, 'me-link-inbox').click();

    await shown(page, 'inbox-page').waitFor({ timeout: 15_000 });
    const items = page.locator('[data-testid="inbox-item"]:visible');
    await items.first().waitFor({ timeout: 15_000 });
    expect(await items.count()).toBe(5);
    // Newest first, and unread marked with a word, not by colour alone.
    expect(await items.first().innerText()).toContain(REPLY_TEXT.slice(0, 20));
    expect(await page.locator('[data-testid="inbox-unread-mark"]:visible').count()).toBe(5);
    expect(await shown(page, 'inbox-count').innerText()).toContain('5 条未读');
    await wholePage(page, 'hall-inbox.png');

    // Opening a notice marks it read and goes to the suggestion it is about.
    const first = items.first();
    await first.click();
    const mine = page.locator(`[data-testid="my-suggestion"][data-suggestion-id="${suggestionId}"]:visible`);
    await mine.waitFor({ timeout: 15_000 });
    expect(await mine.locator('[data-testid="my-suggestion-status"]').innerText()).toBe('已答复');
    expect(await mine.locator('[data-testid="official-reply"]').innerText()).toContain(REPLY_TEXT);
    const steps = mine.locator('[data-testid="timeline-step"]');
    expect(await steps.count()).toBe(6);
    expect(await steps.nth(4).innerText()).toContain('已采纳');
    expect(await steps.nth(4).innerText()).toContain(ADOPTED_NOTE);
    expect(await steps.nth(5).innerText()).toContain('已答复');

    // 满意度: a star must be chosen first.
    await mine.locator('[data-testid="rate-submit"]').click();
    expect(await mine.locator('[data-testid="rate-error"]').innerText()).toContain('点星星');
    await mine.locator('[data-testid="rate-5"]').click();
    expect(await mine.locator('[data-testid="rate-5"]').getAttribute('aria-checked')).toBe('true');
    await mine.locator('[data-testid="rate-comment"]').fill('办得快，谢谢！');
    await wholePage(page, 'hall-mine-rate.png');
    await mine.locator('[data-testid="rate-submit"]').click();
    const rating = mine.locator('[data-testid="my-rating"]');
    await rating.waitFor({ timeout: 15_000 });
    expect(await rating.innerText()).toContain('5 分');
    expect(await rating.innerText()).toContain('办得快，谢谢！');
    expect(await mine.locator('[data-testid="rate-submit"]').count()).toBe(0);
    expect(stored<{ rating: { score: number; comment: string } }>('suggestions', suggestionId)?.rating).toEqual({ score: 5, comment: '办得快，谢谢！' });
    await wholePage(page, 'hall-mine-answered.png');
    expect((await rig.host.invoke('account', { action: 'inbox', input: {} }, { openid: 'dev-learner' })) as { data: { unread: number } }).toMatchObject({ data: { unread: 4 } });

    // Back in 我的消息 the opened notice is read; the others still say 未读.
    await page.goBack();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid="inbox-unread-mark"]')).filter((m) => (m as HTMLElement).offsetParent !== null).length === 4);
    expect(await shown(page, 'inbox-count').innerText()).toContain('4 条未读');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('a neighbour sees it with the reply and supports it once; its author cannot support her own', async () => {
    const placed = (await rig.host.invoke('account', { action: 'setRegion', input: { town: 'shuangjiang', village: 'shuangjiang-v2' } }, { openid: 'h-neighbour' })) as { ok: boolean };
    expect(placed.ok).toBe(true);
    const { page, errors } = await pageAs('h-neighbour');
    await page.goto(`${rig.base}${HALL}`);
    const card = page.locator('[data-testid="topic-card"]:visible', { hasText: TOPIC_TITLE });
    await card.waitFor({ timeout: 30_000 });
    expect(await card.innerText()).toContain('1 条建议');
    await card.click();

    const item = page.locator(`[data-testid="suggestion"][data-suggestion-id="${suggestionId}"]:visible`);
    await item.waitFor({ timeout: 15_000 });
    const text = await item.innerText();
    expect(text).toContain('李** · 双江镇');
    expect(text).toContain(REPLY_TEXT);
    expect(await item.locator('[data-testid="suggestion-status"]').innerText()).toBe('已答复');
    expect(await item.locator('[data-testid="support-count"]').innerText()).toBe('0');
    // The support names the page's topic (the server checks it; it spares a database round trip).
    const supportInputs: unknown[] = [];
    page.on('request', (req) => {
      const body = req.method() === 'POST' && req.url().includes('/api/fn/hall') ? (req.postDataJSON() as { action?: unknown; input?: unknown }) : null;
      if (body?.action === 'support') supportInputs.push(body.input);
    });
    await item.locator('[data-testid="support"]').click();
    await page.waitForFunction((id) => document.querySelector(`[data-testid="suggestion"][data-suggestion-id="${id}"] [data-testid="support-count"]`)?.textContent === '1', suggestionId);
    expect(await item.locator('[data-testid="support"]').getAttribute('aria-disabled')).toBe('true');
    expect(await item.locator('[data-testid="support"]').innerText()).toBe('已附议');
    // A second tap does nothing: the button is off (and the server would not count it anyway).
    await item.locator('[data-testid="support"]').dispatchEvent('click');
    expect(stored<{ supports: number }>('suggestions', suggestionId)?.supports).toBe(1);
    expect(supportInputs).toEqual([{ suggestionId, topicId }]);
    await shown(page, 'sort-time').click();
    expect(await shown(page, 'sort-time').getAttribute('aria-checked')).toBe('true');
    await item.waitFor({ timeout: 15_000 });
    await wholePage(page, 'hall-topic.png');
    expect(errors).toEqual([]);
    await page.context().close();

    // Her own suggestion: the button says so and is off.
    const author = await pageAs('dev-learner');
    await author.page.goto(`${rig.base}/#/pkg-hall/pages/topic/index?topicId=${topicId}`);
    const own = author.page.locator(`[data-testid="suggestion"][data-suggestion-id="${suggestionId}"]:visible`);
    await own.waitFor({ timeout: 30_000 });
    await author.page.waitForFunction((id) => document.querySelector(`[data-testid="suggestion"][data-suggestion-id="${id}"] [data-testid="support"]`)?.textContent === '我的建议', suggestionId);
    expect(await own.locator('[data-testid="support"]').getAttribute('aria-disabled')).toBe('true');
    expect(author.errors).toEqual([]);
    await author.page.context().close();
  }, 120_000);

  it('town staff get the hall cards on the workbench, without the district tools or 无权限, and post and close a village topic', async () => {
    const { page, errors } = await pageAs('dev-town');
    await page.goto(`${rig.base}${STAFF_HOME}`);
    await shown(page, 'desk-hall-handling').waitFor({ timeout: 30_000 });
    expect(await shown(page, 'desk-hall-topics').count()).toBe(1);
    expect(await shown(page, 'no-access').count()).toBe(0);
    expect(await shown(page, 'desk-questions').count()).toBe(0);
    await shown(page, 'desk-hall-topics').click();
    const row = page.locator('[data-testid="staff-topic-row"]:visible', { hasText: TOPIC_TITLE });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.innerText()).toContain('征集中');

    await shown(page, 'topic-new').click();
    const form = shown(page, 'topic-form');
    await form.waitFor({ timeout: 15_000 });
    // Town staff choose between their town and its villages; the town itself is fixed.
    expect(await form.locator('[data-testid^="t-level-"]').count()).toBe(2);
    await form.locator('[data-testid="t-title"]').fill('示例村二晒场防火');
    await form.locator('[data-testid="t-description"]').fill('秋收晒场堆了不少秸秆，怎样防火更稳妥？');
    await form.locator('[data-testid="t-level-village"]').click();
    await form.locator('[data-testid="t-village"]').selectOption('shuangjiang-v2');
    await form.locator('[data-testid="t-date"]').fill('2020-01-01');
    await shown(page, 'topic-save').click();
    expect(await form.locator('[data-testid="field-error"]').first().innerText()).toContain('截止时间要晚于现在');
    const day = chinaDay(new Date(Date.now() + 10 * 86_400_000));
    await form.locator('[data-testid="t-date"]').fill(day);
    await form.locator('[data-testid="t-time"]').fill('18:00');
    await shown(page, 'topic-save').click();
    await shown(page, 'save-status').waitFor({ timeout: 15_000 });
    const id = rig.host.store.candidates('topics', {}).find((t) => t.title === '示例村二晒场防火')?._id ?? '';
    const topic = stored<{ title: string; scope: unknown; deadline: Date; closed: boolean; createdBy: string }>('topics', id);
    expect(topic).toMatchObject({ title: '示例村二晒场防火', scope: { level: 'village', town: 'shuangjiang', village: 'shuangjiang-v2' }, closed: false, createdBy: 'dev-town' });
    // The deadline is China time.
    expect(new Date(topic?.deadline ?? 0).toISOString()).toBe(new Date(`${day}T18:00:00+08:00`).toISOString());
    // Once posted, the area is fixed and the topic can be closed early.
    expect(await shown(page, 't-scope').innerText()).toContain('双江镇示例村二');
    await shown(page, 't-closed').click();
    expect(await shown(page, 't-closed').getAttribute('aria-checked')).toBe('true');
    await shown(page, 'topic-save').click();
    await shown(page, 'save-status').waitFor({ timeout: 15_000 });
    expect(stored<{ closed: boolean }>('topics', id)?.closed).toBe(true);
    await wholePage(page, 'hall-staff-topic-edit.png');

    await page.goBack();
    const closedRow = page.locator('[data-testid="staff-topic-row"]:visible', { hasText: '示例村二晒场防火' });
    await closedRow.waitFor({ timeout: 15_000 });
    expect(await closedRow.innerText()).toContain('已关闭');
    await wholePage(page, 'hall-staff-topics.png');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);
});
