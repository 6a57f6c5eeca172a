import type { Host } from '../../server/host';
import { chinaDay } from '../../shared/time';
import { call, dataOf, freshHost } from '../support/host';

let host: Host;
let townTopic: string;
let districtTopic: string;
beforeAll(async () => {
  host = freshHost();
  const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();
  townTopic = dataOf(await call(host, 'hall', 'createTopic', { title: '双江镇农村道路安全建议征集', description: '请谈谈上学路上的安全问题', scope: { level: 'town', town: 'shuangjiang', village: null }, deadline }, 'dev-town')).id;
  districtTopic = dataOf(await call(host, 'hall', 'createTopic', { title: '全区妇女儿童之家建设意见', description: '', scope: { level: 'district', town: null, village: null }, deadline }, 'dev-district')).id;
});
afterAll(() => host.close());

type Loose = Record<string, unknown>;
const counter = (id: string) => host.store.get('counters', id)?.doc as Loose | undefined;
const text = (n: number) => `建议在村口路段增设减速带和警示牌，保护孩子上学安全。编号${n}`;

const placed = new Set<string>();

/** A resident of 双江镇 示例村一 submits a suggestion that passes the content check. */
async function publishedSuggestion(author: string, anonymous = false, topicId = townTopic, n = Math.random()): Promise<string> {
  if (!author.startsWith('dev-') && !placed.has(author)) {
    dataOf(await call(host, 'account', 'setRegion', { town: 'shuangjiang', village: 'shuangjiang-v1' }, author));
    placed.add(author);
  }
  const res = dataOf(await call(host, 'hall', 'submitSuggestion', { topicId, content: text(n), anonymous }, author));
  expect(res.status).toBe('published');
  return res.id;
}

