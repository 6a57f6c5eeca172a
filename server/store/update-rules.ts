import { isDate } from './values';

type Plain = Record<string, unknown>;

// What MongoDB refuses in an update, with its messages. CloudBase's document database runs the
// update on MongoDB and answers its refusal as DATABASE_REQUEST_FAILED (-502001 in the SDK):
// - $set: https://www.mongodb.com/docs/manual/reference/operator/update/set/ (dotted paths create
//   missing embedded documents, never through null or a scalar: SERVER-5143, "Cannot create field")
// - $inc: https://www.mongodb.com/docs/manual/reference/operator/update/inc/ ("Use of the $inc
//   operator on a field with a null value will generate an error")
// - $push: https://www.mongodb.com/docs/manual/reference/operator/update/push/ ("If the field is
//   not an array, the operation will fail")

/** Operators that create the fields on their path (a missing parent becomes an embedded document). */
const CREATING = new Set(['$set', '$setOnInsert', '$inc', '$mul', '$min', '$max', '$push', '$addToSet', '$currentDate']);
const NUMERIC = new Set(['$inc', '$mul']);

/** MongoDB's short name of a value's BSON type, as its messages print it. */
export function bsonTypeName(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 31 ? 'int' : 'double';
  if (isDate(v)) return 'date';
  if (Array.isArray(v)) return 'array';
  if (v instanceof RegExp) return 'regex';
  return 'object';
}

/** A value as MongoDB's messages print it (shell-like, shortened). */
export function renderValue(v: unknown, depth = 0): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isDate(v)) return `new Date(${v.getTime()})`;
  if (depth > 2) return '...';
  if (Array.isArray(v)) return v.length === 0 ? '[]' : `[ ${v.slice(0, 5).map((x) => renderValue(x, depth + 1)).join(', ')}${v.length > 5 ? ', ...' : ''} ]`;
  const entries = Object.entries(v as Plain);
  if (entries.length === 0) return '{}';
  return `{ ${entries.slice(0, 5).map(([k, x]) => `${k}: ${renderValue(x, depth + 1)}`).join(', ')}${entries.length > 5 ? ', ...' : ''} }`;
}

const isIndex = (part: string) => part.length > 0 && part.length < 10 && /^\d+$/.test(part);

/** Whether a value is a plain embedded document (a path can go through it). */
function isEmbedded(v: unknown): v is Plain {
  if (v === null || typeof v !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null || (!Array.isArray(v) && !isDate(v) && !(v instanceof RegExp));
}

/**
 * What MongoDB answers for one field change `op` on a plain dotted path (no positional parts, not
 * `_id`) of `doc`, or null when it is allowed. Allocates nothing when allowed (the fast path runs
 * it for every step of every update).
 */
export function targetError(doc: Plain, op: string, parts: readonly string[]): string | null {
  let cur: unknown = doc;
  for (let i = 0; i < parts.length; i += 1) {
    // A missing parent is created by the operators that create, and left alone by the others.
    if (cur === undefined) return null;
    const part = parts[i] as string;
    if (isEmbedded(cur)) cur = Object.prototype.hasOwnProperty.call(cur, part) ? cur[part] : undefined;
    else if (Array.isArray(cur) && isIndex(part)) cur = cur[Number(part)];
    else return CREATING.has(op) ? `Cannot create field '${part}' in element {${parts[i - 1] as string}: ${renderValue(cur)}}` : null;
  }
  if (cur === undefined || Array.isArray(cur)) return NUMERIC.has(op) && Array.isArray(cur) ? nonNumeric(doc, op, parts, cur) : null;
  if (NUMERIC.has(op)) return typeof cur === 'number' ? null : nonNumeric(doc, op, parts, cur);
  const path = parts.join('.');
  const field = parts[parts.length - 1] as string;
  if (op === '$push') return `The field '${path}' must be an array but is of type ${bsonTypeName(cur)} in document {_id: ${renderValue(doc._id)}}`;
  if (op === '$addToSet') return `Cannot apply $addToSet to non-array field. Field named '${field}' has non-array type ${bsonTypeName(cur)}`;
  if (op === '$pull' || op === '$pullAll') return 'Cannot apply $pull to a non-array value';
  if (op === '$pop') return `Path '${path}' contains an element of non-array type '${bsonTypeName(cur)}'`;
  return null;
}

function nonNumeric(doc: Plain, op: string, parts: readonly string[], current: unknown): string {
  return `Cannot apply ${op} to a value of non-numeric type. {_id: ${renderValue(doc._id)}} has the field '${parts[parts.length - 1] as string}' of non-numeric type ${bsonTypeName(current)}`;
}

/**
 * What MongoDB answers for one field change `op` of `path` (split into `parts`) on `doc`, or null
 * when it is allowed.
 */
export function stepError(doc: Plain, op: string, parts: readonly string[], value: unknown): string | null {
  if (parts[0] === '_id' && (op !== '$set' || parts.length > 1 || !sameScalar(value, doc._id))) {
    return `Performing an update on the path '_id' would modify the immutable field '_id'`;
  }
  // Positional paths ($, $[], $[id]) need the query: left to the updater.
  if (parts.some((p) => p.startsWith('$'))) return null;
  return targetError(doc, op, parts);
}

function sameScalar(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && JSON.stringify(a) === JSON.stringify(b));
}

