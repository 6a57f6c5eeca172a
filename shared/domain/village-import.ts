/** The header of the village import (UI text: the columns staff fill in). */
export const VILLAGE_IMPORT_HEADER = ['镇街', '村（社区）', '工作室名称'] as const;

export interface VillageRow {
  row: number;
  errors: string[];
  town: string | null;
  name: string;
  station: string | null;
}

const clean = (v: string | undefined) => (v ?? '').replace(/\s+/g, '').trim();

/**
 * Checks the rows of a village list (镇街, 村（社区）, 工作室名称) against the district's towns:
 * the town by its full name, the village 1–20 characters and once per town in the file, the
 * station's name optional (≤ 30). Row numbers are the sheet's, the header being row 1.
 */
export function parseVillageRows(rows: string[][], towns: ReadonlyArray<{ id: string; name: string }>): { headerErrors: string[]; parsed: VillageRow[] } {
  const header = (rows[0] ?? []).map(clean);
  const headerErrors = VILLAGE_IMPORT_HEADER.every((h, i) => header[i] === h) ? [] : [`第一行应为：${VILLAGE_IMPORT_HEADER.join('、')}`];
  const byName = new Map(towns.map((t) => [t.name, t.id]));
  const seen = new Set<string>();
  const parsed: VillageRow[] = [];
  rows.slice(1).forEach((cells, i) => {
    const [townName, village, station] = [clean(cells[0]), clean(cells[1]), clean(cells[2])];
    if (!townName && !village && !station) return;
    const errors: string[] = [];
    const town = byName.get(townName) ?? null;
    if (!town) errors.push(townName ? `没有“${townName}”这个镇街（请写全称，如“双江镇”“梓潼街道”）` : '缺少镇街');
    if (!village) errors.push('缺少村（社区）名称');
    else if (village.length > 20) errors.push('村（社区）名称最多 20 个字');
    if (station.length > 30) errors.push('工作室名称最多 30 个字');
    const key = `${town ?? townName}|${village}`;
    if (village && seen.has(key)) errors.push('与前面的行重复');
    seen.add(key);
    parsed.push({ row: i + 2, errors, town, name: village, station: station || null });
  });
  return { headerErrors, parsed };
}
