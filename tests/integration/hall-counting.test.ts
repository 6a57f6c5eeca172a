import { hashId } from '../../cloudfunctions/_lib/ids';
import type { Host } from '../../server/host';
import { chinaDay } from '../../shared/time';
import { call, dataOf, freshHost } from '../support/host';
import { dayFigures, storedMarkers } from '../support/figures';

// The hall's 人数 and 人次 when the gate that decides whether anything is recorded (her daily
// allowance of suggestions, her once-per-suggestion support) refuses. Her distinct-people markers
// are claimed beside the gate, in the same round trip, and let go again when it refuses: a refusal
// leaves the day's figures exactly as they were, and a recorded event is counted once, also when
// calls of one person race. The host's database answers each request after a random delay, so
// that racing calls' requests reach it in any order (as on a cloud database).

let host: Host;
let topicId: string;
let otherTopicId: string;
const day = chinaDay(new Date());
beforeAll(async () => {
  host = freshHost({ jitterMs: 8 });
  const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const district = { level: 'district', town: null, village: null } as const;
  topicId = dataOf(await call(host, 'hall', 'createTopic', { title: '村口道路安全建议征集', description: '', scope: district, deadline }, 'dev-district')).id;
  otherTopicId = dataOf(await call(host, 'hall', 'createTopic', { title: '妇女儿童之家建设意见', description: '', scope: district, deadline }, 'dev-district')).id;
});
afterAll(() => host.close());

const today = (metric: string) => dayFigures(host, metric, day);
const markers = () => storedMarkers(host);

const SUGGESTION_METRICS = () => ['suggestion', `suggestion:topic=${topicId}`, 'suggestion_state:state=published'];
const snapshot = (metrics: string[]) => Object.fromEntries(metrics.map((m) => [m, today(m)]));

let n = 0;
const text = () => `建议在村口路段增设减速带和警示牌，保护孩子上学安全。第${(n += 1)}条`;

async function placed(openid: string): Promise<string> {
  dataOf(await call(host, 'account', 'setRegion', { town: 'shuangjiang', village: 'shuangjiang-v1' }, openid));
  return openid;
}

const suggest = (openid: string, topic = topicId) => call(host, 'hall', 'submitSuggestion', { topicId: topic, content: text(), anonymous: false }, openid);

