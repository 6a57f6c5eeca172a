import { createHash } from 'node:crypto';
import { NO_TOWN, counterId, metricVariant, periodsOf } from '../../shared/stats-keys';
import { PERIODS, type Period } from '../../shared/time';
import { _, db } from './cloud';
import { COLL } from './collections';
import { insert, isDuplicateKey, updateById } from './db-helpers';

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

function mapTree(tree: Tree, leaf: (n: number) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(tree)) out[k] = typeof v === 'number' ? leaf(v) : mapTree(v, leaf);
  return out;
}

async function bump(id: string, base: Record<string, string>, town: string, first: boolean, ev: CountedEvent): Promise<void> {
  const people = first ? 1 : 0;
  const amounts: Tree = { times: 1, people, ...(ev.sums ?? {}) };
  const tree: Tree = { ...amounts, towns: { [town]: amounts }, ...(ev.village ? { villages: { [ev.village]: amounts } } : {}), ...((ev.totals ?? {}) as Tree) };
  const inc = { ...mapTree(tree, (n) => _.inc(n)), updatedAt: db.serverDate() };
  if ((await updateById(COLL.counters, id, inc)) > 0) return;
  try {
    await insert(COLL.counters, { _id: id, ...base, ...mapTree(tree, (n) => n), updatedAt: db.serverDate() });
  } catch (err) {
    // Someone created it between our update and our insert: increment theirs.
    if (!isDuplicateKey(err)) throw err;
    await updateById(COLL.counters, id, inc);
  }
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
  const bumpIn = (period: Period, first: boolean) => bump(counterId(metric, period, keys[period]), { metric, period, key: keys[period] }, town, first, ev);
  const firstToday = await firstInPeriod(metric, 'day', keys.day, ev.person);
  if (!firstToday) {
    await Promise.all(PERIODS.map((p) => bumpIn(p, false)));
    return;
  }
  const [firstWeek, firstMonth] = await Promise.all([firstInPeriod(metric, 'week', keys.week, ev.person), firstInPeriod(metric, 'month', keys.month, ev.person)]);
  const firstYear = firstMonth ? await firstInPeriod(metric, 'year', keys.year, ev.person) : false;
  await Promise.all([bumpIn('day', true), bumpIn('week', firstWeek), bumpIn('month', firstMonth), bumpIn('year', firstYear)]);
}
