import type { Dashboard } from '@shared/contracts/stats';

/** An exact count with thousands separators: 12,345 (staff copy these into reports, so never rounded). */
export function countText(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A people count that may be unknown (人数 over a custom range): "—" then. */
export function peopleText(n: number | null): string {
  return n === null ? '—' : countText(n);
}

/** A ratio as a percentage with one decimal, "—" when there is nothing to divide by. */
export function percentText(r: number | null): string {
  return r === null ? '—' : `${(r * 100).toFixed(1)}%`;
}

/** A duration in hours as staff say it: "40 分钟", "5.2 小时", "3.1 天"; "—" when none was measured. */
export function durationText(hours: number | null): string {
  if (hours === null) return '—';
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} 分钟`;
  if (hours < 48) return `${hours.toFixed(1)} 小时`;
  return `${(hours / 24).toFixed(1)} 天`;
}

/** A score or rating with one decimal, "—" when there is none. */
export function decimalText(x: number | null): string {
  return x === null ? '—' : x.toFixed(1);
}

const LEVEL_LABELS: Record<Dashboard['scope']['level'], string> = { district: '全区', town: '镇街', village: '村（社区）' };

/** Whose figures these are: "全区", "镇街：双江镇", "村（社区）：双江镇示例村一". */
export function scopeText(scope: Dashboard['scope']): string {
  return scope.level === 'district' ? '全区' : `${LEVEL_LABELS[scope.level]}：${scope.name}`;
}

/** Each bar's share of the largest value, as a CSS percentage; a non-zero value always shows a sliver. */
export function barPercent(value: number, max: number): string {
  if (max <= 0 || value <= 0) return '0%';
  return `${Math.max(2, Math.round((value / max) * 1000) / 10)}%`;
}