describe('suggestions past the daily allowance', () => {
  it('leave the day’s 人数 and 人次, and every marker, as they were', async () => {
    const author = await placed('cap-seq');
    for (let i = 0; i < 5; i += 1) expect(dataOf(await suggest(author)).status).toBe('published');
    const before = snapshot(SUGGESTION_METRICS());
    const markersBefore = markers();
    expect(await suggest(author)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    // Also at once: several refused together.
    const refused = await Promise.all(Array.from({ length: 4 }, () => suggest(author)));
    for (const r of refused) expect(r).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(snapshot(SUGGESTION_METRICS())).toEqual(before);
    expect(markers()).toEqual(markersBefore);
  });

  it('sent many at once by one person: five recorded, counted as five 人次 and one 人数 each', async () => {
    const authors = await Promise.all(['cap-burst-1', 'cap-burst-2', 'cap-burst-3'].map(placed));
    const metrics = [...SUGGESTION_METRICS(), `suggestion:topic=${otherTopicId}`];
    const before = snapshot(metrics);
    // The first of the day for each of them, twelve at once, on a topic of its own for the third.
    const results = await Promise.all(authors.flatMap((a, i) => Array.from({ length: 12 }, () => suggest(a, i === 2 ? otherTopicId : topicId).then((r) => ({ a, r })))));
    for (const a of authors) {
      const mine = results.filter((x) => x.a === a).map((x) => x.r);
      expect(mine.filter((r) => r.ok)).toHaveLength(5);
      expect(mine.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED')).toHaveLength(7);
      expect(host.store.candidates('suggestions', { author: a })).toHaveLength(5);
    }
    const delta = (metric: string, key: 'times' | 'people') => (today(metric)?.[key] ?? 0) - (before[metric]?.[key] ?? 0);
    expect([delta('suggestion', 'times'), delta('suggestion', 'people')]).toEqual([15, 3]);
    expect([delta('suggestion_state:state=published', 'times'), delta('suggestion_state:state=published', 'people')]).toEqual([15, 3]);
    expect([delta(`suggestion:topic=${topicId}`, 'times'), delta(`suggestion:topic=${topicId}`, 'people')]).toEqual([10, 2]);
    expect(today(`suggestion:topic=${otherTopicId}`)).toMatchObject({ times: 5, people: 1, towns: { shuangjiang: { times: 5, people: 1 } }, villages: { 'shuangjiang-v1': { times: 5, people: 1 } } });
  });
});

describe('supports', () => {
  let first: string;
  let second: string;
  let third: string;
  beforeAll(async () => {
    const author = await placed('support-author');
    const ids = await Promise.all([0, 1, 2].map(async () => dataOf(await suggest(author)).id));
    [first, second, third] = ids as [string, string, string];
  });
  const supports = (id: string) => (host.store.get('suggestions', id)?.doc as unknown as { supports: number }).supports;
  const support = (suggestionId: string, openid: string, topic: string | null | undefined = topicId) =>
    call(host, 'hall', 'support', topic === undefined ? { suggestionId } : { suggestionId, topicId: topic }, openid);

  it('a repeat leaves the day’s 人数 and 人次, and every marker, as they were', async () => {
    const fan = await placed('repeat-fan');
    expect(dataOf(await support(first, fan))).toEqual({ supports: 1, counted: true });
    const before = today('suggestion_support');
    const markersBefore = markers();
    expect(dataOf(await support(first, fan))).toEqual({ supports: 1, counted: false });
    expect(today('suggestion_support')).toEqual(before);
    expect(markers()).toEqual(markersBefore);
    expect(supports(first)).toBe(1);
  });

  it('a repeat of a support from another day lets go the markers it claimed: her next support counts her', async () => {
    // Her support of `first` was recorded on another day: today she is not yet counted anywhere.
    const fan = await placed('yesterday-fan');
    host.store.commitSync([{ coll: 'supports', id: hashId('v', fan, first), doc: { _id: hashId('v', fan, first), suggestionId: first, at: new Date(Date.now() - 3 * 86_400_000) } }]);
    const before = today('suggestion_support');
    const held = host.store.candidates('markers', {}).filter((m) => m.by !== null).length;
    expect(dataOf(await support(first, fan))).toMatchObject({ counted: false });
    expect(today('suggestion_support')).toEqual(before);
    expect(host.store.candidates('markers', {}).filter((m) => m.by !== null)).toHaveLength(held);
    // Recorded today: she is today's supporter, once.
    expect(dataOf(await support(second, fan))).toMatchObject({ counted: true });
    expect(today('suggestion_support')).toMatchObject({ times: (before?.times ?? 0) + 1, people: (before?.people ?? 0) + 1 });
  });

  it('two at once by one person count one support, one 人次 and one 人数', async () => {
    const fans = await Promise.all(Array.from({ length: 24 }, (_v, i) => placed(`twin-fan-${i}`)));
    const before = today('suggestion_support');
    const from = supports(third);
    const pairs = await Promise.all(fans.map((fan) => Promise.all([support(third, fan), support(third, fan)])));
    for (const pair of pairs) expect(pair.map((r) => dataOf(r).counted).sort()).toEqual([false, true]);
    expect(supports(third)).toBe(from + fans.length);
    expect(today('suggestion_support')).toMatchObject({ times: (before?.times ?? 0) + fans.length, people: (before?.people ?? 0) + fans.length });
  });

  it('a repeat racing her first support of the day elsewhere: the recorded one counts her once', async () => {
    // Each fan's support of `first` dates from another day; she repeats it while supporting `second`.
    const fans = await Promise.all(Array.from({ length: 24 }, (_v, i) => placed(`race-fan-${i}`)));
    host.store.commitSync(fans.map((fan) => ({ coll: 'supports', id: hashId('v', fan, first), doc: { _id: hashId('v', fan, first), suggestionId: first, at: new Date(Date.now() - 3 * 86_400_000) } })));
    const before = today('suggestion_support');
    const pairs = await Promise.all(fans.map((fan) => Promise.all([support(first, fan), support(second, fan)])));
    for (const pair of pairs) expect(pair.map((r) => dataOf(r).counted)).toEqual([false, true]);
    expect(today('suggestion_support')).toMatchObject({ times: (before?.times ?? 0) + fans.length, people: (before?.people ?? 0) + fans.length });
  });

  it('takes the topic from the client as a hint, checked against the suggestion: a wrong one is refused and nothing written', async () => {
    const fan = await placed('hint-fan');
    const before = today('suggestion_support');
    const markersBefore = markers();
    const from = supports(first);
    for (const wrong of [otherTopicId, null]) {
      expect(await support(first, fan, wrong)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '这条建议不属于这个议题，请刷新后再试' } });
    }
    expect(host.store.get('supports', hashId('v', fan, first))?.doc).toBeUndefined();
    expect(supports(first)).toBe(from);
    expect(today('suggestion_support')).toEqual(before);
    expect(markers()).toEqual(markersBefore);
    // The right topic, or none (a client that names none), is a support.
    expect(dataOf(await support(first, fan, topicId))).toMatchObject({ supports: from + 1, counted: true });
    expect(dataOf(await support(second, fan, undefined))).toMatchObject({ counted: true });
  });

  it('refuses a topic named for a free suggestion', async () => {
    const free = dataOf(await call(host, 'hall', 'submitSuggestion', { content: text(), anonymous: false }, 'support-author')).id;
    const fan = await placed('free-fan');
    expect(await support(free, fan, topicId)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(dataOf(await support(free, fan, null))).toMatchObject({ supports: 1, counted: true });
  });
});
