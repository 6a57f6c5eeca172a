import { isDate } from './values';
import type { IndexDecl } from './types';

/** Reads a dotted path of a document. */
export function pathValue(doc: Record<string, unknown>, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** A stable text key of an indexable scalar, or undefined when the value cannot be indexed. */
export function scalarKey(value: unknown): string | undefined {
  if (value === undefined || value === null) return 'z';
  if (typeof value === 'string') return `s:${value}`;
  if (typeof value === 'number') return `n:${value}`;
  if (typeof value === 'boolean') return `b:${value ? 1 : 0}`;
  if (isDate(value)) return `d:${value.getTime()}`;
  return undefined;
}

/** Index rows of a document: one for the first field alone and one for all fields (if several). */
export function indexRows(index: IndexDecl, doc: Record<string, unknown>): Array<{ idx: string; key: string }> {
  const keys = index.fields.map(([field]) => scalarKey(pathValue(doc, field)));
  if (keys.some((k) => k === undefined)) return [];
  const rows = [{ idx: `${index.name}#1`, key: keys[0] as string }];
  if (keys.length > 1) rows.push({ idx: `${index.name}#*`, key: keys.join('\u0001') });
  return rows;
}

/** Top-level equality constraints of a query (including inside `$and`). */
export function equalities(query: Record<string, unknown>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [field, cond] of Object.entries(query)) {
    if (field === '$and' && Array.isArray(cond)) {
      for (const sub of cond) {
        if (sub && typeof sub === 'object') for (const [f, v] of equalities(sub as Record<string, unknown>)) out.set(f, v);
      }
      continue;
    }
    if (field.startsWith('$')) continue;
    if (cond !== null && typeof cond === 'object' && !isDate(cond)) {
      const ops = Object.keys(cond);
      if (ops.length === 1 && ops[0] === '$eq') out.set(field, (cond as { $eq: unknown }).$eq);
      else if (ops.length === 1 && ops[0] === '$in' && field === '_id') out.set(field, cond);
      continue;
    }
    out.set(field, cond);
  }
  return out;
}

/** How to find candidates of a query: by ids, by an index row, or by scanning. */
export type Plan = { kind: 'ids'; ids: string[] } | { kind: 'index'; idx: string; key: string } | { kind: 'scan' };

/** Chooses the narrowest plan the `_id` and the declared indexes allow. */
export function planQuery(query: Record<string, unknown>, indexes: IndexDecl[]): Plan {
  const eq = equalities(query);
  const id = eq.get('_id');
  if (typeof id === 'string') return { kind: 'ids', ids: [id] };
  if (id && typeof id === 'object' && Array.isArray((id as { $in?: unknown }).$in)) {
    const ids = (id as { $in: unknown[] }).$in.filter((v): v is string => typeof v === 'string');
    return { kind: 'ids', ids };
  }
  let best: Plan = { kind: 'scan' };
  let bestScore = 0;
  for (const index of indexes) {
    const fields = index.fields.map(([f]) => f);
    const keys = fields.map((f) => (eq.has(f) ? scalarKey(eq.get(f)) : undefined));
    if (keys.every((k) => k !== undefined) && fields.length > 1 && fields.length > bestScore) {
      best = { kind: 'index', idx: `${index.name}#*`, key: keys.join('\u0001') };
      bestScore = fields.length;
    } else if (keys[0] !== undefined && bestScore < 1) {
      best = { kind: 'index', idx: `${index.name}#1`, key: keys[0] };
      bestScore = 1;
    }
  }
  return best;
}
