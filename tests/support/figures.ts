import type { Host } from '../../server/host';

/** A counter document's figures: 人次 and 人数 in total, per town and per village. */
export interface Figures {
  times?: number;
  people?: number;
  towns?: Record<string, { times?: number; people?: number }>;
  villages?: Record<string, { times?: number; people?: number }>;
}

/** A day's figures of a metric (without its update time), or null before its first event. */
export function dayFigures(host: Host, metric: string, day: string): Figures | null {
  const doc = host.store.get('counters', `${metric}|day|${day}`)?.doc as (Figures & { updatedAt?: unknown }) | undefined;
  if (!doc) return null;
  const { times, people, towns, villages } = doc;
  return { times, people, towns, villages };
}

/** Every distinct-people marker as stored (ids, holders and heirs), to compare before and after. */
export const storedMarkers = (host: Host): string => JSON.stringify(host.store.candidates('markers', {}).map((m) => [m._id, m.by, m.heirs ?? null]).sort());
