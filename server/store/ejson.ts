import { isDate } from './values';

type Plain = Record<string, unknown>;

/** Turns one EJSON wrapper object into its value, or returns undefined when it is not one. */
function unwrap(obj: Plain, now: number): unknown {
  const keys = Object.keys(obj);
  if (keys.length === 1) {
    const k = keys[0] as string;
    const v = obj[k];
    switch (k) {
      case '$numberInt':
      case '$numberLong':
        return Number(v);
      case '$numberDouble':
        return v === 'NaN' ? Number.NaN : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : Number(v);
      case '$numberDecimal':
        return Number(v);
      case '$date':
        if (typeof v === 'string' || typeof v === 'number') return new Date(v);
        if (isDate(v)) return v;
        return undefined;
      case '$regularExpression': {
        const r = v as { pattern?: unknown; options?: unknown };
        const options = typeof r.options === 'string' ? r.options : '';
        return new RegExp(typeof r.pattern === 'string' ? r.pattern : '', options.replace(/[^gimsuy]/g, ''));
      }
      case '$tcb_server_date': {
        const offset = (v as { offset?: unknown }).offset;
        return new Date(now + (typeof offset === 'number' ? offset : 0));
      }
      case '$oid':
        return String(v);
      default:
        return undefined;
    }
  }
  return undefined;
}

/**
 * Parses the extended JSON the SDK sends (canonical numbers, dates, regexes, server dates) in one
 * native JSON.parse pass: regexes become RegExp for mingo, server dates the store's clock.
 */
export function parseEjson(text: string, now: number): unknown {
  return JSON.parse(text, function revive(_key: string, value: unknown) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const out = unwrap(value as Plain, now);
      if (out !== undefined) return out;
    }
    return value;
  });
}

/**
 * Relaxed extended JSON of a document (what the SDK's EJSON.parse reads back): JSON, with dates as
 * {"$date": ISO}. Used for replies and for the stored bodies.
 */
export function stringifyEjson(doc: unknown): string {
  return JSON.stringify(doc, function replace(this: Plain, key: string, value: unknown) {
    const raw = this[key];
    if (isDate(raw)) return { $date: Number.isNaN(raw.getTime()) ? null : raw.toISOString() };
    if (raw instanceof RegExp) return { $regularExpression: { pattern: raw.source, options: raw.flags } };
    if (typeof value === 'number' && !Number.isFinite(value)) return { $numberDouble: Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity' };
    return value;
  });
}
