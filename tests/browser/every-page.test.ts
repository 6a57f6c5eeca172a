import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, auditPage, pageAs, phonePage, settled, shown, startRig, type BrowserRig } from '../support/browser';

let rig: BrowserRig;

type Ok<T> = { ok: true; data: T };
const invoke = async <T>(fn: string, action: string, input: unknown, openid: string): Promise<T> => {
  const res = (await rig.host.invoke(fn, { action, input }, { openid })) as Ok<T> | { ok: false; error: unknown };
  if (!res.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(res.error)}`);
  return res.data;
};

/** Who a staff page is for, as the app decides it (any staff role, district staff, administrators). */
type Need = 'staff' | 'town' | 'district' | 'admin';
interface Route {
  path: string;
  need?: Need;
}

let routes: Route[] = [];

/** The width of the sweep, in CSS px. */
const NARROW = 360;

/** Every page of the app, with real records behind the pages that show one. */
async function pagesWithRecords(): Promise<Route[]> {
  const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const topic = await invoke<{ id: string }>('hall', 'createTopic', { title: '村里的路灯怎么修', description: '请谈谈晚上出行的安全问题', scope: { level: 'district', town: null, village: null }, deadline }, 'dev-district');
  await invoke('hall', 'submitSuggestion', { topicId: topic.id, content: '村口那段路晚上太黑，建议加两盏路灯。', anonymous: false }, 'dev-learner');
  const help = await invoke<{ id: string }>(
    'help',
    'submitRequest',
    { category: '法律咨询', description: '想问问离婚时孩子的抚养怎么办', town: 'shuangjiang', village: 'shuangjiang-v1', contact: { method: 'in_app' }, urgency: 'normal', age: 'adult', consentVersion: (await import('../../shared/domain/help')).CONSENT_VERSION },
    'dev-learner',
  );
  await invoke('stats', 'logActivity', { type: '讲座', date: '2026-03-08', title: '三八节反家暴法宣讲', reached: 60, materials: 120, note: '' }, 'dev-station');
  const now = Date.now();
  const campaign = await invoke<{ id: string }>(
    'learnAdmin',
    'saveCampaign',
    { campaign: { title: '法律知识竞答', description: '每天可以答三次', startsAt: new Date(now - 86_400_000).toISOString(), endsAt: new Date(now + 7 * 86_400_000).toISOString(), dailyCap: 3, questionCount: 5, ratio: { 'anti-dv': 1 }, passMark: 60, timeLimitSec: null, published: true } },
    'dev-district',
  );
  const quiz = await invoke<{ attemptId: string }>('learn', 'startQuiz', { mode: 'practice', lawId: 'anti-dv', count: 3 }, 'dev-learner');
  await invoke('learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: [] }, 'dev-learner');
  const staff = (p: string, need: Need = 'staff'): Route => ({ path: `/pkg-staff/pages/${p}`, need });
  return [
    { path: '/pages/learn/index' },
    { path: '/pages/hall/index' },
    { path: '/pages/service/index' },
    { path: '/pages/me/index' },
    { path: '/pkg-learn/pages/lessons/index?lawId=anti-dv' },
    { path: '/pkg-learn/pages/lesson/index?id=anti-dv-01' },
    { path: '/pkg-learn/pages/quiz/index?attemptId=gone' },
    { path: `/pkg-learn/pages/result/index?attemptId=${quiz.attemptId}` },
    { path: `/pkg-learn/pages/certificate/index?attemptId=${quiz.attemptId}` },
    { path: '/pkg-learn/pages/mistakes/index' },
    { path: '/pkg-learn/pages/progress/index' },
    { path: '/pkg-learn/pages/ranking/index' },
    { path: '/pkg-learn/pages/campaigns/index' },
    { path: `/pkg-hall/pages/topic/index?topicId=${topic.id}` },
    { path: `/pkg-hall/pages/submit/index?topicId=${topic.id}` },
    { path: '/pkg-hall/pages/mine/index' },
    { path: '/pkg-me/pages/inbox/index' },
    { path: '/pkg-me/pages/join/index' },
    { path: '/pkg-me/pages/join/index?code=NOSUCHCODE' },
    { path: '/pkg-me/pages/my-data/index' },
    { path: '/pkg-me/pages/privacy/index' },
    { path: '/pkg-help/pages/request/index' },
    { path: '/pkg-help/pages/records/index' },
    { path: `/pkg-help/pages/record/index?id=${help.id}` },
    staff('index/index'),
    staff('questions/index', 'district'),
    staff('question-edit/index?id=anti-dv-q001&lawId=anti-dv', 'district'),
    staff('question-edit/index', 'district'),
    staff('import/index', 'district'),
    staff('campaigns/index', 'district'),
    staff(`campaign-edit/index?id=${campaign.id}`, 'district'),
    staff('reports/index', 'district'),
    staff('lessons/index', 'district'),
    staff('lesson-edit/index?id=anti-dv-01', 'district'),
    staff('towns/index', 'district'),
    staff('import/index?target=villages', 'district'),
    staff('places/index', 'district'),
    staff('people/index', 'town'),
    staff('hall-topics/index'),
    staff(`hall-topic-edit/index?id=${topic.id}`),
    staff('hall-moderation/index'),
    staff('hall-handling/index'),
    staff('cases/index'),
    staff(`case/index?id=${help.id}`),
    staff('visit/index'),
    staff('follow-ups/index'),
    staff('audit/index', 'admin'),
    staff('stats/index'),
    staff('stats-annual/index'),
    staff('activities/index'),
    staff('activity-edit/index'),
  ];
}

const ROLES: Record<string, string> = { 'dev-learner': 'user', 'dev-resident': 'user', 'dev-station': 'station', 'dev-town': 'town', 'dev-district': 'district', 'dev-admin': 'admin' };

function allowed(role: string, need: Need | undefined): boolean {
  if (!need) return true;
  if (need === 'admin') return role === 'admin';
  if (need === 'district') return role === 'district' || role === 'admin';
  if (need === 'town') return role === 'town' || role === 'district' || role === 'admin';
  return role !== 'user';
}

/** Controls that belong to the 工作台: none may show to a person without a staff role. */
const STAFF_CONTROL = /^(desk-|me-staff)/;

beforeAll(async () => {
  rig = await startRig();
  routes = await pagesWithRecords();
}, 120_000);
afterAll(async () => {
  await rig.close();
});

interface Finding {
  who: string;
  path: string;
  problem: string;
}

/** Opens every page as one person and measures each: tap targets, staff controls, internal ids. */
async function sweep(page: Page, who: string, role: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const route of routes) {
    await page.goto(`${rig.base}/#${route.path}`);
    await page.reload();
    await settled(page);
    const audit = await auditPage(page);
    const add = (problem: string) => findings.push({ who, path: route.path, problem });
    for (const s of audit.small) add(`control smaller than 44×44: ${s}`);
    for (const line of audit.ids) add(`internal id on screen: ${line}`);
    if (!allowed(role, route.need)) {
      // The refusal and its way home, and nothing of the page behind it.
      if ((await page.locator(`[data-testid="no-access"]:visible[data-refusal="${route.need}"]`).count()) !== 1) add('no refusal shown for the page');
      const live = audit.controls.filter((c) => c !== 'no-access-home' && !['学法', '议事', '服务', '我的'].includes(c));
      if (live.length > 0) add(`live controls behind the refusal: ${live.join(', ')}`);
      if (role !== 'user' && /这是妇联工作人员使用的页面|只对区妇联工作人员开放/.test(audit.text)) add('staff told the page is not for staff');
      if (role === 'user' && !audit.text.includes('这是妇联工作人员使用的页面')) add('a user is not told whose page it is');
    } else if (route.need && (await page.locator('[data-testid="no-access"]:visible:not([data-refusal="scope"]):not([data-refusal="missing"])').count()) > 0) {
      // A record outside her area may be refused; the page itself may not be.
      add('refused although the role allows it');
    }
    if (role === 'user') {
      const staffControls = audit.controls.filter((c) => STAFF_CONTROL.test(c));
      if (staffControls.length > 0) add(`staff controls shown: ${staffControls.join(', ')}`);
    }
  }
  return findings;
}

