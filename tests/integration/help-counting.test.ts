import { createHash, createHmac } from 'node:crypto';
import type { Host } from '../../server/host';
import { CONSENT_VERSION } from '../../shared/domain/help';
import type { Result } from '../../shared/result';
import { chinaDay } from '../../shared/time';
import { call, dataOf, freshHost } from '../support/host';
import { dayFigures, storedMarkers, type Figures } from '../support/figures';

// Help requests' 人数 and 人次 when her daily allowance (HELP_REQUESTS_PER_DAY), which decides
// whether a request is recorded at all, refuses. Her distinct-people markers (under her requester
// key, never her OPENID) are claimed beside the allowance, in the same round trip, and let go
// again when it refuses: a refusal leaves the day's figures and her markers as they were, and a
// recorded request is counted once, also when requests of one person race. The host's database
// answers each request after a random delay, so that racing calls' requests reach it in any order.

let host: Host;
const day = chinaDay(new Date());
beforeAll(() => {
  host = freshHost({ jitterMs: 8 });
});
afterAll(() => host.close());

const CATEGORIES = ['家庭暴力', '婚姻家庭纠纷'] as const;
type Category = (typeof CATEGORIES)[number];
const request = (category: Category, place: { village?: string } = { village: 'shuangjiang-v1' }) => ({
  category,
  description: '需要帮助，请在工作日上午联系。',
  town: 'shuangjiang',
  ...place,
  contact: { method: 'in_app' },
  urgency: 'normal',
  age: 'adult',
  consentVersion: CONSENT_VERSION,
});
const submit = (openid: string, category: Category = '家庭暴力', place?: { village?: string }) => call(host, 'help', 'submitRequest', request(category, place), openid);

const METRICS = ['help_request', 'help_request:channel=online', ...CATEGORIES.map((c) => `help_request:category=${c}`)];

const today = (metric: string) => dayFigures(host, metric, day);
const snapshot = () => Object.fromEntries(METRICS.map((m) => [m, today(m)]));
const markers = () => storedMarkers(host);

/** Her requester key, as the function derives it (a keyed hash of her OPENID). */
const requesterOf = (openid: string) => `r${createHmac('sha256', process.env.HELP_LOOKUP_KEY ?? '').update(openid).digest('hex').slice(0, 40)}`;
/** Whether the day's marker of a metric is held for her: she is counted in that day's 人数. */
const held = (metric: string, openid: string) => {
  const id = createHash('sha256').update(`${metric}|day|${day}|${requesterOf(openid)}`).digest('hex').slice(0, 40);
  const by = host.store.get('markers', id)?.doc?.by;
  return by !== undefined && by !== null;
};
const casesOf = (openid: string) => host.store.candidates('cases', { requester: requesterOf(openid) });

describe('help requests past the daily allowance', () => {
  it('leave the day’s 人数 and 人次, and every marker, as they were; nothing of the refused ones is stored', async () => {
    const her = 'cap-seq';
    for (let i = 0; i < 3; i += 1) dataOf(await submit(her));
    const before = snapshot();
    const markersBefore = markers();
    const cases = host.store.candidates('cases', {}).length;
    expect(await submit(her)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    // Also several at once, in a category she has not asked about today.
    const refused = await Promise.all(Array.from({ length: 4 }, () => submit(her, '婚姻家庭纠纷')));
    for (const r of refused) expect(r).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(snapshot()).toEqual(before);
    expect(markers()).toEqual(markersBefore);
    expect(host.store.candidates('cases', {})).toHaveLength(cases);
    expect(held('help_request:category=婚姻家庭纠纷', her)).toBe(false);
    expect(host.store.candidates('quotas', { kind: 'help' }).map((q) => q.count)).toContain(3);
  });

  it('sent many at once by one person: three recorded, counted as three 人次 and one 人数, in the categories of the recorded ones only', async () => {
    const people = Array.from({ length: 10 }, (_v, i) => `cap-burst-${i}`);
    const before = snapshot();
    // The first of the day for each of them: eight at once, the categories alternating, so that
    // refused requests hold markers that recorded ones need, and markers nobody recorded needs.
    const results = await Promise.all(people.flatMap((p) => Array.from({ length: 8 }, (_v, i) => submit(p, CATEGORIES[i % 2]).then((r) => ({ p, r })))));
    const recorded = new Map<string, Category[]>();
    for (const p of people) {
      const mine = results.filter((x) => x.p === p).map((x) => x.r);
      expect(mine.filter((r) => r.ok)).toHaveLength(3);
      expect(mine.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED')).toHaveLength(5);
      const cases = casesOf(p);
      expect(cases).toHaveLength(3);
      recorded.set(p, cases.map((c) => c.category as Category));
    }
    // 人次 and 人数 added since `before`, in total or at one place of the figures.
    const delta = (metric: string, at: (f: Figures | null | undefined) => Figures | undefined = (f) => f ?? undefined) => {
      const now = at(today(metric));
      const was = at(before[metric]);
      return [(now?.times ?? 0) - (was?.times ?? 0), (now?.people ?? 0) - (was?.people ?? 0)];
    };
    expect(delta('help_request')).toEqual([30, 10]);
    expect(delta('help_request:channel=online')).toEqual([30, 10]);
    expect(delta('help_request', (f) => f?.towns?.shuangjiang)).toEqual([30, 10]);
    expect(delta('help_request', (f) => f?.villages?.['shuangjiang-v1'])).toEqual([30, 10]);
    for (const category of CATEGORIES) {
      const metric = `help_request:category=${category}`;
      const times = [...recorded.values()].flat().filter((c) => c === category).length;
      const inIt = people.filter((p) => recorded.get(p)?.includes(category));
      expect({ category, figures: delta(metric) }).toEqual({ category, figures: [times, inIt.length] });
      // Held for exactly those she was recorded in: a refused request's claim was let go.
      for (const p of people) expect({ p, category, held: held(metric, p) }).toEqual({ p, category, held: inIt.includes(p) });
    }
  });
});

describe('round trips', () => {
  // A fresh identity (first of the day in every counter), after one call of each kind has made the
  // day's counter documents: reads; the allowance with her markers claimed beside it (and the
  // town's staff, for a request that goes to the town); the case, the counters and the notice.
  const cases: Array<[string, { village?: string }, string]> = [
    ['to the village station', { village: 'shuangjiang-v1' }, 'dev-station'],
    ['to the town, no village named', {}, 'dev-town'],
    ['to the town, no station staff in the village', { village: 'shuangjiang-v2' }, 'dev-town'],
  ];
  it.each(cases)('a request %s takes at most three, and its staff are told', async (_name, place, staff) => {
    dataOf(await submit(`warm-${staff}-${place.village ?? 'none'}`, '家庭暴力', place));
    const her = `rt-${staff}-${place.village ?? 'none'}`;
    const { result, stats } = await host.measure('help', { action: 'submitRequest', input: request('家庭暴力', place) }, { openid: her });
    const { id } = dataOf(result as Result<{ id: string }>);
    expect(stats.roundTrips).toBeLessThanOrEqual(3);
    expect(host.store.get('cases', id)?.doc).toMatchObject({ escalation: staff === 'dev-station' ? 'station' : 'town' });
    expect(host.store.candidates('inbox', { openid: staff }).some((n) => String(n.page).endsWith(`id=${id}`))).toBe(true);
  });
});