/**
 * What MongoDB answers for an update regardless of the document: a non-numeric $inc or $mul
 * argument, or two changes of one path (or of a path and one inside it). Null when allowed.
 */
export function operatorsError(operators: Plain): string | null {
  const paths: string[] = [];
  for (const [op, fields] of Object.entries(operators)) {
    if (!fields || typeof fields !== 'object') continue;
    for (const [path, value] of Object.entries(fields as Plain)) {
      if (NUMERIC.has(op) && typeof value !== 'number') {
        return `Cannot ${op === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${renderValue(value)}}`;
      }
      if (op === '$rename' && typeof value === 'string') paths.push(value);
      paths.push(path);
    }
  }
  return conflictError(paths);
}

/** Two changes of one path, or of a path and one inside it (MongoDB's "would create a conflict"). */
export function conflictError(paths: readonly string[]): string | null {
  if (paths.length > 32) return conflictErrorLarge(paths);
  for (let i = 0; i < paths.length; i += 1) {
    const a = paths[i] as string;
    for (let j = i + 1; j < paths.length; j += 1) {
      const b = paths[j] as string;
      const long = a.length >= b.length ? a : b;
      const short = long === a ? b : a;
      if (long === short || (long.charCodeAt(short.length) === 46 && long.startsWith(short))) return `Updating the path '${long}' would create a conflict at '${short}'`;
    }
  }
  return null;
}

/** As conflictError, in time proportional to the paths' length (for updates of many fields). */
function conflictErrorLarge(paths: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const path of paths) {
    if (seen.has(path)) return `Updating the path '${path}' would create a conflict at '${path}'`;
    seen.add(path);
  }
  for (const path of paths) {
    for (let i = path.indexOf('.'); i !== -1; i = path.indexOf('.', i + 1)) {
      if (seen.has(path.slice(0, i))) return `Updating the path '${path}' would create a conflict at '${path.slice(0, i)}'`;
    }
  }
  return null;
}

/** Everything MongoDB refuses in `operators` applied to `doc`, or null when it applies. */
export function updateError(doc: Plain, operators: Plain): string | null {
  const general = operatorsError(operators);
  if (general) return general;
  for (const [op, fields] of Object.entries(operators)) {
    if (!fields || typeof fields !== 'object' || op === '$setOnInsert') continue;
    for (const [path, value] of Object.entries(fields as Plain)) {
      const error = stepError(doc, op, path.split('.'), value);
      if (error) return error;
    }
  }
  return null;
}
