import { createHash } from 'node:crypto';
import { NO_TOWN, counterId, metricVariant, periodsOf } from '../../shared/stats-keys';
import { PERIODS, type Period } from '../../shared/time';
import { _, db } from './cloud';
import { COLL } from './collections';
import { getById, insert, insertAll, isDuplicateKey, listByIds, updateById, updateWhere } from './db-helpers';
import { newId } from './ids';

/** One participation to count. */
export interface CountedEvent {
  metric: string;
  /** Who took part (an OPENID); only a hash of it is stored, in the distinct markers. */
  person: string;
  town: string | null;
  /** The village, when known: stations read their own village's figures. */
  village?: string | null;
  at: Date;
  /** Breakdowns counted beside the total, e.g. `{law: 'anti-dv'}`. */
  dims?: Record<string, string>;
  /** Amounts summed with the event, in total and per town (e.g. `{scoreSum: 80, passes: 1}`). */
  sums?: Record<string, number>;
  /** Amounts summed in the total only, as nested fields (e.g. per-question tallies). */
  totals?: Record<string, Record<string, Record<string, number>>>;
}

/** The id of the marker that says `person` was counted for `metric` in one period. */
function markerId(metric: string, period: Period, key: string, person: string): string {
  return createHash('sha256').update(`${metric}|${period}|${key}|${person}`).digest('hex').slice(0, 40);
}

/**
 * Claims the given markers for one call; returns those it created (the periods in which it is the
 * person's first). A marker that existed is still ours if it carries our token (a database may
 * have applied part of a failed batch).
 */
async function claimMarkers(ids: string[], token: string): Promise<Set<string>> {
  const existing = await insertAll(
    COLL.markers,
    ids.map((id) => ({ _id: id, at: db.serverDate(), by: token })),
  );
  const won = new Set(ids);
  await Promise.all(
    existing.map(async (id) => {
      if ((await getById<{ by?: string }>(COLL.markers, id))?.by !== token) won.delete(id);
    }),
  );
  return won;
}

type Tree = { [k: string]: number | Tree };

/** The tree with each amount mapped; zero amounts are left out (a missing amount reads as 0). */
function mapTree(tree: Tree, leaf: (n: number) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'number') {
      if (v !== 0) out[k] = leaf(v);
    } else out[k] = mapTree(v, leaf);
  }
  return out;
}

function treeOf(first: boolean, town: string, ev: CountedEvent, sign: 1 | -1 = 1): Tree {
  const sums = Object.fromEntries(Object.entries(ev.sums ?? {}).map(([k, n]) => [k, n * sign]));
  const amounts: Tree = { times: sign, ...(first ? { people: sign } : {}), ...sums };
  return { ...amounts, towns: { [town]: amounts }, ...(ev.village ? { villages: { [ev.village]: amounts } } : {}), ...((ev.totals ?? {}) as Tree) };
}

/** Counter documents this function instance knows exist (they are never deleted). */
const known = new Set<string>();
const remember = (id: string) => {
  if (known.size > 20_000) known.clear();
  known.add(id);
};

/** Adds an event to one counter document, creating it on the period's first event (a take-back never creates). */
async function bump(id: string, base: Record<string, string>, town: string, first: boolean, ev: CountedEvent, sign: 1 | -1 = 1): Promise<void> {
  const tree = treeOf(first, town, ev, sign);
  const inc = { ...mapTree(tree, (n) => _.inc(n)), updatedAt: db.serverDate() };
  if ((await updateById(COLL.counters, id, inc)) > 0) return remember(id);
  if (sign < 0) return;
  try {
    await insert(COLL.counters, { _id: id, ...base, people: 0, ...mapTree(tree, (n) => n), updatedAt: db.serverDate() });
  } catch (err) {
    // Someone created it between our update and our insert: increment theirs.
    if (!isDuplicateKey(err)) throw err;
    await updateById(COLL.counters, id, inc);
  }
  remember(id);
}

/**
 * Adds the same amounts to several counter documents. When all are known to exist, one
 * multi-document update does it; otherwise each goes its own way (and may be created).
 */
async function bumpAll(targets: Array<{ id: string; base: Record<string, string> }>, town: string, first: boolean, ev: CountedEvent, sign: 1 | -1 = 1): Promise<void> {
  if (targets.length > 1 && targets.every((t) => known.has(t.id))) {
    const inc = { ...mapTree(treeOf(first, town, ev, sign), (n) => _.inc(n)), updatedAt: db.serverDate() };
    if ((await updateWhere(COLL.counters, { _id: _.in(targets.map((t) => t.id)) }, inc)) === targets.length) return;
    // The cache was wrong (another database behind this instance): create what is missing.
    known.clear();
    const present = new Set((await listByIds<{ _id: string }>(COLL.counters, targets.map((t) => t.id))).map((d) => d._id));
    await Promise.all(targets.filter((t) => !present.has(t.id)).map((t) => bump(t.id, t.base, town, first, ev, sign)));
    return;
  }
  await Promise.all(targets.map((t) => bump(t.id, t.base, town, first, ev, sign)));
}

