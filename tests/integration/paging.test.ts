import type { Host } from '../../server/host';
import { call, dataOf, freshHost } from '../support/host';

// Lists longer than a hundred entries (CloudBase's `get()` returns 100 unless told otherwise):
// every entry reachable page by page, in order, each once, and counts that cover them all.

let host: Host;
const N = 130;
const base = Date.parse('2026-03-01T00:00:00Z');
/** The i-th instant; every tenth entry shares its instant with the one before, so ties need the id. */
const instant = (i: number) => new Date(base + (i - (i % 10 === 0 ? 1 : 0)) * 60_000);
const pad = (i: number) => String(i).padStart(3, '0');
type Loose = Record<string, unknown>;
const put = (coll: string, docs: Loose[]) => host.store.commitSync(docs.map((doc) => ({ coll, id: String(doc._id), doc: doc as Loose & { _id: string } })));

const suggestion = (id: string, i: number, extra: Loose): Loose => ({
  _id: id,
  author: 'pg-author',
  anonymous: false,
  authorName: '居民',
  topicId: null,
  topicKey: 'free.shuangjiang',
  title: '',
  content: `第 ${i} 条建议：村口路灯坏了，建议修好。`,
  scope: { level: 'village', town: 'shuangjiang', village: 'shuangjiang-v1' },
  status: 'pending',
  public: false,
  supports: 0,
  history: [{ status: 'pending', at: instant(i), note: null }],
  reply: null,
  rating: null,
  heldReason: '内容安全检测：需人工审核',
  createdAt: instant(i),
  ...extra,
});

let questionIds: Array<{ id: string; lawId: string }> = [];

beforeAll(() => {
  host = freshHost();
  const range = Array.from({ length: N }, (_v, i) => i + 1);
  put('suggestions', range.map((i) => suggestion(`pg-held-${pad(i)}`, i, {})));
  put('suggestions', range.map((i) => suggestion(`pg-mine-${pad(i)}`, i, { author: 'pg-writer', status: 'published', public: true, heldReason: null })));
  put('topics', range.map((i) => ({ _id: `pg-topic-${pad(i)}`, title: `议题 ${i}`, description: '', scope: { level: 'district', town: null, village: null }, deadline: new Date(instant(i).getTime() + 400 * 86_400_000), closed: false, suggestionCount: 0, createdAt: instant(i), createdBy: 'dev-district' })));
  put('inbox', range.map((i) => ({ _id: `pg-note-${pad(i)}`, openid: 'pg-reader', title: `通知 ${i}`, body: '您的建议有新进展', page: null, read: i % 2 === 0, createdAt: instant(i) })));
  put('campaigns', range.map((i) => ({ _id: `pg-camp-${pad(i)}`, title: `活动 ${i}`, description: '', startsAt: instant(i), endsAt: new Date(instant(i).getTime() + 86_400_000), dailyCap: 1, questionCount: 5, ratio: { 'anti-dv': 1 }, passMark: 60, timeLimitSec: null, published: false })));
  questionIds = host.store.candidates('questions', {}).slice(0, N).map((q) => ({ id: q._id, lawId: String(q.lawId) }));
  put('reports', range.map((i) => ({ _id: `pg-report-${pad(i)}`, questionId: questionIds[i - 1]?.id, lawId: questionIds[i - 1]?.lawId, reason: '答案有误', note: '', status: 'open', reporter: 'x', createdAt: instant(i), resolution: null })));
  put('mistakes', range.map((i) => ({ _id: `pg-mistake-${pad(i)}`, openid: 'pg-learner', questionId: questionIds[i - 1]?.id, lawId: questionIds[i - 1]?.lawId, active: true, wrongCount: 1, lastWrongAt: instant(i), lastAttemptId: 'a' })));
});
afterAll(() => host.close());

/** Reads every page of a list; returns the ids in the order shown and the pages' sizes. */
async function walk(read: (cursor: string | undefined) => Promise<{ ids: string[]; next: string | null }>): Promise<{ ids: string[]; sizes: number[] }> {
  const ids: string[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 20; pages += 1) {
    const page = await read(cursor);
    ids.push(...page.ids);
    sizes.push(page.ids.length);
    if (!page.next) return { ids, sizes };
    cursor = page.next;
  }
  throw new Error('the list never ended');
}

const expected = (prefix: string, dir: 'asc' | 'desc') => {
  const ids = Array.from({ length: N }, (_v, i) => `${prefix}-${pad(i + 1)}`);
  return dir === 'asc' ? ids : ids.reverse();
};

