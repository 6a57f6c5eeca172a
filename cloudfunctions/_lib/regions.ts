import type { Town } from '../../shared/contracts/account';
import { db } from './cloud';
import { COLL } from './collections';
import { msBetween } from '../../shared/time';
import { list } from './db-helpers';

/** A village or community as stored: retired ones keep their name for history, never offered again. */
export interface VillageDoc {
  id: string;
  name: string;
  retired?: boolean;
  /** Where a merged village went: its people and open cases moved there. */
  mergedInto?: string;
  /** Its 暖心刘妈 station (工作室). */
  station?: { name: string; active: boolean } | null;
}

/** A street or town as stored, with the configured number of women. */
export type TownDoc = Omit<Town, 'villages'> & { _id: string; order: number; women: number | null; villages: VillageDoc[]; retired?: boolean };

/** A village of this town that can be chosen today (not retired), or null. */
export function liveVillage(town: Pick<TownDoc, 'villages'> | undefined | null, id: string | null | undefined): VillageDoc | null {
  if (!town || !id) return null;
  return town.villages.find((v) => v.id === id && !v.retired) ?? null;
}

/** The villages of a town that pickers offer: not retired, with id and name only. */
export function liveVillages(town: Pick<TownDoc, 'villages'>): Array<{ id: string; name: string }> {
  return town.villages.filter((v) => !v.retired).map((v) => ({ id: v.id, name: v.name }));
}

let cache: { at: number; towns: Map<string, TownDoc> } | undefined;

/** Forgets the cached places (after a staff change in this instance). */
export function forgetTowns(): void {
  cache = undefined;
}

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
