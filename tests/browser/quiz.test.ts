import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, phonePage, startRig, type BrowserRig, shown, wholePage } from '../support/browser';

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 60_000);
afterAll(async () => {
  await rig.close();
});

/** The stored question behind an id on screen: the answer key lives on the server only. */
function storedQuestion(id: string): { answer: string[]; options: Array<{ key: string }> } {
  const doc = rig.host.store.get('questions', id)?.doc as { answer?: string[]; options?: Array<{ key: string }> } | undefined;
  if (!doc?.answer || !doc.options) throw new Error(`question ${id} is not in the store`);
  return { answer: doc.answer, options: doc.options };
}

/** The keys to tap: the right ones, or (on purpose) a wrong choice. */
function keysToTap(id: string, right: boolean): string[] {
  const { answer, options } = storedQuestion(id);
  if (right) return answer;
  const wrong = options.map((o) => o.key).filter((k) => !answer.includes(k));
  // Every option right (a multiple-choice question can be): half an answer is still wrong.
  return wrong.length > 0 ? [wrong[0] as string] : [answer[0] as string];
}

/** Answers every question of the quiz on screen through the UI; returns the ids in order. */
async function answerAll(page: Page, wrongAt: number | null): Promise<string[]> {
  const question = shown(page, 'quiz-question');
  await question.waitFor({ timeout: 15_000 });
  const total = await page.locator('[data-testid^="quiz-jump-"]:visible').count();
  const ids: string[] = [];
  for (let i = 0; i < total; i += 1) {
    expect(await shown(page, 'quiz-progress').innerText()).toBe(`第 ${i + 1} / ${total} 题`);
    const id = await question.getAttribute('data-question-id');
    if (!id) throw new Error('the question has no data-question-id');
    ids.push(id);
    for (const key of keysToTap(id, i !== wrongAt)) {
      const option = question.locator(`[data-testid="quiz-option-${key}"]`);
      await option.click();
      expect(await option.getAttribute('aria-checked')).toBe('true');
    }
    if (i < total - 1) {
      await shown(page, 'quiz-next').click();
      await page.waitForFunction((prev) => document.querySelector('[data-testid="quiz-question"]')?.getAttribute('data-question-id') !== prev, id);
    }
  }
  return ids;
}

