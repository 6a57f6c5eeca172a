import { _, db } from '../_lib/cloud';
import { COLL } from '../_lib/collections';
import { list } from '../_lib/db-helpers';
import type { CaseDoc } from '../_lib/cases';
import type { UserDoc } from '../_lib/identity';

/** Lists page by page, ordered by what they are sorted on, so no entry is ever out of reach. */
export const PAGE_SIZE = 20;

type Query = ReturnType<ReturnType<typeof db.collection>['where']>;
type Order = Array<[string, 'asc' | 'desc']>;

/** The page asked for, with the default size. */
export const paging = (input: { page?: number; pageSize?: number }) => ({ page: input.page ?? 1, pageSize: input.pageSize ?? PAGE_SIZE });

/** Combines conditions (plain objects or commands) into one where-condition. */
export function allOf(conditions: Array<Record<string, unknown> | object>): object {
  return conditions.length === 1 ? (conditions[0] as object) : _.and(conditions as never[]);
}

/** The cases a staff member may handle, as a condition; null when that is none (no place set). */
export function areaOf(me: UserDoc): object | null {
  if (me.role === 'district' || me.role === 'admin') return {};
  if (me.role === 'town') return me.town ? { town: me.town } : null;
  if (me.role === 'station') return me.village ? _.or([{ village: me.village }, { assignee: me._id }]) : { assignee: me._id };
  return null;
}

async function count(where: object): Promise<number> {
  const res = (await db.collection(COLL.cases).where(where).count()) as { total: number };
  return res.total;
}

function ordered(where: object, order: Order): Query {
  let q = db.collection(COLL.cases).where(where);
  for (const [field, dir] of order) q = q.orderBy(field, dir);
  return q.orderBy('_id', 'asc');
}

/**
 * One page over consecutive segments of a list (each a condition with its own order): the counts
 * say which segments the page falls in, then only those rows are read. Two rounds of requests,
 * whatever the size of the list.
 */
export async function pageOfSegments(segments: Array<{ where: object; order: Order }>, page: number, pageSize: number): Promise<{ docs: CaseDoc[]; total: number }> {
  const counts = await Promise.all(segments.map((s) => count(s.where)));
  let offset = (page - 1) * pageSize;
  let wanted = pageSize;
  const reads: Array<Promise<CaseDoc[]>> = [];
  segments.forEach((s, i) => {
    const n = counts[i] ?? 0;
    if (wanted <= 0 || offset >= n) {
      offset = Math.max(0, offset - n);
      return;
    }
    const take = Math.min(wanted, n - offset);
    reads.push(list<CaseDoc>(ordered(s.where, s.order).skip(offset).limit(take)));
    wanted -= take;
    offset = 0;
  });
  return { docs: (await Promise.all(reads)).flat(), total: counts.reduce((a, b) => a + b, 0) };
}