/** A quiz under way (the question, an answer checked at once, the last question's 交卷 in the bar), and the help form filled in. */
async function sweepFlows(page: Page, who: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  const check = async (where: string): Promise<void> => {
    const audit = await auditPage(page);
    for (const s of audit.small) findings.push({ who, path: where, problem: `control smaller than 44×44: ${s}` });
    for (const line of audit.ids) findings.push({ who, path: where, problem: `internal id on screen: ${line}` });
  };
  await page.goto(`${rig.base}/#/pkg-learn/pages/lessons/index?lawId=minors`);
  await page.reload();
  await shown(page, 'start-practice').click({ timeout: 20_000 });
  await shown(page, 'quiz-question').waitFor({ timeout: 20_000 });
  await check('quiz');
  await shown(page, 'quiz-check-each').click();
  await shown(page, 'quiz-question').locator('[role="radio"], [role="checkbox"]').first().click();
  if ((await shown(page, 'quiz-check').count()) > 0) await shown(page, 'quiz-check').click();
  await shown(page, 'quiz-feedback').waitFor({ timeout: 15_000 });
  await check('quiz, answer checked');
  const total = await page.locator('[data-testid^="quiz-jump-"]:visible').count();
  await shown(page, `quiz-jump-${total}`).click();
  await shown(page, 'quiz-submit').waitFor({ timeout: 5_000 });
  await check('quiz, last question');

  // The help form as it opens for an adult: its chips, fields and buttons.
  await page.goto(`${rig.base}/#/pkg-help/pages/request/index`);
  await page.reload();
  await shown(page, 'help-age-adult').click({ timeout: 20_000 });
  await shown(page, 'help-form').waitFor({ timeout: 15_000 });
  await shown(page, 'help-contact-phone').click();
  await check('help form');
  return findings;
}

