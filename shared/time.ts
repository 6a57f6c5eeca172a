/**
 * China time (Asia/Shanghai, UTC+8 all year, no daylight saving) whatever the server's zone.
 * The one time-zone helper of the code base.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Period kinds counters are kept for. */
export const PERIODS = ['day', 'week', 'month', 'year'] as const;
export type Period = (typeof PERIODS)[number];

function chinaParts(at: Date): { y: number; m: number; d: number; dow: number } {
  const shifted = new Date(at.getTime() + CHINA_OFFSET_MS);
  return { y: shifted.getUTCFullYear(), m: shifted.getUTCMonth() + 1, d: shifted.getUTCDate(), dow: shifted.getUTCDay() };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** The China calendar day of an instant, `YYYY-MM-DD`. */
export function chinaDay(at: Date): string {
  const { y, m, d } = chinaParts(at);
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** The ISO week (Monday first) of an instant in China time, `YYYY-Www`. */
export function chinaWeek(at: Date): string {
  const { y, m, d, dow } = chinaParts(at);
  const date = Date.UTC(y, m - 1, d);
  const isoDow = dow === 0 ? 7 : dow;
  const thursday = new Date(date + (4 - isoDow) * DAY_MS);
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / DAY_MS / 7) + 1;
  return `${weekYear}-W${pad(week)}`;
}

/** The key of the period containing an instant, in China time. */
export function periodKey(period: Period, at: Date): string {
  switch (period) {
    case 'day':
      return chinaDay(at);
    case 'week':
      return chinaWeek(at);
    case 'month':
      return chinaDay(at).slice(0, 7);
    case 'year':
      return chinaDay(at).slice(0, 4);
  }
}
