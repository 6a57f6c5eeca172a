import { chinaDay, chinaWeek, type Period } from '../time';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A China calendar day as the UTC instant of its noon (safe for day arithmetic). */
function noonOf(day: string): Date {
  return new Date(`${day}T04:00:00Z`);
}

/** The key of a period containing a China day. */
export function keyOfDay(period: Period, day: string): string {
  if (period === 'day') return day;
  if (period === 'week') return chinaWeek(noonOf(day));
  if (period === 'month') return day.slice(0, 7);
  return day.slice(0, 4);
}

/** The China days of a period, in order. */
export function daysOf(period: Period, key: string): string[] {
  if (period === 'day') return [key];
  if (period === 'year') return Array.from({ length: 12 }, (_, m) => daysOf('month', `${key}-${String(m + 1).padStart(2, '0')}`)).flat();
  if (period === 'month') {
    const [y, m] = key.split('-').map(Number) as [number, number];
    const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return Array.from({ length: count }, (_, d) => `${key}-${String(d + 1).padStart(2, '0')}`);
  }
  // ISO week: find its Monday from the week's Thursday.
  const [yearText, weekText] = key.split('-W') as [string, string];
  const jan4 = Date.UTC(Number(yearText), 0, 4);
  const jan4Dow = new Date(jan4).getUTCDay() || 7;
  const monday = jan4 - (jan4Dow - 1) * DAY_MS + (Number(weekText) - 1) * 7 * DAY_MS;
  return Array.from({ length: 7 }, (_, d) => chinaDay(new Date(monday + d * DAY_MS + 4 * 3600 * 1000)));
}

/** The points of a period's trend: days of a week or month, months of a year, the last 7 days for a day. */
export function trendOf(period: Period, key: string): Array<{ period: Period; key: string; label: string }> {
  if (period === 'year') return Array.from({ length: 12 }, (_, m) => ({ period: 'month', key: `${key}-${String(m + 1).padStart(2, '0')}`, label: `${m + 1}月` }));
  const days = period === 'day' ? Array.from({ length: 7 }, (_, i) => chinaDay(new Date(noonOf(key).getTime() - (6 - i) * DAY_MS))) : daysOf(period, key);
  return days.map((d) => ({ period: 'day', key: d, label: `${Number(d.slice(5, 7))}/${Number(d.slice(8, 10))}` }));
}
