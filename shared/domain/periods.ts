import { daysOf, formatDay, keyOfDay, monthsOf, addDays, type Period } from '../time';

export { daysOf, keyOfDay };

/** The points of a period's trend: days of a week or month, months of a year, the last 7 days for a day. */
export function trendOf(period: Period, key: string): Array<{ period: Period; key: string; label: string }> {
  if (period === 'year') return monthsOf(key).map((month) => ({ period: 'month', key: month, label: formatDay(`${month}-01`, 'M月') }));
  const days = period === 'day' ? Array.from({ length: 7 }, (_, i) => addDays(key, i - 6)) : daysOf(period, key);
  return days.map((d) => ({ period: 'day', key: d, label: formatDay(d, 'M/D') }));
}
