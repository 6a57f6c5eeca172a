/**
 * Dates and times as the app shows them, on dayjs through shared/time.ts (China time, UTC+8, whatever
 * the phone's zone): absolute stamps, countdowns, deadlines in words, and the China date and time
 * pickers of staff forms. With shared/time.ts, the only place that reads or computes dates.
 */
import { chinaInstant, chinaWall, dayjs, msBetween } from '@shared/time';

export { msBetween };

/** An instant as China `YYYY-MM-DD` and `HH:mm` (both empty for a malformed instant). */
export function chinaDateTime(iso: string): { date: string; time: string } {
  const wall = chinaWall(iso);
  if (!wall.isValid()) return { date: '', time: '' };
  return { date: wall.format('YYYY-MM-DD'), time: wall.format('HH:mm') };
}

/** China date and time as an ISO instant; null when either is missing or malformed. */
export function isoOfChina(date: string, time: string): string | null {
  return chinaInstant(date, time)?.toISOString() ?? null;
}

/** An instant as China date and time, "2026-11-29 14:05" (staff read times in China time). */
export function chinaStamp(iso: string | null): string {
  if (!iso) return '';
  const { date, time } = chinaDateTime(iso);
  return date ? `${date} ${time}` : '';
}

/** The China calendar day of an ISO time, YYYY-MM-DD (empty for a bad value). */
export function dayOf(iso: string): string {
  return chinaDateTime(iso).date;
}

/** The China day `days` whole days after an instant (a form's default date). */
export function dayAfter(at: number, days: number): string {
  return chinaWall(at).add(days, 'day').format('YYYY-MM-DD');
}

const EPOCH = dayjs.utc(0);

/** Seconds as mm:ss (a quiz's time left; minutes go past 59 for long limits). */
export function clock(seconds: number): string {
  const span = EPOCH.add(Math.max(0, Math.floor(seconds)), 'second');
  return `${String(span.diff(EPOCH, 'minute')).padStart(2, '0')}:${span.format('ss')}`;
}

/** A span of time in words for a countdown: "2 天 3 小时" when long, else hh:mm:ss. */
export function countdown(ms: number): string {
  const span = EPOCH.add(Math.max(0, Math.floor(ms / 1000)), 'second');
  const days = span.diff(EPOCH, 'day');
  if (days > 0) return `${days} 天 ${span.hour()} 小时`;
  return span.format('HH:mm:ss');
}

/** A time limit in words: "10 分钟", "1 分 30 秒". */
export function duration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (m === 0) return `${s} 秒`;
  return s === 0 ? `${m} 分钟` : `${m} 分 ${s} 秒`;
}

/** Whether staff closed a topic before its deadline (its deadline is then no longer news). */
export function closedEarly(deadline: string, open: boolean, now: number): boolean {
  return !open && msBetween(now, deadline) > 0;
}

/** A topic's countdown in plain words: "还有 3 天截止", "还有 5 小时截止", "已截止", or "已结束征集" when closed early. */
export function deadlineText(deadline: string, open: boolean, now: number): string {
  if (closedEarly(deadline, open, now)) return '已结束征集';
  const left = msBetween(now, deadline);
  if (!open || !Number.isFinite(left) || left <= 0) return '已截止';
  const end = dayjs.utc(deadline);
  const days = end.diff(dayjs.utc(now), 'day');
  if (days >= 1) return `还有 ${days} 天截止`;
  return `还有 ${Math.max(1, Math.ceil(end.diff(dayjs.utc(now), 'hour', true)))} 小时截止`;
}

/** Milliseconds from `now` to an ISO instant: positive while it is ahead (NaN for a malformed one). */
export function msUntil(iso: string, now: number): number {
  return msBetween(now, iso);
}

/** An ISO instant in milliseconds since the epoch (NaN for a malformed one). */
export function epochMs(iso: string): number {
  return dayjs.utc(iso).valueOf();
}

/** Whole seconds from `now` to `end` (both in ms since the epoch), rounded up, never below 0. */
export function secondsUntil(end: number, now: number): number {
  return Math.max(0, Math.ceil(dayjs.utc(end).diff(dayjs.utc(now), 'second', true)));
}

/** An instant `seconds` after another, in milliseconds since the epoch. */
export function secondsAfter(at: number, seconds: number): number {
  return dayjs.utc(at).add(seconds, 'second').valueOf();
}