/**
 * Counts one event as 人次 (times) and 人数 (people, distinct per period) in every period (China
 * day, week, month, year), in total and per town, for the metric and each breakdown. The one
 * counter helper: every area feeds statistics through it, in the same call as the event.
 */
export function countEvent(ev: CountedEvent, known?: KnownMarkers): Promise<void> {
  return countEvents([ev], known);
}

/** What decides an event's distinct-people markers (the amounts do not). */
type EventKey = Pick<CountedEvent, 'metric' | 'person' | 'at' | 'dims'>;

function planOf<E extends EventKey>(ev: E) {
  const variants = [metricVariant(ev.metric), ...Object.entries(ev.dims ?? {}).map((d) => metricVariant(ev.metric, d))];
  const keys = Object.fromEntries(periodsOf(ev.at).map((p) => [p.period, p.key])) as Record<Period, string>;
  const markers = variants.map((metric) => PERIODS.map((period) => markerId(metric, period, keys[period], ev.person)));
  return { ev, variants, keys, markers };
}

/** The distinct-people markers events need, e.g. to read them together with a call's first reads. */
export function markersOf(events: EventKey[]): string[] {
  return [...new Set(events.flatMap((ev) => planOf(ev).markers.flat()))];
}

/** Which markers one read looked for, and which of those exist. */
export interface KnownMarkers {
  checked: ReadonlySet<string>;
  present: ReadonlySet<string>;
}

/** Reads which of the markers exist: one request per hundred, all at once. */
export async function readMarkers(ids: string[]): Promise<KnownMarkers> {
  const chunks = Array.from({ length: Math.ceil(ids.length / 100) }, (_v, i) => ids.slice(i * 100, (i + 1) * 100));
  const found = await Promise.all(chunks.map((c) => listByIds<{ _id: string }>(COLL.markers, c)));
  return { checked: new Set(ids), present: new Set(found.flat().map((m) => m._id)) };
}

/**
 * Claims the events' markers under `token` (reading first those `known` does not cover): the
 * markers won are the periods in which an event is the person's first. Claiming again with the
 * same token wins the same markers, so a call that may run twice (the same attempt submitted
 * twice at once) claims with a token of its own and only the one that goes on counts.
 */
export async function claimFirsts(events: EventKey[], token: string, known?: KnownMarkers): Promise<Set<string>> {
  const all = markersOf(events);
  const unknown = known ? all.filter((id) => !known.checked.has(id)) : all;
  const read = unknown.length > 0 ? await readMarkers(unknown) : { present: new Set<string>() };
  const present = (id: string) => read.present.has(id) || (known?.present.has(id) ?? false);
  return claimMarkers(
    all.filter((id) => !present(id)),
    token,
  );
}

/**
 * Adds the events to their counters: 人次 always, 人数 in the periods whose marker was won. One
 * update per variant and group of periods that move together.
 */
export async function bumpCounters(events: CountedEvent[], won: ReadonlySet<string>): Promise<void> {
  // A marker two events of the call share (same metric, person and period) is first for the earlier.
  const taken = new Set<string>();
  const firstOf = (id: string) => {
    if (!won.has(id) || taken.has(id)) return false;
    taken.add(id);
    return true;
  };
  const jobs: Array<Promise<void>> = [];
  for (const { ev, variants, keys, markers } of events.map(planOf)) {
    const town = ev.town ?? NO_TOWN;
    variants.forEach((metric, v) => {
      const first = PERIODS.map((_p, i) => firstOf(markers[v]?.[i] ?? ''));
      const target = (period: Period) => ({ id: counterId(metric, period, keys[period]), base: { metric, period, key: keys[period] } });
      // Periods that move their 人数 together are updated together.
      for (const isFirst of [true, false]) {
        const group = PERIODS.filter((_p, i) => first[i] === isFirst).map(target);
        if (group.length > 0) jobs.push(bumpAll(group, town, isFirst, ev));
      }
    });
  }
  await Promise.all(jobs);
}

/**
 * Counts several events of one action together. Database operations: one read of the people's
 * markers for every event, variant and period (none when `known` covers them: read earlier,
 * together with the call's other reads); one insert of those missing (none when everyone was
 * already counted in all of them); then one update per variant and group of periods that move
 * together.
 */
export async function countEvents(events: CountedEvent[], known?: KnownMarkers): Promise<void> {
  await bumpCounters(events, await claimFirsts(events, newId('ev'), known));
}

/**
 * Adds (sign 1) or takes back (sign -1) an event that is its own distinct "person" (an offline
 * activity, counted once): 人次, 人数 and its amounts move together in every period and breakdown,
 * without markers. Editing such an event is taking the old one back and adding the new one.
 */
export async function shiftOwnEvent(ev: CountedEvent, sign: 1 | -1): Promise<void> {
  const { variants, keys } = planOf(ev);
  const town = ev.town ?? NO_TOWN;
  await Promise.all(
    variants.map((metric) =>
      bumpAll(
        PERIODS.map((period) => ({ id: counterId(metric, period, keys[period]), base: { metric, period, key: keys[period] } })),
        town,
        true,
        ev,
        sign,
      ),
    ),
  );
}
