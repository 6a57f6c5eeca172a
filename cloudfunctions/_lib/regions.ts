import type { Town } from '../../shared/contracts/account';
import { db } from './cloud';
import { COLL } from './collections';
import { msBetween } from '../../shared/time';
import { list } from './db-helpers';

/** A street or town as stored, with the configured number of women. */
export type TownDoc = Town & { _id: string; order: number; women: number | null };

let cache: { at: number; towns: Map<string, TownDoc> } | undefined;

/** Streets and towns by id, cached for a minute per function instance (staff rarely change them). */
export async function townsById(now: Date): Promise<Map<string, TownDoc>> {
  if (cache && msBetween(cache.at, now) < 60_000) return cache.towns;
  const docs = await list<TownDoc>(db.collection(COLL.regions).orderBy('order', 'asc').limit(100));
  cache = { at: now.getTime(), towns: new Map(docs.map((t) => [t._id, t])) };
  return cache.towns;
}

/** The display name of a place: 全区, a town, or town and village. */
export function placeName(towns: Map<string, TownDoc>, town: string | null, village: string | null): string {
  if (!town) return '全区';
  const t = towns.get(town);
  if (!t) return '全区';
  const v = village ? t.villages.find((x) => x.id === village) : undefined;
  return v ? `${t.name}${v.name}` : t.name;
}