describe('topics', () => {
  it('shows residents the district topics and those of their own town only', async () => {
    const learner = dataOf(await call(host, 'hall', 'listTopics', {}, 'dev-learner')); // lives in shuangjiang
    expect(learner.topics.map((t) => t.id).sort()).toEqual([districtTopic, townTopic].sort());
    const resident = dataOf(await call(host, 'hall', 'listTopics', {}, 'dev-resident')); // lives in zitong
    expect(resident.topics.map((t) => t.id)).toEqual([districtTopic]);
    expect(await call(host, 'hall', 'getTopic', { topicId: townTopic }, 'dev-resident')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(dataOf(await call(host, 'hall', 'getTopic', { topicId: townTopic }, 'dev-learner'))).toMatchObject({ scopeName: '双江镇', open: true });
  });

  it('lets staff post only within their own area', async () => {
    const deadline = new Date(Date.now() + 86_400_000).toISOString();
    const other = await call(host, 'hall', 'createTopic', { title: '梓潼街道社区议题', description: '', scope: { level: 'town', town: 'zitong', village: null }, deadline }, 'dev-town');
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const station = await call(host, 'hall', 'createTopic', { title: '示例村一的议题', description: '', scope: { level: 'village', town: 'shuangjiang', village: 'shuangjiang-v1' }, deadline }, 'dev-station');
    expect(station.ok).toBe(true);
    const stationTown = await call(host, 'hall', 'createTopic', { title: '全镇的议题', description: '', scope: { level: 'town', town: 'shuangjiang', village: null }, deadline }, 'dev-station');
    expect(stationTown).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses topics to residents and checks staff text too', async () => {
    const deadline = new Date(Date.now() + 86_400_000).toISOString();
    expect(await call(host, 'hall', 'createTopic', { title: '居民自己发的议题', description: '', scope: { level: 'district', town: null, village: null }, deadline }, 'dev-resident')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(host, 'hall', 'createTopic', { title: '关于赌博问题的议题', description: '', scope: { level: 'district', town: null, village: null }, deadline }, 'dev-district')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('submitting suggestions', () => {
  it('publishes text that passes the content check, and counts it', async () => {
    const id = await publishedSuggestion('h-author-1');
    const list = dataOf(await call(host, 'hall', 'listSuggestions', { topicId: townTopic, sort: 'time', page: 1 }, 'dev-learner'));
    expect(list.suggestions.map((s) => s.id)).toContain(id);
    expect(counter(`suggestion:topic=${townTopic}|day|${chinaDay(new Date())}`)).toMatchObject({ times: 1, people: 1 });
    expect(dataOf(await call(host, 'hall', 'getTopic', { topicId: townTopic }, 'dev-learner')).suggestionCount).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['risky', '这里有人组织赌博，建议查处'],
    ['review', '有人在村里推销贷款，建议提醒大家'],
  ])('holds a %s result for staff and shows it to nobody else', async (_kind, content) => {
    const res = dataOf(await call(host, 'hall', 'submitSuggestion', { topicId: districtTopic, content, anonymous: false }, 'h-held'));
    expect(res).toMatchObject({ status: 'pending', held: true });
    const list = dataOf(await call(host, 'hall', 'listSuggestions', { topicId: districtTopic, sort: 'time', page: 1 }, 'dev-learner'));
    expect(list.suggestions.map((s) => s.id)).not.toContain(res.id);
    expect(dataOf(await call(host, 'hall', 'moderationQueue', {}, 'dev-district')).suggestions.map((s) => s.id)).toContain(res.id);
  });

  it('holds the text when the content check itself fails (fail closed)', async () => {
    const spy = jest.spyOn(host.openapi.security, 'msgSecCheck').mockRejectedValueOnce(Object.assign(new Error('system error'), { errCode: -1 }));
    const res = dataOf(await call(host, 'hall', 'submitSuggestion', { topicId: districtTopic, content: '建议在镇上多开几场法律讲座，方便大家学习', anonymous: false }, 'h-failed'));
    expect(spy).toHaveBeenCalledWith(expect.objectContaining({ openid: 'h-failed', version: 2 }));
    expect(res).toMatchObject({ status: 'pending', held: true });
    spy.mockRestore();
  });

  it('refuses the same text from the same person within 24 hours', async () => {
    await publishedSuggestion('h-dupe', false, townTopic, 42);
    const again = await call(host, 'hall', 'submitSuggestion', { topicId: townTopic, content: text(42), anonymous: true }, 'h-dupe');
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('enforces the daily limit of five suggestions per person', async () => {
    for (let i = 0; i < 5; i += 1) await publishedSuggestion('h-busy', false, districtTopic, 100 + i);
    const sixth = await call(host, 'hall', 'submitSuggestion', { topicId: districtTopic, content: text(200), anonymous: false }, 'h-busy');
    expect(sixth).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  it('rejects text that is too short or too long with a clear message', async () => {
    const short = await call(host, 'hall', 'submitSuggestion', { content: '太短了', anonymous: false }, 'h-short');
    expect(short).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'content', message: '建议至少写 10 个字' }] } });
    const long = await call(host, 'hall', 'submitSuggestion', { content: '长'.repeat(1001), anonymous: false }, 'h-short');
    expect(long).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'content', message: '建议最多 1000 个字' }] } });
  });

  it('keeps an anonymous author out of every public payload', async () => {
    const id = await publishedSuggestion('dev-learner', true, townTopic, 7);
    const payloads = [
      await call(host, 'hall', 'listSuggestions', { topicId: townTopic, sort: 'time', page: 1 }, 'dev-station'),
      await call(host, 'hall', 'listSuggestions', { topicId: townTopic, sort: 'supports', page: 1 }, 'someone'),
      await call(host, 'hall', 'moderationQueue', {}, 'dev-town'),
      await call(host, 'hall', 'handlingQueue', {}, 'dev-town'),
    ];
    const mine = dataOf(payloads[0] as never as { ok: true; data: { suggestions: Array<{ id: string; authorName: string; townName: string | null }> } }).suggestions.find((s) => s.id === id);
    expect(mine).toMatchObject({ authorName: '匿名居民', townName: null });
    for (const p of payloads) {
      const json = JSON.stringify(p);
      expect(json).not.toContain('dev-learner');
      expect(json).not.toContain('李');
      expect(json).not.toContain('示例村一');
    }
  });
});

