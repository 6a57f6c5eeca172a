import { _, db } from './cloud';
import { AppError } from '../../shared/result';

// The SDK's typings describe callback overloads (`void | string | Promise`); these wrappers give
// the promise forms their real shapes, in one place.

/** Anything the SDK can `.get()` (a collection, a query). */
interface Gettable {
  get(): unknown;
}

/** Reads one document by id, or null when it does not exist. */
export async function getById<T>(collection: string, id: string): Promise<(T & { _id: string }) | null> {
  const res = (await (db.collection(collection).doc(id).get() as Promise<{ data: unknown }>)) ?? { data: null };
  return (res.data ?? null) as (T & { _id: string }) | null;
}

/**
 * A deep copy of a document read from the database: plain objects, arrays, Dates and scalars.
 * (Not structuredClone: the deploy runtime, Node 16.13, does not have it.)
 */
export function copyDoc<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => copyDoc(v)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = copyDoc(v);
  return out as T;
}

/** Runs a query and returns its documents. */
export async function list<T>(query: Gettable): Promise<T[]> {
  const res = await (query.get() as Promise<{ data: unknown[] }>);
  return res.data as T[];
}

/** Inserts a document; returns its id. Rejects with a duplicate-key error if `_id` exists. */
export async function insert(collection: string, data: Record<string, unknown>): Promise<string> {
  const res = await (db.collection(collection).add({ data }) as Promise<{ _id: string }>);
  return res._id;
}

/**
 * Inserts documents: all in one request (the server SDK takes an array) when none exists yet,
 * otherwise each on its own. Returns the ids that already existed. A database may apply part of a
 * failed batch, so an id found existing may be one this call wrote: callers that must tell mark
 * their documents (a token, the attempt id).
 */
export async function insertAll(collection: string, docs: Array<Record<string, unknown> & { _id: string }>): Promise<string[]> {
  if (docs.length === 0) return [];
  try {
    await (db.collection(collection).add({ data: docs }) as Promise<unknown>);
    return [];
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  const existing: string[] = [];
  await Promise.all(
    docs.map(async (doc) => {
      try {
        await insert(collection, doc);
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        existing.push(doc._id);
      }
    }),
  );
  return existing;
}

/** Updates (merges into) one document by id; returns how many documents changed (0 if missing). */
export async function updateById(collection: string, id: string, data: Record<string, unknown>): Promise<number> {
  const res = await (db.collection(collection).doc(id).update({ data }) as Promise<{ stats: { updated: number } }>);
  return res.stats.updated;
}

/** Replaces (or creates) one document by id. */
export async function setById(collection: string, id: string, data: Record<string, unknown>): Promise<void> {
  await (db.collection(collection).doc(id).set({ data }) as Promise<unknown>);
}

/** Whether an SDK error is a duplicate-key rejection (an insert whose `_id` exists). */
export function isDuplicateKey(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const { errMsg, message } = err as { errMsg?: unknown; message?: unknown };
  const text = typeof errMsg === 'string' ? errMsg : typeof message === 'string' ? message : '';
  return /duplicate key|E11000/i.test(text);
}

/** Updates every document matching `query`; returns how many changed. Atomic per document. */
export async function updateWhere(collection: string, query: Record<string, unknown>, data: Record<string, unknown>): Promise<number> {
  const res = await (db.collection(collection).where(query).update({ data }) as Promise<{ stats: { updated: number } }>);
  return res.stats.updated;
}

/** Reads documents by id (at most 100 per call), in no particular order. */
export async function listByIds<T>(collection: string, ids: readonly string[]): Promise<Array<T & { _id: string }>> {
  if (ids.length === 0) return [];
  return list<T & { _id: string }>(db.collection(collection).where({ _id: _.in([...ids]) }).limit(100));
}

/** The most documents one page reads (CloudBase's `get()` returns 100 unless told otherwise). */
export const PAGE_MAX = 100;

/** A page of a list, and where the next one starts (null: this was the last). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/** The order a paged list is read in: one field, then `_id` to break ties. */
export interface PageOrder {
  field: string;
  dir: 'asc' | 'desc';
}

function cursorOf(doc: Record<string, unknown>, field: string): string {
  const value = doc[field];
  const key = value instanceof Date ? { d: value.toISOString() } : value;
  return Buffer.from(JSON.stringify([key, doc._id]), 'utf8').toString('base64url');
}

/** The condition "after the cursor" in the list's order; a cursor not made here is refused. */
function afterCursor(cursor: string, order: PageOrder): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[1] !== 'string') throw new AppError('INVALID_INPUT', '列表位置无效，请刷新后重试');
  const [key, id] = parsed as [unknown, string];
  const value = key !== null && typeof key === 'object' && typeof (key as { d?: unknown }).d === 'string' ? new Date((key as { d: string }).d) : key;
  const beyond = (v: unknown) => (order.dir === 'desc' ? _.lt(v) : _.gt(v));
  return _.or([{ [order.field]: beyond(value) }, { [order.field]: value, _id: beyond(id) }]) as unknown as Record<string, unknown>;
}

/**
 * Reads one page of a list in a stable order (`order.field`, then `_id`), resuming after `cursor`.
 * A cursor, not an offset: entries that leave the list meanwhile (a queue being worked through)
 * never make the next page skip others. At most PAGE_MAX documents per page.
 */
export async function pageOf<T extends { _id: string }>(collection: string, where: Record<string, unknown>, order: PageOrder, cursor: string | undefined, size: number): Promise<Page<T>> {
  const n = Math.min(size, PAGE_MAX);
  const query = cursor ? _.and([where, afterCursor(cursor, order)]) : where;
  const docs = await list<T>(db.collection(collection).where(query).orderBy(order.field, order.dir).orderBy('_id', order.dir).limit(n + 1));
  const items = docs.slice(0, n);
  const last = items[items.length - 1];
  return { items, next: docs.length > n && last ? cursorOf(last, order.field) : null };
}

/** How many documents match (one count request). */
export async function countWhere(collection: string, where: Record<string, unknown>): Promise<number> {
  const res = (await db.collection(collection).where(where).count()) as { total: number };
  return res.total;
}

/** Removes every document matching `query`; returns how many went. */
export async function removeWhere(collection: string, query: Record<string, unknown>): Promise<number> {
  const res = await (db.collection(collection).where(query).remove() as Promise<{ stats: { removed: number } }>);
  return res.stats.removed;
}
