import { useCallback, useMemo, useState } from 'react';
import type { Input } from '@shared/contracts';
import { keyOfDay } from '@shared/domain/periods';
import { addDays, addMonths, chinaDay, daysBetween } from '@shared/time';

/** A period kind of the dashboard: a day, week, month or year containing a date, or a custom range. */
export type PeriodKind = Input<'stats', 'dashboard'>['kind'];

/** The longest custom range the server sums (day counters, one read each). */
export const MAX_CUSTOM_DAYS = 92;

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The same date one period earlier (-1) or later (+1). */
export function shiftDay(kind: Exclude<PeriodKind, 'custom'>, day: string, step: -1 | 1): string {
  if (kind === 'day') return addDays(day, step);
  if (kind === 'week') return addDays(day, 7 * step);
  return addMonths(day, kind === 'month' ? step : 12 * step);
}

/** Why a custom range cannot be read (the server refuses the same), or null. */
export function customProblem(from: string, to: string): string | null {
  if (!isDay(from) || !isDay(to)) return '请选择开始和结束日期';
  if (from > to) return '开始日期不能晚于结束日期';
  if (daysBetween(from, to) + 1 > MAX_CUSTOM_DAYS) return `自定义时段最长 ${MAX_CUSTOM_DAYS} 天，更长请按月或按年查看`;
  return null;
}

export interface StatsPeriod {
  kind: PeriodKind;
  setKind: (kind: PeriodKind) => void;
  /** Any day of the period shown (day, week, month, year). */
  date: string;
  setDate: (date: string) => void;
  from: string;
  to: string;
  setRange: (patch: { from?: string; to?: string }) => void;
  /** The previous or next period; the next stops at the one containing today. */
  step: (direction: -1 | 1) => void;
  canStepForward: boolean;
  /** What the dashboard and the export are asked for; null while a custom range is not valid. */
  input: Input<'stats', 'dashboard'> | null;
  /** Why `input` is null. */
  problem: string | null;
}

/** The period the dashboard shows: this month at first; steps, a date, or a custom range (≤ 92 days). */
export function useStatsPeriod(): StatsPeriod {
  const today = chinaDay(new Date());
  const [kind, setKind] = useState<PeriodKind>('month');
  const [date, setDateState] = useState(today);
  const [from, setFrom] = useState(() => addDays(today, -6));
  const [to, setTo] = useState(today);

  const setDate = useCallback((d: string) => {
    if (isDay(d)) setDateState(d);
  }, []);
  const setRange = useCallback((patch: { from?: string; to?: string }) => {
    if (patch.from !== undefined) setFrom(patch.from);
    if (patch.to !== undefined) setTo(patch.to);
  }, []);

  const canStepForward = kind !== 'custom' && keyOfDay(kind, date) < keyOfDay(kind, today);
  const step = useCallback(
    (direction: -1 | 1) => {
      if (kind === 'custom') return;
      const next = shiftDay(kind, date, direction);
      // Never past today: the date picker shows the day actually asked for.
      setDateState(next > today ? today : next);
    },
    [kind, date, today],
  );

  const problem = kind === 'custom' ? customProblem(from, to) : null;
  const input = useMemo<Input<'stats', 'dashboard'> | null>(() => {
    if (kind !== 'custom') return { kind, date };
    return problem ? null : { kind, from, to };
  }, [kind, date, from, to, problem]);

  return { kind, setKind, date, setDate, from, to, setRange, step, canStepForward, input, problem };
}
