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

/**
 * The calendar date (and time of day, when there is one) of a spreadsheet date serial: days since
 * 1899-12-30 (1904-01-01 in the 1904 system), no time zone. `YYYY-MM-DD`, `YYYY-MM-DD HH:mm[:ss]`,
 * or `HH:mm[:ss]` for a time alone.
 */
export function spreadsheetDateText(serial: number, date1904: boolean): string {
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86400);
  if (seconds === 86400) {
    days += 1;
    seconds = 0;
  }
  const time = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}${seconds % 60 ? `:${pad(seconds % 60)}` : ''}`;
  if (days === 0 && !date1904) return time;
  // The 1900 system counts a 29 February 1900 that never was: serials before it start a day later.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, days < 61 ? 31 : 30);
  const date = new Date(epoch + days * DAY_MS).toISOString().slice(0, 10);
  return seconds ? `${date} ${time}` : date;
}
