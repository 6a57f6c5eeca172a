import { PERIODS, periodKey, type Period } from './time';

/** The town bucket for people who have not chosen one. */
export const NO_TOWN = '_none';

/** Metrics the areas record; the dashboard reads them by these names. */
export const METRICS = {
  lessonRead: 'lesson_read',
} as const;

/** The metric name of a breakdown, e.g. `lesson_read:law=anti-dv`. */
export function metricVariant(metric: string, dim?: [string, string]): string {
  return dim ? `${metric}:${dim[0]}=${dim[1]}` : metric;
}

/** The id of the counter document of a metric in one period. */
export function counterId(metric: string, period: Period, key: string): string {
  return `${metric}|${period}|${key}`;
}

/** Every (period, key) an instant falls in, in China time. */
export function periodsOf(at: Date): Array<{ period: Period; key: string }> {
  return PERIODS.map((period) => ({ period, key: periodKey(period, at) }));
}
