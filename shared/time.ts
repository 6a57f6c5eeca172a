/**
 * Dates and times of the shared code and the functions, on dayjs: China time and its periods, day
 * arithmetic, deadlines. With client/time.ts (display), the only place that reads or computes dates
 * (tests/unit/date-modules.test.ts keeps it so).
 *
 * China time is a fixed UTC+8 (Asia/Shanghai has had no daylight saving since 1991), applied with
 * dayjs's `utc` plugin: an instant shifted by 8 hours and read in UTC mode gives China's calendar,
 * whatever the process or phone time zone. No `timezone` plugin: it needs Intl time-zone data (Node 16
 * builds with small ICU, WeChat's JS engines) and adds size for a zone that never changes.
 */
import dayjs, { type Dayjs } from 'dayjs';
import isoWeek from 'dayjs/plugin/isoWeek';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(isoWeek);

export { dayjs };

const CHINA_OFFSET_HOURS = 8;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const TIME_PATTERN = /^\d{2}:\d{2}$/;

/** Period kinds counters are kept for. */
export const PERIODS = ['day', 'week', 'month', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/** An instant's China wall clock: a UTC-mode dayjs whose fields read China time (never turn it back into an instant). */
export function chinaWall(at: Date | number | string): Dayjs {
  return dayjs.utc(at).add(CHINA_OFFSET_HOURS, 'hour');
}

/** A China calendar day `YYYY-MM-DD` as a wall clock at its midnight. */
const wallOfDay = (day: string): Dayjs => dayjs.utc(day);

/** The China calendar day of an instant, `YYYY-MM-DD`. */
export function chinaDay(at: Date): string {
  return chinaWall(at).format('YYYY-MM-DD');
}

const weekOfWall = (w: Dayjs): string => `${w.isoWeekYear()}-W${String(w.isoWeek()).padStart(2, '0')}`;

/** The ISO week (Monday first) of an instant in China time, `YYYY-Www`. */
export function chinaWeek(at: Date): string {
  return weekOfWall(chinaWall(at));
}

/** The key of the period containing an instant, in China time. */
export function periodKey(period: Period, at: Date): string {
  return keyOfDay(period, chinaDay(at));
}

/** The key of the period containing a China day. */
export function keyOfDay(period: Period, day: string): string {
  switch (period) {
    case 'day':
      return day;
    case 'week':
      return weekOfWall(wallOfDay(day));
    case 'month':
      return wallOfDay(day).format('YYYY-MM');
    case 'year':
      return wallOfDay(day).format('YYYY');
  }
}

/** The China year of an instant. */
export function chinaYear(at: Date): number {
  return chinaWall(at).year();
}

/** The year of a China day `YYYY-MM-DD`. */
export function yearOfDay(day: string): number {
  return wallOfDay(day).year();
}

/** A China day moved by whole days. */
export function addDays(day: string, n: number): string {
  return wallOfDay(day).add(n, 'day').format('YYYY-MM-DD');
}

/** A China day moved by whole months, kept within the target month (Jan 31 + 1 month = Feb 28). */
export function addMonths(day: string, n: number): string {
  return wallOfDay(day).add(n, 'month').format('YYYY-MM-DD');
}

/** Whole days from China day `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return wallOfDay(to).diff(wallOfDay(from), 'day');
}

/** The China days of a period, in order. */
export function daysOf(period: Period, key: string): string[] {
  if (period === 'day') return [key];
  if (period === 'year') return monthsOf(key).flatMap((month) => daysOf('month', month));
  if (period === 'month') {
    const first = dayjs.utc(`${key}-01`);
    return Array.from({ length: first.daysInMonth() }, (_, d) => first.add(d, 'day').format('YYYY-MM-DD'));
  }
  // ISO week: the Monday of week 1 is the Monday of the week holding January 4.
  const [yearText, weekText] = key.split('-W') as [string, string];
  const monday = dayjs.utc(`${yearText}-01-04`).startOf('isoWeek').add(Number(weekText) - 1, 'week');
  return Array.from({ length: 7 }, (_, d) => monday.add(d, 'day').format('YYYY-MM-DD'));
}

/** The month keys `YYYY-MM` of a year. */
export function monthsOf(year: string): string[] {
  const first = dayjs.utc(`${year}-01-01`);
  return Array.from({ length: 12 }, (_, m) => first.add(m, 'month').format('YYYY-MM'));
}

/** A China day or month key in another shape: `formatDay('2026-03-02', 'M/D')` is "3/2". */
export function formatDay(day: string, pattern: string): string {
  return wallOfDay(day).format(pattern);
}

/** A period key in words: "2026-03-02", "2026 年第 09 周", "2026 年 3 月", "2026 年". */
export function periodLabel(period: Period, key: string): string {
  if (period === 'day') return key;
  if (period === 'week') return `${key.replace('-W', ' 年第 ')} 周`;
  if (period === 'month') return formatDay(`${key}-01`, 'YYYY 年 M 月');
  return `${key} 年`;
}

/** A China date `YYYY-MM-DD` and time `HH:mm` as an instant; null when either is malformed. */
export function chinaInstant(day: string, time = '00:00'): Date | null {
  if (!DAY_PATTERN.test(day) || !TIME_PATTERN.test(time)) return null;
  const wall = dayjs.utc(`${day}T${time}`);
  return wall.isValid() ? wall.subtract(CHINA_OFFSET_HOURS, 'hour').toDate() : null;
}

/** An ISO 8601 instant (with its offset) as a Date; null when malformed. */
export function parseInstant(text: string): Date | null {
  const at = dayjs(text);
  return at.isValid() ? at.toDate() : null;
}

/** An instant moved by an amount of time (days are 24 hours). */
export function later(at: Date, amount: number, unit: 'millisecond' | 'second' | 'minute' | 'hour' | 'day'): Date {
  return dayjs.utc(at).add(amount, unit).toDate();
}

/** A span of milliseconds in hours (fractional). */
export function hoursOf(ms: number): number {
  return dayjs.utc(0).add(ms, 'millisecond').diff(dayjs.utc(0), 'hour', true);
}

/** Milliseconds from one instant to another (negative when `to` is earlier). */
export function msBetween(from: Date | number | string, to: Date | number | string): number {
  return dayjs(to).diff(dayjs(from));
}

/**
 * The calendar date (and time of day, when there is one) of a spreadsheet date serial: days since
 * 1899-12-30 (1904-01-01 in the 1904 system), no time zone. `YYYY-MM-DD`, `YYYY-MM-DD HH:mm[:ss]`,
 * or `HH:mm[:ss]` for a time alone.
 */
export function spreadsheetDateText(serial: number, date1904: boolean): string {
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86_400);
  if (seconds === 86_400) {
    days += 1;
    seconds = 0;
  }
  // The 1900 system counts a 29 February 1900 that never was: serials before it start a day later.
  const epoch = dayjs.utc(date1904 ? '1904-01-01' : days < 61 ? '1899-12-31' : '1899-12-30');
  const at = epoch.add(days, 'day').add(seconds, 'second');
  const time = at.format(seconds % 60 ? 'HH:mm:ss' : 'HH:mm');
  if (days === 0 && !date1904) return time;
  return seconds ? `${at.format('YYYY-MM-DD')} ${time}` : at.format('YYYY-MM-DD');
}

/** An instant as an HTTP date (RFC 9110 IMF-fixdate), as Last-Modified carries it. */
export function httpDate(ms: number): string {
  return dayjs.utc(ms).format('ddd, DD MMM YYYY HH:mm:ss [GMT]');
}

/** An HTTP date (If-Modified-Since) in milliseconds, or null when it is not a date. */
export function httpDateMs(text: string): number | null {
  const at = dayjs(text);
  return at.isValid() ? at.valueOf() : null;
}

