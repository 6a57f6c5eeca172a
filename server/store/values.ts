import { types } from 'node:util';

/**
 * Whether a value is a Date, from any realm: documents may pass through structuredClone or a
 * test sandbox, where `instanceof Date` is false for a real date.
 */
export function isDate(value: unknown): value is Date {
  return types.isDate(value);
}

/** A deep copy of a document in this realm: plain objects, arrays, Dates and scalars. */
export function cloneValue<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (isDate(value)) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => cloneValue(v)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = cloneValue(v);
  return out as T;
}
