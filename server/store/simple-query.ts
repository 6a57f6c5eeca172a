import { isDate } from './values';
import type { Doc } from './types';

type Plain = Record<string, unknown>;

/** One condition of a simple query: a top-level field equal to, not equal to, or in scalars. */
export interface Condition {
  field: string;
  not: boolean;
  values: Scalar[];
}

type Scalar = string | number | boolean | null;

const isScalar = (v: unknown): v is Scalar => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The conditions of a query made only of equality, $eq, $ne and $in on top-level fields, or null. */
export function simpleConditions(query: Plain): Condition[] | null {
  const out: Condition[] = [];
  for (const [field, cond] of Object.entries(query)) {
    if (field.startsWith('$') || field.includes('.')) return null;
    if (typeof cond === 'number' && Number.isNaN(cond)) return null;
    if (isScalar(cond)) {
      out.push({ field, not: false, values: [cond] });
      continue;
    }
    if (cond === null || typeof cond !== 'object' || Array.isArray(cond) || isDate(cond) || cond instanceof RegExp) return null;
    const ops = Object.entries(cond as Plain);
    if (ops.length !== 1) return null;
    const [op, value] = ops[0] as [string, unknown];
    if (typeof value === 'number' && Number.isNaN(value)) return null;
    if ((op === '$eq' || op === '$ne') && isScalar(value)) out.push({ field, not: op === '$ne', values: [value] });
    else if (op === '$in' && Array.isArray(value)) {
      const values: unknown[] = value;
      if (!values.every((x): x is Scalar => isScalar(x) && !Number.isNaN(x))) return null;
      out.push({ field, not: false, values });
    } else return null;
  }
  return out;
}

/**
 * Whether a document meets simple conditions, as MongoDB decides it (null matches a missing
 * field); undefined when a field holds an array, object or date (MongoDB's rules for those are
 * left to the full query engine).
 */
export function testSimple(doc: Doc, conditions: Condition[]): boolean | undefined {
  let result = true;
  for (const { field, not, values } of conditions) {
    const v = doc[field];
    if (v !== null && v !== undefined && typeof v === 'object') return undefined;
    const hit = values.some((x) => (x === null ? v === null || v === undefined : v === x));
    if (hit === not) result = false;
  }
  return result;
}