describe('every page, as everyone', () => {
  it('the sweep covers every page the app declares', () => {
    // The app's own config: its main pages, then each subpackage's root and pages.
    const source = fs.readFileSync(path.join(__dirname, '../../client/app.config.ts'), 'utf8');
    const list = (text: string) => [...text.matchAll(/'([^']+)'/g)].map((m) => m[1] as string);
    const main = list(/^\s*pages: \[([^\]]*)\]/m.exec(source)?.[1] ?? '');
    const sub = [...source.matchAll(/root: '([^']+)',\s*pages: \[([^\]]*)\]/g)].flatMap((m) => list(m[2] ?? '').map((page) => `${m[1] ?? ''}/${page}`));
    expect(main.length).toBeGreaterThan(0);
    expect(sub.length).toBeGreaterThan(20);
    const swept = new Set(routes.map((r) => r.path.slice(1).split('?')[0]));
    expect([...main, ...sub].filter((p) => !swept.has(p))).toEqual([]);
  });

  const people = [...Object.keys(ROLES), 'visitor'];
  const all: Finding[] = [];
  afterAll(() => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, 'every-page-findings.json'), JSON.stringify(all, null, 2));
  });

  for (const who of people) {
    it(`${who}: at 360 px wide, every control at least 44 × 44, no staff control without the role, no internal id on screen`, async () => {
      // The narrowest common phone (360 CSS px, a cheap Android): sizes in rpx shrink with the screen, a tap target may not.
      const page = who === 'visitor' ? await phonePage(rig, NARROW) : (await pageAs(rig, who, NARROW)).page;
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const findings = await sweep(page, who, ROLES[who] ?? 'user');
      if (who === 'visitor' || who === 'dev-learner') findings.push(...(await sweepFlows(page, who)));
      all.push(...findings);
      expect(findings).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    }, 600_000);
  }
});
