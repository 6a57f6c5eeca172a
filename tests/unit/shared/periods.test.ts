import { daysOf, keyOfDay, trendOf } from '../../../shared/domain/periods';

describe('periods in China days', () => {
  it('lists the days of a month, a week and a year', () => {
    expect(daysOf('month', '2024-02')).toHaveLength(29);
    expect(daysOf('month', '2026-11')[29]).toBe('2026-11-30');
    expect(daysOf('week', '2026-W48')).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(daysOf('week', '2026-W53')[6]).toBe('2027-01-03');
    expect(daysOf('year', '2026')).toHaveLength(365);
  });

  it('finds the period of a day, and every day of a period belongs to it', () => {
    for (const [period, key] of [['week', '2027-W01'], ['month', '2026-12'], ['year', '2026']] as const) {
      for (const day of daysOf(period, key)) expect(keyOfDay(period, day)).toBe(key);
    }
  });

  it('draws a year as 12 months and a day as the 7 days up to it', () => {
    expect(trendOf('year', '2026').map((p) => p.key)[11]).toBe('2026-12');
    expect(trendOf('day', '2026-03-02').map((p) => p.key)).toEqual(['2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });
});
