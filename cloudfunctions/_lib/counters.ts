import { createHash } from 'node:crypto';
import { NO_TOWN, counterId, metricVariant, periodsOf } from '../../shared/stats-keys';
import { PERIODS, type Period } from '../../shared/time';
import { _, db } from './cloud';
import { COLL } from './collections';
import { insert, isDuplicateKey, listByIds, updateById, updateWhere } from './db-helpers';

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

/** Whether this is the person's first event of the metric in the period (inserts the marker). */
async function firstInPeriod(metric: string, period: string, key: string, person: string): Promise<boolean> {
  const id = createHash('sha256').update(`${metric}|${period}|${key}|${person}`).digest('hex').slice(0, 40);
  try {
    await insert(COLL.markers, { _id: id, at: db.serverDate() });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
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

function treeOf(first: boolean, town: string, ev: CountedEvent): Tree {
  const amounts: Tree = { times: 1, ...(first ? { people: 1 } : {}), ...(ev.sums ?? {}) };
  return { ...amounts, towns: { [town]: amounts }, ...(ev.village ? { villages: { [ev.village]: amounts } } : {}), ...((ev.totals ?? {}) as Tree) };
}

/** Counter documents this function instance knows exist (they are never deleted). */
const known = new Set<string>();
const remember = (id: string) => {
  if (known.size > 20_000) known.clear();
  known.add(id);
};

/** Adds an event to one counter document, creating it on the period's first event. */
async function bump(id: string, base: Record<string, string>, town: string, first: boolean, ev: CountedEvent): Promise<void> {
  const tree = treeOf(first, town, ev);
  const inc = { ...mapTree(tree, (n) => _.inc(n)), updatedAt: db.serverDate() };
  if ((await updateById(COLL.counters, id, inc)) > 0) return remember(id);
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
async function bumpAll(targets: Array<{ id: string; base: Record<string, string> }>, town: string, first: boolean, ev: CountedEvent): Promise<void> {
  if (targets.length > 1 && targets.every((t) => known.has(t.id))) {
    const inc = { ...mapTree(treeOf(first, town, ev), (n) => _.inc(n)), updatedAt: db.serverDate() };
    if ((await updateWhere(COLL.counters, { _id: _.in(targets.map((t) => t.id)) }, inc)) === targets.length) return;
    // The cache was wrong (another database behind this instance): create what is missing.
    known.clear();
    const present = new Set((await listByIds<{ _id: string }>(COLL.counters, targets.map((t) => t.id))).map((d) => d._id));
    await Promise.all(targets.filter((t) => !present.has(t.id)).map((t) => bump(t.id, t.base, town, first, ev)));
    return;
  }
  await Promise.all(targets.map((t) => bump(t.id, t.base, town, first, ev)));
}

/**
 * Counts one event as 人次 (times) and 人数 (people, distinct per period) in every period (China
 * day, week, month, year), in total and per town, for the metric and each breakdown. The one
 * counter helper: every area feeds statistics through it, in the same call as the event.
 */
export async function countEvent(ev: CountedEvent): Promise<void> {
  const town = ev.town ?? NO_TOWN;
  const variants = [metricVariant(ev.metric), ...Object.entries(ev.dims ?? {}).map((d) => metricVariant(ev.metric, d))];
  await Promise.all(variants.map((metric) => countMetric(metric, ev, town)));
}

/**
 * Counts one metric in every period. A day lies inside its week, month and year, and a month
 * inside its year: someone already counted today is already counted in all of them, and someone
 * already counted this month is already counted this year, so those markers are not tried again.
 */
async function countMetric(metric: string, ev: CountedEvent, town: string): Promise<void> {
  const keys = Object.fromEntries(periodsOf(ev.at).map((p) => [p.period, p.key])) as Record<Period, string>;
  const target = (period: Period) => ({ id: counterId(metric, period, keys[period]), base: { metric, period, key: keys[period] } });
  const firstToday = await firstInPeriod(metric, 'day', keys.day, ev.person);
  const first: Record<Period, boolean> = { day: firstToday, week: false, month: false, year: false };
  if (firstToday) {
    [first.week, first.month] = await Promise.all([firstInPeriod(metric, 'week', keys.week, ev.person), firstInPeriod(metric, 'month', keys.month, ev.person)]);
    first.year = first.month ? await firstInPeriod(metric, 'year', keys.year, ev.person) : false;
  }
  // Periods that move their 人数 together are updated together.
  await Promise.all(
    [true, false].map((isFirst) => {
      const group = PERIODS.filter((p) => first[p] === isFirst).map(target);
      return group.length > 0 ? bumpAll(group, town, isFirst, ev) : Promise.resolve();
    }),
  );
}
