import { isDate } from './values';

type Plain = Record<string, unknown>;

const FAST_OPS = new Set(['$set', '$inc', '$unset', '$push']);

/**
 * The object holding a path's last key, copying each object on the way (copy on write): the
 * document given is a shallow copy, and nothing shared with the original is ever changed.
 */
function parentOf(doc: Plain, path: string, create: boolean, copied: Set<object>): { parent: Plain; key: string } | null {
  const parts = path.split('.');
  let cur: Plain = doc;
  for (let i = 0; i < parts.length - 1; i += 1) {
    const part = parts[i] as string;
    let next = cur[part];
    if (next === undefined || next === null) {
      if (!create) return null;
      const fresh: Plain = {};
      copied.add(fresh);
      cur[part] = fresh;
      next = fresh;
    }
    if (typeof next !== 'object' || next === null || Array.isArray(next) || isDate(next)) return null;
    let obj = next as Plain;
    if (!copied.has(obj)) {
      obj = { ...obj };
      copied.add(obj);
      cur[part] = obj;
    }
    cur = obj;
  }
  return { parent: cur, key: parts[parts.length - 1] as string };
}

/** Reads a dotted path without changing anything: ok is false when an intermediate is not an object. */
function probePath(doc: Plain, path: string): { ok: boolean; value: unknown } {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (cur === undefined || cur === null) return { ok: true, value: undefined };
    if (typeof cur !== 'object' || Array.isArray(cur) || isDate(cur)) return { ok: false, value: undefined };
    cur = (cur as Plain)[part];
  }
  return { ok: true, value: cur };
}

/**
 * Applies the update operators CloudBase requests carry most ($set, $inc, $unset, $push with
 * $each) to a shallow copy of a document, copying only the objects on the changed paths, on plain
 * dotted paths. Returns false, leaving the document
 * untouched, for anything else (the caller then uses mingo's full updater).
 */
export function fastUpdate(doc: Plain, operators: Plain): FastResult {
  for (const [op, fields] of Object.entries(operators)) {
    if (!FAST_OPS.has(op) || !fields || typeof fields !== 'object') return DECLINED;
    for (const [path, value] of Object.entries(fields as Plain)) {
      if (path.split('.').some((p) => p === '' || /^\d+$/.test(p) || p.startsWith('$'))) return DECLINED;
      if (op === '$inc' && typeof value !== 'number') return DECLINED;
      if (op === '$push' && !(value && typeof value === 'object' && Array.isArray((value as { $each?: unknown }).$each) && Object.keys(value).length === 1)) return DECLINED;
    }
  }
  // Check the targets before changing anything, so a refusal leaves the document as it was.
  for (const [op, fields] of Object.entries(operators)) {
    for (const path of Object.keys(fields as Plain)) {
      const probe = probePath(doc, path);
      if (!probe.ok) return DECLINED;
      const current = probe.value;
      if (op === '$inc' && current !== undefined && typeof current !== 'number') return DECLINED;
      if (op === '$push' && current !== undefined && !Array.isArray(current)) return DECLINED;
    }
  }
  let changed = false;
  const copied = new Set<object>([doc]);
  for (const [op, fields] of Object.entries(operators)) {
    for (const [path, value] of Object.entries(fields as Plain)) {
      const at = parentOf(doc, path, op !== '$unset', copied);
      if (!at) continue;
      const { parent, key } = at;
      // Whether the document really changes, as MongoDB counts "modified".
      if (op === '$set') changed ||= !sameValue(parent[key], value);
      else if (op === '$inc') changed ||= value !== 0 || parent[key] === undefined;
      else if (op === '$unset') changed ||= key in parent;
      else changed ||= (value as { $each: unknown[] }).$each.length > 0 || parent[key] === undefined;
      if (op === '$set') parent[key] = value;
      else if (op === '$inc') parent[key] = ((parent[key] as number | undefined) ?? 0) + (value as number);
      else if (op === '$unset') delete parent[key];
      else parent[key] = [...((parent[key] as unknown[] | undefined) ?? []), ...(value as { $each: unknown[] }).$each];
    }
  }
  return { applied: true, changed };
}

/** What the fast updater did: declined (use the full updater), or applied and whether anything changed. */
export interface FastResult {
  applied: boolean;
  changed: boolean;
}

const DECLINED: FastResult = { applied: false, changed: false };

/** Deep equality of document values (plain objects, arrays, dates, scalars). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Plain)[k], (b as Plain)[k]));
}
