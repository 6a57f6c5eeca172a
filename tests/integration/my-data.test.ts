import { CONSENT_VERSION } from '../../shared/domain/help';
import type { Host } from '../../server/host';
import { call, dataOf, freshHost } from '../support/host';

let host: Host;
beforeAll(() => {
  host = freshHost();
});
afterAll(() => host.close());

const SHE = 'rights-woman';
const STORY = '他把我的身份证藏起来了，不让我出门';

/** She takes part everywhere: a place, a quiz with a wrong answer, a suggestion, a help request. */
async function activeUser(openid: string): Promise<{ suggestion: string; caseId: string }> {
  dataOf(await call(host, 'account', 'setRegion', { town: 'shuangjiang', village: 'shuangjiang-v1' }, openid));
  const quiz = dataOf(await call(host, 'learn', 'startQuiz', { mode: 'practice', lawId: 'anti-dv', count: 2 }, openid));
  dataOf(await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: [] }, openid));
  const suggestion = dataOf(await call(host, 'hall', 'submitSuggestion', { content: '建议村里的活动室晚上也开放，方便妇女学习', anonymous: false }, openid)).id;
  const help = { category: '家庭暴力', description: STORY, town: 'shuangjiang', village: 'shuangjiang-v1', contact: { method: 'phone', phone: '13812345678' }, urgency: 'normal', age: 'adult', consentVersion: CONSENT_VERSION };
  const caseId = dataOf(await call(host, 'help', 'submitRequest', help, openid)).id;
  return { suggestion, caseId };
}

describe('her rights over her data', () => {
  let mineIds: { suggestion: string; caseId: string };
  beforeAll(async () => {
    mineIds = await activeUser(SHE);
  });

  it('个人信息 says, by area, what is kept about her', async () => {
    const data = dataOf(await call(host, 'account', 'myData', {}, SHE));
    expect(data.canDelete).toBe(true);
    const byKey = Object.fromEntries(data.areas.map((a) => [a.key, a]));
    expect(byKey.learning?.count).toBe(1);
    expect(byKey.hall?.count).toBe(1);
    expect(byKey.help?.count).toBe(1);
    expect(byKey.profile?.kept).toContain('双江镇示例村一');
    expect(dataOf(await call(host, 'account', 'myData', {}, 'dev-town')).canDelete).toBe(false);
  });

  it('exports her data as a workbook through the export path, with neutral words for help', async () => {
    const file = dataOf(await call(host, 'account', 'exportMyData', {}, SHE));
    expect(file.fileName).toMatch(/^巾帼法治通_我的信息_\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(file.url).toMatch(/^\/api\/files\//);
  });

  it('注销: her data goes, her suggestion stays as 匿名居民, her request is purged, and the counters do not move', async () => {
    const counters = () => JSON.stringify(host.store.candidates('counters', {}));
    const before = counters();
    const beforeDash = dataOf(await call(host, 'stats', 'dashboard', { kind: 'month' }, 'dev-district'));
    expect(await call(host, 'account', 'deleteAccount', { confirm: '不要' }, SHE)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const out = dataOf(await call(host, 'account', 'deleteAccount', { confirm: '注销' }, SHE));
    expect(out).toMatchObject({ anonymized: 1, purged: 1 });

    expect(host.store.get('users', SHE)).toBeUndefined();
    expect(host.store.get('progress', SHE)).toBeUndefined();
    for (const coll of ['attempts', 'mistakes', 'inbox']) expect({ coll, n: host.store.candidates(coll, { openid: SHE }).length }).toEqual({ coll, n: 0 });
    // Nothing of hers anywhere in the stored documents.
    const everything = JSON.stringify(['users', 'progress', 'attempts', 'mistakes', 'inbox', 'suggestions', 'cases'].flatMap((c) => host.store.candidates(c, {})));
    expect(everything).not.toContain(SHE);
    expect(everything).not.toContain(STORY);

    const c = host.store.get('cases', mineIds.caseId)?.doc as unknown as { status: string; secret: unknown; requester: unknown; purgedAt: unknown };
    expect(c).toMatchObject({ status: 'closed', secret: null, requester: null });
    expect(c.purgedAt).not.toBeNull();

    const list = dataOf(await call(host, 'hall', 'listSuggestions', { topicId: null, sort: 'time', page: 1 }, 'dev-learner'));
    expect(list.suggestions.find((s) => s.id === mineIds.suggestion)).toMatchObject({ authorName: '匿名居民' });
    expect(counters()).toBe(before);
    const afterDash = dataOf(await call(host, 'stats', 'dashboard', { kind: 'month' }, 'dev-district'));
    expect(afterDash.totals).toEqual(beforeDash.totals);

    // Coming back is a fresh start.
    expect(dataOf(await call(host, 'account', 'me', {}, SHE))).toMatchObject({ town: null, placeSkipped: false });
    expect(dataOf(await call(host, 'hall', 'mySuggestions', {}, SHE)).suggestions).toEqual([]);
    expect(dataOf(await call(host, 'help', 'myRequests', {}, SHE)).requests).toEqual([]);
  });

  it('the authorization matrix: every identity may read and export its own data; only a plain user may delete her account', async () => {
    for (const who of ['dev-learner', 'dev-station', 'dev-town', 'dev-district', 'dev-admin']) {
      expect({ who, ok: (await call(host, 'account', 'myData', {}, who)).ok }).toEqual({ who, ok: true });
      expect({ who, ok: (await call(host, 'account', 'exportMyData', {}, who)).ok }).toEqual({ who, ok: true });
    }
    for (const who of ['dev-station', 'dev-town', 'dev-district', 'dev-admin']) {
      expect(await call(host, 'account', 'deleteAccount', { confirm: '注销' }, who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(host.store.get('users', who)).toBeDefined();
    }
    for (const action of ['myData', 'exportMyData', 'deleteAccount'] as const) {
      expect(await call(host, 'account', action, action === 'deleteAccount' ? { confirm: '注销' } : {}, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
  });
});
