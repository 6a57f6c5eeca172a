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
 * A distinct-people marker as stored. Held (`by` a call's token): the person was counted in that
 * period, or the call holding it will count her or release it. Free (`by` null): a call claimed it
 * beside a gate that then refused, and let it go; the next event of hers claims it again.
 */
interface MarkerDoc {
  _id: string;
  by: string | null;
  at: Date;
  /** Claimed beside a gate (an allowance, a once-per-person record) that may still refuse. */
  gated?: boolean;
  /** How many recorded events of other calls count on this marker: a refused holder counts her instead of releasing it. */
  heirs?: number;
  /** Where the event that counts on it happened (its 人数 goes there if the holder is refused). */
  heirTown?: string | null;
  heirVillage?: string | null;
}

/**
 * How long a call may hold a marker claimed beside a gate before it is settled: far longer than
 * any call runs (the functions' timeouts in cloudbaserc.json are at most 60 s). Older gated
 * markers are settled.
 */
const UNDECIDED_MS = 10 * 60_000;

/** Whether the call holding a marker may still be refused (and release it). */
function undecided(m: MarkerDoc, now: number): boolean {
  return m.gated === true && m.by !== null && now - new Date(m.at).getTime() < UNDECIDED_MS;
}

/** Takes a free marker (one a refused call let go); false when another call took it first. */
async function adopt(id: string, token: string, gated: boolean): Promise<boolean> {
  return (await updateWhere(COLL.markers, { _id: id, by: null }, { by: token, at: db.serverDate(), gated, heirs: 0 })) > 0;
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

/** The amounts one event adds in total, in its town and in its village. */
function placed(amounts: Tree, town: string | null | undefined, village: string | null | undefined): Tree {
  return { ...amounts, towns: { [town ?? NO_TOWN]: amounts }, ...(village ? { villages: { [village]: amounts } } : {}) };
}

function treeOf(first: boolean, ev: CountedEvent, sign: 1 | -1 = 1): Tree {
  const sums = Object.fromEntries(Object.entries(ev.sums ?? {}).map(([k, n]) => [k, n * sign]));
  const amounts: Tree = { times: sign, ...(first ? { people: sign } : {}), ...sums };
  return { ...placed(amounts, ev.town, ev.village), ...((ev.totals ?? {}) as Tree) };
}

/** Counter documents this function instance knows exist (they are never deleted). */
const known = new Set<string>();
const remember = (id: string) => {
  if (known.size > 20_000) known.clear();
  known.add(id);
};

interface Target {
  id: string;
  base: Record<string, string>;
}

/** Adds amounts to one counter document, creating it on the period's first event (a take-back never creates). */
async function bump({ id, base }: Target, tree: Tree, create: boolean): Promise<void> {
  const inc = { ...mapTree(tree, (n) => _.inc(n)), updatedAt: db.serverDate() };
  if ((await updateById(COLL.counters, id, inc)) > 0) return remember(id);
  if (!create) return;
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
async function bumpAll(targets: Target[], tree: Tree, create: boolean): Promise<void> {
  if (targets.length > 1 && targets.every((t) => known.has(t.id))) {
    const inc = { ...mapTree(tree, (n) => _.inc(n)), updatedAt: db.serverDate() };
    if ((await updateWhere(COLL.counters, { _id: _.in(targets.map((t) => t.id)) }, inc)) === targets.length) return;
    // The cache was wrong (another database behind this instance): create what is missing.
    known.clear();
    const present = new Set((await listByIds<{ _id: string }>(COLL.counters, targets.map((t) => t.id))).map((d) => d._id));
    await Promise.all(targets.filter((t) => !present.has(t.id)).map((t) => bump(t, tree, create)));
    return;
  }
  await Promise.all(targets.map((t) => bump(t, tree, create)));
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
  const target = (metric: string, period: Period): Target => ({ id: counterId(metric, period, keys[period]), base: { metric, period, key: keys[period] } });
  return { ev, variants, keys, markers, target };
}

/** The distinct-people markers events need, e.g. to read them together with a call's first reads. */
export function markersOf(events: EventKey[]): string[] {
  return [...new Set(events.flatMap((ev) => planOf(ev).markers.flat()))];
}

/** What one read found of the markers it looked for. */
export interface KnownMarkers {
  checked: ReadonlySet<string>;
  /** Held: the person was counted there, or a call holding it will count her or release it. */
  present: ReadonlySet<string>;
  /** Let go by a refused call: free to claim. */
  free: ReadonlySet<string>;
  /** Held by a call that claimed it beside its gate lately, and may yet be refused. */
  undecided: ReadonlySet<string>;
}

/** Reads which of the markers exist: one request per hundred, all at once. */
export async function readMarkers(ids: string[]): Promise<KnownMarkers> {
  const chunks = Array.from({ length: Math.ceil(ids.length / 100) }, (_v, i) => ids.slice(i * 100, (i + 1) * 100));
  const found = (await Promise.all(chunks.map((c) => listByIds<MarkerDoc>(COLL.markers, c)))).flat();
  const now = Date.now();
  const idsOf = (ms: MarkerDoc[]) => new Set(ms.map((m) => m._id));
  return {
    checked: new Set(ids),
    present: idsOf(found.filter((m) => m.by !== null)),
    free: idsOf(found.filter((m) => m.by === null)),
    undecided: idsOf(found.filter((m) => undecided(m, now))),
  };
}

/** The markers a call claimed for its events, and those it waits on. */
export interface Claim {
  token: string;
  /** Claimed beside a gate: released if the gate refuses (releaseFirsts). */
  gated: boolean;
  /** The markers it holds: the periods in which its event is the person's first. */
  won: ReadonlySet<string>;
  /** Markers held by calls that may yet be refused: if one is, the person's first there falls to this call. */
  watch: ReadonlySet<string>;
}

/**
 * Claims the events' markers under `token` (reading first those `known` does not cover): the
 * markers won are the periods in which an event is the person's first. Claiming again with the
 * same token wins the same markers, so a call that may run twice (the same attempt submitted
 * twice at once) claims with a token of its own and only the one that goes on counts.
 *
 * `gated`: claimed beside the gate that decides whether the events are recorded at all, before it
 * answers (one round trip less); if it refuses, `releaseFirsts` lets the markers go. Otherwise the
 * claim follows the recording, and `bumpCounters` counts it.
 */
export async function claimFirsts(events: EventKey[], token: string, known?: KnownMarkers, gated = false): Promise<Claim> {
  const all = markersOf(events);
  const unknown = known ? all.filter((id) => !known.checked.has(id)) : all;
  const read = unknown.length > 0 ? await readMarkers(unknown) : undefined;
  const seen = (id: string) => (known?.checked.has(id) ? known : read);
  const won = new Set<string>();
  const watch = new Set(all.filter((id) => seen(id)?.undecided.has(id)));
  const free = all.filter((id) => seen(id)?.free.has(id));
  const absent = all.filter((id) => !seen(id)?.present.has(id) && !seen(id)?.free.has(id));
  const take = async (id: string) => ((await adopt(id, token, gated)) ? won.add(id) : watch.add(id));
  const [existing] = await Promise.all([
    insertAll(
      COLL.markers,
      absent.map((id) => ({ _id: id, at: db.serverDate(), by: token, ...(gated ? { gated, heirs: 0 } : {}) })),
    ),
    ...free.map(take),
  ]);
  const taken = new Set(existing);
  for (const id of absent) if (!taken.has(id)) won.add(id);
  // One that existed is still ours if it carries our token (a database may have applied part of a
  // failed batch); one let go meanwhile is taken; one a call holds undecided is watched.
  await Promise.all(
    existing.map(async (id) => {
      const m = await getById<MarkerDoc>(COLL.markers, id);
      if (m?.by === token) won.add(id);
      else if (m?.by === null) await take(id);
      else if (m && undecided(m, Date.now())) watch.add(id);
    }),
  );
  return { token, gated, won, watch };
}

/** For each marker of the events, the event that needs it first. */
function needsOf(events: CountedEvent[]): Map<string, CountedEvent> {
  const out = new Map<string, CountedEvent>();
  for (const { ev, markers } of events.map(planOf)) for (const id of markers.flat()) if (!out.has(id)) out.set(id, ev);
  return out;
}

/** Adds 1 to 人数 (nothing else) in the counters of the given markers, at the place given for each (default: the event's). */
async function countPeople(events: CountedEvent[], ids: ReadonlySet<string>, placeOf: (id: string, ev: CountedEvent) => Pick<CountedEvent, 'town' | 'village'> = (_id, ev) => ev): Promise<void> {
  const done = new Set<string>();
  const jobs: Array<Promise<void>> = [];
  for (const { ev, variants, markers, target } of events.map(planOf)) {
    variants.forEach((metric, v) =>
      PERIODS.forEach((period, i) => {
        const id = markers[v]?.[i];
        if (!id || !ids.has(id) || done.has(id)) return;
        done.add(id);
        const at = placeOf(id, ev);
        jobs.push(bump(target(metric, period), placed({ people: 1 }, at.town, at.village), true));
      }),
    );
  }
  await Promise.all(jobs);
}

/**
 * For a call whose events were recorded: tells the holders of the markers it watches that a
 * recorded event counts on them (a holder refused later counts her instead of letting go), and
 * takes those already let go, counting her there itself.
 */
async function inherit(events: CountedEvent[], claim: Claim): Promise<void> {
  if (claim.watch.size === 0) return;
  const needs = needsOf(events);
  const adopted = new Set<string>();
  let pending = [...claim.watch];
  for (let round = 0; round < 3 && pending.length > 0; round += 1) {
    const byPlace = new Map<string, { ev: CountedEvent; ids: string[] }>();
    for (const id of pending) {
      const ev = needs.get(id) as CountedEvent;
      const key = JSON.stringify([ev.town ?? null, ev.village ?? null]);
      byPlace.set(key, { ev, ids: [...(byPlace.get(key)?.ids ?? []), id] });
    }
    const told = await Promise.all(
      [...byPlace.values()].map(({ ev, ids }) => updateWhere(COLL.markers, { _id: _.in(ids), by: _.neq(null) }, { heirs: _.inc(1), heirTown: ev.town ?? null, heirVillage: ev.village ?? null })),
    );
    if (told.reduce((a, b) => a + b, 0) === pending.length) break;
    // Some were let go before we told their holder: take them (those taken by another meanwhile are told again).
    const took = await Promise.all(pending.map((id) => adopt(id, claim.token, false)));
    pending = pending.filter((id, i) => {
      if (took[i]) adopted.add(id);
      return !took[i];
    });
  }
  if (adopted.size > 0) await countPeople(events, adopted);
}

/**
 * Adds recorded events to their counters: 人次 always, 人数 in the periods whose marker the claim
 * won (and in those it inherits from a refused call). One update per variant and group of
 * periods that move together.
 */
export async function bumpCounters(events: CountedEvent[], claim: Claim): Promise<void> {
  // A marker two events of the call share (same metric, person and period) is first for the earlier.
  const taken = new Set<string>();
  const firstOf = (id: string) => {
    if (!claim.won.has(id) || taken.has(id)) return false;
    taken.add(id);
    return true;
  };
  const jobs: Array<Promise<void>> = [inherit(events, claim)];
  for (const { ev, variants, markers, target } of events.map(planOf)) {
    variants.forEach((metric, v) => {
      const first = PERIODS.map((_p, i) => firstOf(markers[v]?.[i] ?? ''));
      // Periods that move their 人数 together are updated together.
      for (const isFirst of [true, false]) {
        const group = PERIODS.filter((_p, i) => first[i] === isFirst).map((period) => target(metric, period));
        if (group.length > 0) jobs.push(bumpAll(group, treeOf(isFirst, ev), true));
      }
    });
  }
  await Promise.all(jobs);
}

/**
 * Lets go the markers of a claim made beside a gate that refused: the events were not recorded,
 * so the person stays uncounted. A marker on which a recorded event of another call of hers
 * counts (it found the marker held by this one) is kept, and she is counted there instead.
 */
export async function releaseFirsts(events: CountedEvent[], claim: Claim): Promise<void> {
  const ids = [...claim.won];
  if (ids.length === 0) return;
  const released = await updateWhere(COLL.markers, { _id: _.in(ids), by: claim.token, heirs: 0 }, { by: null });
  if (released === ids.length) return;
  const kept = new Map((await listByIds<MarkerDoc>(COLL.markers, ids)).filter((m) => m.by === claim.token).map((m) => [m._id, m]));
  await countPeople(events, new Set(kept.keys()), (id, ev) => {
    const m = kept.get(id);
    return m?.heirTown !== undefined ? { town: m.heirTown, village: m.heirVillage ?? null } : ev;
  });
}

/**
 * Runs a gate (the conditional write that decides whether the events are recorded at all: an
 * allowance, a once-per-person record) with the events' markers claimed beside it, in the same
 * round trip. Returns the claim to count with once recorded, or null when the gate refused (the
 * markers are let go again; also when the gate fails).
 */
export async function claimBeside(gate: Promise<boolean>, events: CountedEvent[], known?: KnownMarkers): Promise<Claim | null> {
  const claiming = claimFirsts(events, newId('ev'), known, true);
  let passed: boolean;
  try {
    passed = await gate;
  } catch (err) {
    await claiming.then(
      (claim) => releaseFirsts(events, claim),
      () => undefined,
    );
    throw err;
  }
  const claim = await claiming;
  if (passed) return claim;
  await releaseFirsts(events, claim);
  return null;
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
  const { variants, target } = planOf(ev);
  await Promise.all(variants.map((metric) => bumpAll(PERIODS.map((period) => target(metric, period)), treeOf(true, ev, sign), sign > 0)));
}
