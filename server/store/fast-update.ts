import { isDate } from './values';

type Plain = Record<string, unknown>;

const FAST_OPS = new Set(['$set', '$inc', '$unset', '$push']);

function parentOf(doc: Plain, path: string, create: boolean): { parent: Plain; key: string } | null {
  const parts = path.split('.');
  let cur: Plain = doc;
  for (let i = 0; i < parts.length - 1; i += 1) {
    const part = parts[i] as string;
    let next = cur[part];
    if (next === undefined || next === null) {
      if (!create) return null;
      next = {};
      cur[part] = next;
    }
    if (typeof next !== 'object' || Array.isArray(next) || isDate(next)) return null;
    cur = next as Plain;
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
 * $each) to a document in place, on plain dotted paths. Returns false, leaving the document
 * untouched, for anything else (the caller then uses mingo's full updater).
 */
export function fastUpdate(doc: Plain, operators: Plain): boolean {
  for (const [op, fields] of Object.entries(operators)) {
    if (!FAST_OPS.has(op) || !fields || typeof fields !== 'object') return false;
    for (const [path, value] of Object.entries(fields as Plain)) {
      if (path.split('.').some((p) => p === '' || /^\d+$/.test(p) || p.startsWith('$'))) return false;
      if (op === '$inc' && typeof value !== 'number') return false;
      if (op === '$push' && !(value && typeof value === 'object' && Array.isArray((value as { $each?: unknown }).$each) && Object.keys(value).length === 1)) return false;
    }
  }
  // Check the targets before changing anything, so a refusal leaves the document as it was.
  for (const [op, fields] of Object.entries(operators)) {
    for (const path of Object.keys(fields as Plain)) {
      const probe = probePath(doc, path);
      if (!probe.ok) return false;
      const current = probe.value;
      if (op === '$inc' && current !== undefined && typeof current !== 'number') return false;
      if (op === '$push' && current !== undefined && !Array.isArray(current)) return false;
    }
  }
  for (const [op, fields] of Object.entries(operators)) {
    for (const [path, value] of Object.entries(fields as Plain)) {
      const at = parentOf(doc, path, op !== '$unset');
      if (!at) continue;
      const { parent, key } = at;
      if (op === '$set') parent[key] = value;
      else if (op === '$inc') parent[key] = ((parent[key] as number | undefined) ?? 0) + (value as number);
      else if (op === '$unset') delete parent[key];
      else parent[key] = [...((parent[key] as unknown[] | undefined) ?? []), ...(value as { $each: unknown[] }).$each];
    }
  }
  return true;
}