describe('答题 in the browser (h5 build through the local host)', () => {
  it('a new user practises a law, gets one wrong, finds it in the mistake book and drills it out', async () => {
    const page = await phonePage(rig);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(rig.base);

    // 反家庭暴力法 → 做练习题: ten questions, one at a time.
    await shown(page, 'law-anti-dv').click({ timeout: 30_000 });
    await shown(page, 'start-practice').click({ timeout: 15_000 });
    await shown(page, 'quiz-page').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid^="quiz-jump-"]:visible').count()).toBe(10);
    expect(['单选题', '多选题', '判断题']).toContain(await shown(page, 'quiz-type').innerText());

    const ids = await answerAll(page, 2);
    const wrongId = ids[2] as string;
    // On the last question 交卷 takes 下一题's place in the bar fixed at the bottom of the screen.
    const bar = shown(page, 'quiz-actions');
    expect(await bar.locator('[data-testid="quiz-submit"]').count()).toBe(1);
    expect(await shown(page, 'quiz-next').count()).toBe(0);
    const box = await bar.boundingBox();
    expect(Math.round((box?.y ?? 0) + (box?.height ?? 0))).toBe(844);
    expect(new Set(ids).size).toBe(10);
    await wholePage(page, 'quiz.png');

    // All answered: 交卷 grades at once, with no confirmation, in one call: the result page shows
    // what submitQuiz returned without asking again.
    const actions: string[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().includes('/api/fn/')) actions.push(String((req.postDataJSON() as { action?: unknown }).action));
    });
    await shown(page, 'quiz-submit').click();
    await shown(page, 'result-page').waitFor({ timeout: 15_000 });
    const score = shown(page, 'result-score');
    await score.waitFor({ timeout: 15_000 });
    expect(actions).toEqual(['submitQuiz']);
    // 再练一次 knows the law from the result itself.
    await shown(page, 'result-again').waitFor({ timeout: 5_000 });
    expect(await score.innerText()).toMatch(/^90\s*分$/);
    expect(await shown(page, 'result-summary').innerText()).toContain('答对 9 / 10 题');
    expect(await page.locator('[data-testid="result-item"]:visible').count()).toBe(10);
    const wrongItems = page.locator('[data-testid="result-item"]:visible:has([data-testid="result-item-wrong"])');
    expect(await wrongItems.count()).toBe(1);
    expect(await wrongItems.getAttribute('data-question-id')).toBe(wrongId);
    const wrongText = await wrongItems.innerText();
    expect(wrongText).toContain('✗ 答错了');
    expect(wrongText).toContain('✓ 正确答案');
    expect(wrongText).toContain('解析');
    expect(wrongText).toContain('《中华人民共和国反家庭暴力法》');
    expect(await page.locator('[data-testid="result-item-correct"]:visible').count()).toBe(9);
    await page.screenshot({ path: path.join(ARTIFACTS, 'result.png') });
    await wrongItems.screenshot({ path: path.join(ARTIFACTS, 'result-wrong-item.png') });

    // 错题本 holds the one wrong question, under its law.
    await shown(page, 'result-mistakes').click();
    await shown(page, 'mistakes-page').waitFor({ timeout: 15_000 });
    const group = shown(page, 'mistake-group-anti-dv');
    await group.waitFor({ timeout: 15_000 });
    const items = group.locator('[data-testid="mistake-item"]');
    expect(await items.count()).toBe(1);
    expect(await items.getAttribute('data-question-id')).toBe(wrongId);
    expect(await items.innerText()).toContain('错 1 次');
    await wholePage(page, 'mistakes.png');

    // Drill it, answer it right: it leaves the book.
    await shown(page, 'drill-anti-dv').click();
    await shown(page, 'quiz-page').waitFor({ timeout: 15_000 });
    const drilled = await answerAll(page, null);
    expect(drilled).toEqual([wrongId]);
    await shown(page, 'quiz-submit').click();
    await shown(page, 'result-score').waitFor({ timeout: 15_000 });
    expect(await shown(page, 'result-score').innerText()).toMatch(/^100\s*分$/);
    expect(await page.locator('[data-testid="result-item-correct"]:visible').count()).toBe(1);

    await shown(page, 'result-mistakes').click();
    const empty = shown(page, 'mistakes-empty');
    await empty.waitFor({ timeout: 15_000 });
    expect(await empty.innerText()).toContain('错题本是空的');
    expect(await page.locator('[data-testid="mistake-item"]:visible').count()).toBe(0);
    await wholePage(page, 'mistakes-empty.png');

    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('a timed campaign shows its countdown, asks before handing in unanswered questions, and uses up a daily attempt', async () => {
    const now = Date.now();
    rig.host.store.commitSync([
      {
        coll: 'campaigns',
        id: 'c-week',
        doc: {
          _id: 'c-week',
          title: '反家暴宣传周知识竞答',
          description: '学习反家庭暴力法，答题赢证书。',
          startsAt: new Date(now - 86_400_000),
          endsAt: new Date(now + 2 * 86_400_000 + 3_600_000),
          dailyCap: 2,
          questionCount: 5,
          ratio: { 'anti-dv': 1 },
          passMark: 60,
          timeLimitSec: 300,
          published: true,
        },
      },
    ]);
    const page = await phonePage(rig);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(rig.base);

    await shown(page, 'entry-campaigns').click({ timeout: 30_000 });
    const card = shown(page, 'campaign-c-week');
    await card.waitFor({ timeout: 15_000 });
    const text = await card.innerText();
    for (const part of ['每日 2 次', '今日剩余 2 次', '及格 60 分', '限时 5 分钟', '距结束还有 2 天']) expect(text).toContain(part);
    await wholePage(page, 'campaigns.png');

    await shown(page, 'campaign-start-c-week').click();
    await shown(page, 'quiz-page').waitFor({ timeout: 15_000 });
    expect(await shown(page, 'quiz-timer').innerText()).toMatch(/^剩余 0[45]:\d\d$/);
    expect(await page.locator('[data-testid^="quiz-jump-"]:visible').count()).toBe(5);

    // One answered, four not: 交卷 asks first; 继续答题 goes back, 仍然交卷 hands in.
    const question = shown(page, 'quiz-question');
    const id = (await question.getAttribute('data-question-id')) as string;
    for (const key of keysToTap(id, true)) await question.locator(`[data-testid="quiz-option-${key}"]`).click();
    await shown(page, 'quiz-jump-3').click();
    expect(await shown(page, 'quiz-progress').innerText()).toBe('第 3 / 5 题');
    await shown(page, 'quiz-submit-early').click();
    const confirm = shown(page, 'quiz-confirm');
    await confirm.waitFor({ timeout: 5_000 });
    expect(await confirm.innerText()).toContain('还有 4 道题没有答');
    await page.screenshot({ path: path.join(ARTIFACTS, 'quiz-confirm.png') });
    await shown(page, 'quiz-confirm-cancel').click();
    await confirm.waitFor({ state: 'hidden', timeout: 5_000 });
    await shown(page, 'quiz-submit-early').click();
    await shown(page, 'quiz-confirm-submit').click();

    await shown(page, 'result-score').waitFor({ timeout: 15_000 });
    expect(await shown(page, 'result-score').innerText()).toMatch(/^20\s*分$/);
    expect(await shown(page, 'result-passed').innerText()).toContain('没有及格');
    expect(await page.locator('[data-testid="result-certificate"]:visible').count()).toBe(0);

    // Back on the list (it reloads on show), one attempt is left today.
    await page.goBack();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid="campaign-remaining"]')).some((e) => e.textContent?.includes('今日剩余 1 次')));
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('每日一题 answers at once: one tap gives right or wrong, the explanation and the article, with no answer sheet', async () => {
    const page = await phonePage(rig);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(rig.base);
    await shown(page, 'law-list').waitFor({ timeout: 30_000 });
    const actions: string[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().includes('/api/fn/')) actions.push(String((req.postDataJSON() as { action?: unknown }).action));
    });
    await shown(page, 'daily-start').click();
    const daily = shown(page, 'daily-quiz');
    await daily.waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="quiz-sheet"]:visible, [data-testid="quiz-prev"]:visible, [data-testid="quiz-next"]:visible, [data-testid="quiz-submit"]:visible').count()).toBe(0);
    const question = shown(page, 'quiz-question');
    const id = (await question.getAttribute('data-question-id')) as string;
    for (const key of keysToTap(id, true)) await question.locator(`[data-testid="quiz-option-${key}"]`).click();
    if ((await shown(page, 'daily-confirm').count()) > 0) await shown(page, 'daily-confirm').click();
    const feedback = shown(page, 'quiz-feedback');
    await feedback.waitFor({ timeout: 15_000 });
    const text = await feedback.innerText();
    expect(text).toContain('✓ 答对了');
    expect(text).toContain('解析');
    expect(await feedback.locator('[data-testid="article-block"]').innerText()).toMatch(/《中华人民共和国.+》第.+条/);
    expect(await page.locator('[data-testid="quiz-confirm"]:visible').count()).toBe(0);
    expect(actions).toEqual(['startQuiz', 'submitQuiz']);
    await page.screenshot({ path: path.join(ARTIFACTS, 'daily-answered.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('practice shows right or wrong after each question when she asks for it, without the key reaching the phone before', async () => {
    const page = await phonePage(rig);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const bodies: string[] = [];
    page.on('response', (res) => {
      if (res.url().includes('/api/fn/learn')) void res.text().then((t) => bodies.push(t));
    });
    await page.goto(`${rig.base}/#/pkg-learn/pages/lessons/index?lawId=women-rights`);
    await shown(page, 'start-practice').click({ timeout: 30_000 });
    const question = shown(page, 'quiz-question');
    await question.waitFor({ timeout: 15_000 });
    const id = (await question.getAttribute('data-question-id')) as string;
    const { answer } = storedQuestion(id);
    await page.waitForTimeout(300);
    expect(bodies.some((b) => b.includes('"answer"'))).toBe(false);

    await shown(page, 'quiz-check-each').click();
    expect(await shown(page, 'quiz-check-each').getAttribute('aria-checked')).toBe('true');
    for (const key of keysToTap(id, false)) await question.locator(`[data-testid="quiz-option-${key}"]`).click();
    if ((await shown(page, 'quiz-check').count()) > 0) await shown(page, 'quiz-check').click();
    const feedback = shown(page, 'quiz-feedback');
    await feedback.waitFor({ timeout: 15_000 });
    expect(await feedback.innerText()).toContain('✗ 答错了');
    for (const key of answer) expect(await feedback.locator(`[data-testid="result-option-${key}"]`).innerText()).toContain('正确答案');
    expect(await feedback.locator('[data-testid="article-block"]').count()).toBe(1);
    // Answered and seen: it cannot be changed any more.
    expect(await page.locator('[data-testid^="quiz-option-"]:visible').count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'quiz-checked.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);
});