describe('lists of more than a hundred entries', () => {
  it('the moderation queue: oldest first, every held suggestion once, with the total', async () => {
    const first = dataOf(await call(host, 'hall', 'moderationQueue', {}, 'dev-town'));
    expect(first.total).toBe(N);
    const { ids, sizes } = await walk(async (cursor) => {
      const d = dataOf(await call(host, 'hall', 'moderationQueue', cursor ? { cursor } : {}, 'dev-town'));
      return { ids: d.suggestions.map((s) => s.id), next: d.next };
    });
    expect(ids).toEqual(expected('pg-held', 'asc'));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
  });

  it('a queue being worked through: handling the first page does not make the next one skip', async () => {
    const first = dataOf(await call(host, 'hall', 'moderationQueue', {}, 'dev-town'));
    for (const s of first.suggestions) dataOf(await call(host, 'hall', 'moderate', { suggestionId: s.id, decision: 'publish' }, 'dev-town'));
    const second = dataOf(await call(host, 'hall', 'moderationQueue', { cursor: first.next ?? '' }, 'dev-town'));
    const n = first.suggestions.length;
    expect(second.suggestions[0]?.id).toBe(`pg-held-${pad(n + 1)}`);
    expect(second.total).toBe(N - n);
  });

  it('the handling queue and my suggestions reach every entry', async () => {
    const handling = await walk(async (cursor) => {
      const d = dataOf(await call(host, 'hall', 'handlingQueue', cursor ? { cursor } : {}, 'dev-district'));
      return { ids: d.suggestions.map((s) => s.id), next: d.next };
    });
    expect(handling.ids.filter((id) => id.startsWith('pg-mine-'))).toEqual(expected('pg-mine', 'asc'));
    const mine = await walk(async (cursor) => {
      const d = dataOf(await call(host, 'hall', 'mySuggestions', cursor ? { cursor } : {}, 'pg-writer'));
      return { ids: d.suggestions.map((s) => s.id), next: d.next };
    });
    expect(mine.ids).toEqual(expected('pg-mine', 'desc'));
  });

  it('topics, for residents and for staff, latest deadline first', async () => {
    for (const [action, who] of [
      ['listTopics', 'dev-resident'],
      ['staffTopics', 'dev-district'],
    ] as const) {
      const { ids } = await walk(async (cursor) => {
        const d = dataOf(await call(host, 'hall', action, cursor ? { cursor } : {}, who));
        return { ids: d.topics.map((t) => t.id), next: d.next };
      });
      expect(ids).toEqual(expected('pg-topic', 'desc'));
    }
    const one = dataOf(await call(host, 'hall', 'staffTopics', { topicId: 'pg-topic-007' }, 'dev-district'));
    expect(one.topics.map((t) => t.id)).toEqual(['pg-topic-007']);
    expect(dataOf(await call(host, 'hall', 'staffTopics', { topicId: 'pg-topic-007' }, 'dev-station')).topics).toEqual([]);
  });

  it('the inbox, with the unread count of all notices', async () => {
    const first = dataOf(await call(host, 'account', 'inbox', {}, 'pg-reader'));
    expect(first.unread).toBe(N / 2);
    const { ids } = await walk(async (cursor) => {
      const d = dataOf(await call(host, 'account', 'inbox', cursor ? { cursor } : {}, 'pg-reader'));
      return { ids: d.items.map((i) => i.id), next: d.next };
    });
    expect(ids).toEqual(expected('pg-note', 'desc'));
  });

  it('campaigns and 纠错 reports for staff, and one campaign by id', async () => {
    const campaigns = await walk(async (cursor) => {
      const d = dataOf(await call(host, 'learnAdmin', 'listCampaigns', cursor ? { cursor } : {}, 'dev-district'));
      return { ids: d.campaigns.map((c) => c.id), next: d.next };
    });
    expect(campaigns.ids).toEqual(expected('pg-camp', 'desc'));
    expect(dataOf(await call(host, 'learnAdmin', 'listCampaigns', { id: 'pg-camp-003' }, 'dev-district')).campaigns.map((c) => c.id)).toEqual(['pg-camp-003']);
    expect(dataOf(await call(host, 'learnAdmin', 'listReports', { status: 'open' }, 'dev-district')).total).toBe(N);
    const reports = await walk(async (cursor) => {
      const d = dataOf(await call(host, 'learnAdmin', 'listReports', { status: 'open', ...(cursor ? { cursor } : {}) }, 'dev-district'));
      return { ids: d.reports.map((r) => r.id), next: d.next };
    });
    expect(reports.ids).toEqual(expected('pg-report', 'desc'));
  });

  it('the mistake book: every entry once, grouped by law on each page, and the whole book counted', async () => {
    const first = dataOf(await call(host, 'learn', 'listMistakes', {}, 'pg-learner'));
    expect(first.total).toBe(N);
    const { ids } = await walk(async (cursor) => {
      const d = dataOf(await call(host, 'learn', 'listMistakes', cursor ? { cursor } : {}, 'pg-learner'));
      return { ids: d.groups.flatMap((g) => g.items.map((i) => i.question.id)), next: d.next };
    });
    expect(ids.sort()).toEqual(questionIds.map((q) => q.id).sort());
  });

  it('refuses a cursor it did not make', async () => {
    expect(await call(host, 'account', 'inbox', { cursor: 'bm90IGEgY3Vyc29y' }, 'pg-reader')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
