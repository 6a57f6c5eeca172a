import { conflictError, targetError } from './update-rules';
import { isDate } from './values';

type Plain = Record<string, unknown>;

const FAST_OPS = new Set(['$set', '$inc', '$unset', '$push']);

/**
 * The object holding a path's last key, copying each object on the way (copy on write): the
 * document given is a shallow copy, and nothing shared with the original is ever changed.
 */
function parentOf(doc: Plain, parts: readonly string[], create: boolean, copied: Set<object>): Plain | null {
  let cur: Plain = doc;
  for (let i = 0; i < parts.length - 1; i += 1) {
    const part = parts[i] as string;
    let next = cur[part];
    // Only a missing parent is created: MongoDB never writes through a null (checked before).
    if (next === undefined) {
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
  return cur;
}

/** One field change of an update, its path split once. */
interface Step {
  op: string;
  parts: string[];
  key: string;
  value: unknown;
}

/** Updates already looked at (a multi-document update applies the same one to every document). */
const compiled = new WeakMap<Plain, Step[] | null>();

/** The steps of an update the fast path can apply, or null when it cannot. */
function compile(operators: Plain): Step[] | null {
  const steps: Step[] = [];
  const paths: string[] = [];
  for (const [op, fields] of Object.entries(operators)) {
    if (!FAST_OPS.has(op) || !fields || typeof fields !== 'object') return null;
    for (const [path, value] of Object.entries(fields as Plain)) {
      const parts = path.split('.');
      if (parts[0] === '_id' || parts.some((p) => p === '' || /^\d+$/.test(p) || p.startsWith('$'))) return null;
      if (op === '$inc' && typeof value !== 'number') return null;
      if (op === '$push' && !(value && typeof value === 'object' && Array.isArray((value as { $each?: unknown }).$each) && Object.keys(value).length === 1)) return null;
      steps.push({ op, parts, key: parts[parts.length - 1] as string, value });
      paths.push(path);
    }
  }
  return conflictError(paths) ? null : steps;
}

/**
 * Applies the update operators CloudBase requests carry most ($set, $inc, $unset, $push with
 * $each) to a shallow copy of a document, copying only the objects on the changed paths, on plain
 * dotted paths. Declines, leaving the document untouched, for anything else, including whatever
 * MongoDB would refuse (the caller's full path then checks and applies it).
 */
export function fastUpdate(doc: Plain, operators: Plain): FastResult {
  let steps = compiled.get(operators);
  if (steps === undefined) {
    steps = compile(operators);
    compiled.set(operators, steps);
  }
  if (!steps) return DECLINED;
  // Check the targets before changing anything: what MongoDB refuses is declined, and the caller's
  // full path reports it, so a refusal leaves the document as it was.
  for (const { op, parts } of steps) if (targetError(doc, op, parts)) return DECLINED;
  let changed = false;
  const copied = new Set<object>([doc]);
  for (const { op, parts, key, value } of steps) {
    const parent = parentOf(doc, parts, op !== '$unset', copied);
    if (!parent) continue;
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
