import { _, db } from '../_lib/cloud';
import { COLL } from '../_lib/collections';
import { list } from '../_lib/db-helpers';
import type { Reserved } from '../_lib/campaigns';

/** The questions open campaigns have reserved, and for each law the title of one such campaign. */
export interface SetAside {
  ids: Set<string>;
  titleByLaw: Map<string, string>;
}

/**
 * Fair campaigns: a published campaign draws only from questions reserved for it (a part of each
 * law's bank, chosen when it is saved published). From publication to its end those questions are
 * set aside: practice, 每日一题 and drills do not draw them and the mistake book does not show them,
 * so no answer of the campaign is revealed outside it; the rest of every law stays open. A removed
 * campaign (no one can take it) sets nothing aside. One read, with the call's other first reads.
 */
export async function setAside(now: Date): Promise<SetAside> {
  const open = await list<{ _id: string; title: string; reserved?: Reserved }>(
    db
      .collection(COLL.campaigns)
      .where({ published: true, endsAt: _.gte(now), removed: _.neq(true) })
      .field({ _id: true, title: true, reserved: true })
      .orderBy('endsAt', 'asc')
      .limit(100),
  );
  const out: SetAside = { ids: new Set(), titleByLaw: new Map() };
  for (const c of open) {
    for (const [lawId, ids] of Object.entries(c.reserved ?? {})) {
      if (ids.length === 0) continue;
      for (const id of ids) out.ids.add(id);
      if (!out.titleByLaw.has(lawId)) out.titleByLaw.set(lawId, c.title);
    }
  }
  return out;
}

/** Ids per `_.in`/`_.nin` list: CloudBase's limit on such lists is not documented; a hundred is what every id list here uses. */
const ID_LIST_MAX = 100;

function idLists(ids: Iterable<string>): string[][] {
  const all = [...ids];
  const out: string[][] = [];
  for (let i = 0; i < all.length; i += ID_LIST_MAX) out.push(all.slice(i, i + ID_LIST_MAX));
  return out;
}

/** `where`, narrowed to documents whose `field` is none of `ids`. */
export function noneOf(where: Record<string, unknown>, field: string, ids: Iterable<string>): Record<string, unknown> {
  const lists = idLists(ids);
  if (lists.length === 0) return where;
  if (lists.length === 1) return { ...where, [field]: _.nin(lists[0] as string[]) };
  return _.and([where, ...lists.map((l) => ({ [field]: _.nin(l) }))]) as unknown as Record<string, unknown>;
}

/** `where`, narrowed to documents whose `field` is one of `ids` (null: none can be). */
export function oneOf(where: Record<string, unknown>, field: string, ids: Iterable<string>): Record<string, unknown> | null {
  const lists = idLists(ids);
  if (lists.length === 0) return null;
  if (lists.length === 1) return { ...where, [field]: _.in(lists[0] as string[]) };
  return _.and([where, _.or(lists.map((l) => ({ [field]: _.in(l) })))]) as unknown as Record<string, unknown>;
}
