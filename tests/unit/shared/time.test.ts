import { chinaDay, chinaWeek, periodKey } from '../../../shared/time';

// Instants are built in UTC; the helper must give China dates whatever the process time zone.
const utc = (iso: string) => new Date(`${iso}Z`);

describe('China time periods', () => {
  it('puts 23:59:59 and 00:00:00 China time on different days', () => {
    expect(chinaDay(utc('2026-03-01T15:59:59'))).toBe('2026-03-01');
    expect(chinaDay(utc('2026-03-01T16:00:00'))).toBe('2026-03-02');
  });

  it('counts an early-morning UTC instant on the same China day', () => {
    expect(chinaDay(utc('2026-03-02T00:30:00'))).toBe('2026-03-02');
  });

  it('starts a China week on Monday 00:00', () => {
    // 2026-03-01 is a Sunday; Monday 2026-03-02 00:00 China = 2026-03-01T16:00Z.
    expect(chinaWeek(utc('2026-03-01T15:59:59'))).toBe('2026-W09');
    expect(chinaWeek(utc('2026-03-01T16:00:00'))).toBe('2026-W10');
  });

  it('gives ISO week years across the new year', () => {
    expect(chinaWeek(utc('2026-12-31T12:00:00'))).toBe('2026-W53');
    expect(chinaWeek(utc('2027-01-03T12:00:00'))).toBe('2026-W53');
    expect(chinaWeek(utc('2027-01-04T12:00:00'))).toBe('2027-W01');
    expect(chinaWeek(utc('2025-12-29T12:00:00'))).toBe('2026-W01');
  });

  it('turns the year at China midnight, not UTC midnight', () => {
    expect(periodKey('year', utc('2026-12-31T15:59:59'))).toBe('2026');
    expect(periodKey('year', utc('2026-12-31T16:00:00'))).toBe('2027');
    expect(periodKey('month', utc('2026-01-31T16:00:00'))).toBe('2026-02');
  });
});