describe('support (附议)', () => {
  it('counts one support per person and refuses self-support', async () => {
    const id = await publishedSuggestion('h-supported', false, districtTopic);
    expect(dataOf(await call(host, 'hall', 'support', { suggestionId: id }, 'fan-1'))).toEqual({ supports: 1, counted: true });
    expect(dataOf(await call(host, 'hall', 'support', { suggestionId: id }, 'fan-1'))).toEqual({ supports: 1, counted: false });
    expect(await call(host, 'hall', 'support', { suggestionId: id }, 'h-supported')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const listed = dataOf(await call(host, 'hall', 'listSuggestions', { topicId: districtTopic, sort: 'supports', page: 1 }, 'fan-1'));
    expect(listed.suggestions.find((s) => s.id === id)).toMatchObject({ supports: 1, supportedByMe: true });
  });

  it('counts 100 concurrent supports from 100 people as 100, and a repeated burst from one person as 1', async () => {
    const id = await publishedSuggestion('h-popular', false, districtTopic);
    await Promise.all(Array.from({ length: 100 }, (_, i) => call(host, 'hall', 'support', { suggestionId: id }, `crowd-${i}`)));
    await Promise.all(Array.from({ length: 20 }, () => call(host, 'hall', 'support', { suggestionId: id }, 'crowd-0')));
    expect((host.store.get('suggestions', id)?.doc as Loose).supports).toBe(100);
  });

  it("refuses supports from people who cannot see the suggestion's topic", async () => {
    const id = await publishedSuggestion('h-local');
    expect(await call(host, 'hall', 'support', { suggestionId: id }, 'dev-resident')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(dataOf(await call(host, 'hall', 'support', { suggestionId: id }, 'dev-station')).counted).toBe(true);
  });

  it('refuses supports once the topic is closed', async () => {
    const id = await publishedSuggestion('h-closing', false, districtTopic);
    await call(host, 'hall', 'updateTopic', { topicId: districtTopic, close: true }, 'dev-district');
    expect(await call(host, 'hall', 'support', { suggestionId: id }, 'late-fan')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call(host, 'hall', 'submitSuggestion', { topicId: districtTopic, content: text(999), anonymous: false }, 'late-author')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await call(host, 'hall', 'updateTopic', { topicId: districtTopic, close: false }, 'dev-district');
  });
});

describe('staff handling', () => {
  it('refuses staff actions to residents', async () => {
    for (const action of ['moderationQueue', 'handlingQueue', 'staffTopics'] as const) {
      expect(await call(host, 'hall', action, {}, 'dev-resident')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const id = await publishedSuggestion('h-x');
    expect(await call(host, 'hall', 'reply', { suggestionId: id, status: 'accepted' }, 'dev-resident')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it("does not let a town's staff moderate another town's topic", async () => {
    const deadline = new Date(Date.now() + 86_400_000).toISOString();
    const zitongTopic = dataOf(await call(host, 'hall', 'createTopic', { title: '梓潼街道社区议题', description: '', scope: { level: 'town', town: 'zitong', village: null }, deadline }, 'dev-district')).id;
    const held = dataOf(await call(host, 'hall', 'submitSuggestion', { topicId: zitongTopic, content: '社区里有人推销贷款，希望提醒老人', anonymous: false }, 'dev-resident'));
    expect(held.held).toBe(true);
    expect(await call(host, 'hall', 'moderate', { suggestionId: held.id, decision: 'publish' }, 'dev-town')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dataOf(await call(host, 'hall', 'moderationQueue', {}, 'dev-town')).suggestions.map((s) => s.id)).not.toContain(held.id);
    expect(dataOf(await call(host, 'hall', 'moderate', { suggestionId: held.id, decision: 'publish' }, 'dev-district'))).toEqual({ status: 'published' });
  });

  it('rejects with a reason the author sees, and refuses to reject without one', async () => {
    const held = dataOf(await call(host, 'hall', 'submitSuggestion', { content: '有人推销贷款，还说可以加微信办理', anonymous: false }, 'h-rejected'));
    expect(await call(host, 'hall', 'moderate', { suggestionId: held.id, decision: 'reject' }, 'dev-district')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await call(host, 'hall', 'moderate', { suggestionId: held.id, decision: 'reject', reason: '含有广告信息' }, 'dev-district');
    const mine = dataOf(await call(host, 'hall', 'mySuggestions', {}, 'h-rejected')).suggestions[0];
    expect(mine).toMatchObject({ status: 'rejected', history: [{ status: 'pending' }, { status: 'rejected', note: '含有广告信息' }] });
  });

  it('walks the status machine to 已答复, tells the author each time, and lets her rate once', async () => {
    const author = 'h-journey';
    const id = await publishedSuggestion(author);
    host.openapi.grantSubscription(author, 'local-status-template');
    expect(await call(host, 'hall', 'reply', { suggestionId: id, status: 'adopted', text: '跳过了' }, 'dev-town')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call(host, 'hall', 'rateReply', { suggestionId: id, score: 5 }, author)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await call(host, 'hall', 'reply', { suggestionId: id, status: 'accepted' }, 'dev-town');
    await call(host, 'hall', 'reply', { suggestionId: id, status: 'in_progress', text: '已转交镇交通办' }, 'dev-town');
    await call(host, 'hall', 'reply', { suggestionId: id, status: 'adopted', text: '采纳，将在下月施工' }, 'dev-town');
    expect(dataOf(await call(host, 'hall', 'reply', { suggestionId: id, status: 'answered', text: '减速带已安装，感谢您的建议。' }, 'dev-town'))).toEqual({ status: 'answered' });

    const mine = dataOf(await call(host, 'hall', 'mySuggestions', {}, author)).suggestions.find((s) => s.id === id);
    expect(mine?.history.map((h) => h.status)).toEqual(['published', 'accepted', 'in_progress', 'adopted', 'answered']);
    expect(mine?.reply?.text).toBe('减速带已安装，感谢您的建议。');
    const inbox = dataOf(await call(host, 'account', 'inbox', {}, author));
    expect(inbox.items).toHaveLength(4);
    expect(inbox.unread).toBe(4);
    // One subscribe message was allowed: it went to the outbox; the others were refused (43101) quietly.
    expect(host.store.candidates('outbox', { touser: author })).toHaveLength(1);

    expect(await call(host, 'hall', 'rateReply', { suggestionId: id, score: 4 }, 'someone-else')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(dataOf(await call(host, 'hall', 'rateReply', { suggestionId: id, score: 4, comment: '满意' }, author))).toEqual({ score: 4 });
    expect(await call(host, 'hall', 'rateReply', { suggestionId: id, score: 1 }, author)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // reply and rating were null: each is written whole (a dotted write into null fails on CloudBase, -502001).
    expect(host.store.get('suggestions', id)?.doc).toMatchObject({ reply: { text: '减速带已安装，感谢您的建议。' }, rating: { score: 4, comment: '满意' } });
    const read = dataOf(await call(host, 'account', 'markInboxRead', { ids: inbox.items.map((i) => i.id) }, author));
    expect(read.read).toBe(4);
    const day = chinaDay(new Date());
    expect(counter(`suggestion_state:state=adopted|day|${day}`)?.times).toBe(1);
    expect(counter(`suggestion_reply|day|${day}`)).toMatchObject({ times: 1 });
  });

  it("does not mark someone else's notices read", async () => {
    const inbox = dataOf(await call(host, 'account', 'inbox', {}, 'h-journey'));
    const res = dataOf(await call(host, 'account', 'markInboxRead', { ids: inbox.items.map((i) => i.id) }, 'intruder'));
    expect(res.read).toBe(0);
  });
});
