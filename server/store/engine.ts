import { randomBytes } from 'node:crypto';
import { Query, aggregate, find, update as applyUpdate } from 'mingo';
import { parseEjson, stringifyEjson } from './ejson';
import { fastUpdate, sameValue } from './fast-update';
import { simpleConditions, testSimple } from './simple-query';
import { pathValue } from './keys';
import { updateError } from './update-rules';
import { cloneValue, isDate } from './values';
import type { Doc, Store, Write } from './types';

/** A response as the SDK's transport returns it: data on success, `code` and `message` on failure. */
export type TransportResponse = Record<string, unknown> & { requestId: string };
type Params = Record<string, unknown>;
type Plain = Record<string, unknown>;

// CloudBase's limits, server side: a get() without limit returns 100 documents, at most 1000
// (https://developers.weixin.qq.com/minigame/dev/wxcloud/reference-sdk-api/database/collection/Collection.get.md,
// .../Collection.limit.html); an aggregation without a $limit stage returns 20
// (https://developers.weixin.qq.com/community/develop/article/doc/000624c67c8b48611dba2b12058c13).
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const AGGREGATE_DEFAULT_LIMIT = 20;
const TX_TTL_MS = 30_000;

/** The request actions the SDK sends (pinned by a test against @cloudbase/database). */
export const DATABASE_ACTIONS = [
  'database.getDocument',
  'database.insertDocument',
  'database.modifyDocument',
  'database.modifyAndReturnDoc',
  'database.removeDocument',
  'database.calculateDocument',
  'database.aggregateDocuments',
  'database.addCollection',
  'database.startTransaction',
  'database.commitTransaction',
  'database.abortTransaction',
] as const;

/** What CloudBase answers for a collection that was never created (the SDK's -502005). */
export const COLLECTION_NOT_EXIST_MESSAGE = '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.';

/** Options of the engine. */
export interface EngineOptions {
  /**
   * Evaluate every query, sort, projection and update with mingo, never with the engine's own fast
   * paths (the conformance suite runs each rule both ways: they must agree).
   */
  mingoOnly?: boolean;
  /** Collections of the host's own (not declared for CloudBase): requests to them fail as missing. */
  hostOnly?: readonly string[];
}

class DbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Tx {
  reads: Map<string, number>;
  overlay: Map<string, Write>;
  expires: number;
}

const encode = (doc: unknown): string => stringifyEjson(doc);

/** MongoDB's order of types for sorting, enough for the values documents hold here. */
function typeRank(v: unknown): number {
  if (v === undefined || v === null) return 1;
  if (typeof v === 'number') return 2;
  if (typeof v === 'string') return 3;
  if (typeof v === 'object' && !isDate(v) && !Array.isArray(v)) return 4;
  if (Array.isArray(v)) return 5;
  if (typeof v === 'boolean') return 8;
  if (isDate(v)) return 9;
  return 10;
}

function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (isDate(a) && isDate(b)) return a.getTime() - b.getTime();
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const ea = encode(a);
  const eb = encode(b);
  return ea < eb ? -1 : ea > eb ? 1 : 0;
}

function sortDocs(docs: Doc[], order: Record<string, 1 | -1>): Doc[] {
  const keys = Object.entries(order);
  return [...docs].sort((x, y) => {
    for (const [field, dir] of keys) {
      const c = compareValues(pathValue(x, field), pathValue(y, field));
      if (c !== 0) return dir === -1 ? -c : c;
    }
    return 0;
  });
}

/** Applies a projection: plain inclusion or exclusion of top-level fields here, mingo otherwise. */
function project(docs: Doc[], projection: Plain): Plain[] {
  const entries = Object.entries(projection);
  const simple = entries.every(([k, v]) => !k.includes('.') && !k.startsWith('$') && (v === 1 || v === 0 || v === true || v === false));
  if (!simple) return find(docs, {}, projection).all();
  const include = entries.filter(([k, v]) => k !== '_id' && (v === 1 || v === true)).map(([k]) => k);
  const dropId = entries.some(([k, v]) => k === '_id' && (v === 0 || v === false));
  if (include.length > 0) {
    return docs.map((d) => {
      const out: Plain = dropId ? {} : { _id: d._id };
      for (const k of include) if (k in d) out[k] = d[k];
      return out;
    });
  }
  const exclude = new Set(entries.filter(([, v]) => v === 0 || v === false).map(([k]) => k));
  return docs.map((d) => Object.fromEntries(Object.entries(d).filter(([k]) => !exclude.has(k))));
}

/** An update's data as operators only: plain fields are a $set. */
function toOperators(data: Plain): Plain {
  const operators: Plain = {};
  const plainSet: Plain = {};
  for (const [k, v] of Object.entries(data)) {
    if (k.startsWith('$')) operators[k] = v;
    else plainSet[k] = v;
  }
  if (Object.keys(plainSet).length > 0) operators.$set = { ...(operators.$set as Plain | undefined), ...plainSet };
  return operators;
}

/**
 * Executes the SDK's canonical database requests against a Store, with mingo evaluating queries,
 * updates and aggregations. Every request runs synchronously, so each is atomic; transactions are
 * optimistic (versions checked at commit, conflict reported as the SDK expects).
 */
export class Engine {
  /** Requests executed, for benchmarks that count database operations. */
  ops = 0;
  private readonly txs = new Map<string, Tx>();
  /** The durability promise of the request being run (requests run one at a time). */
  private durable: Promise<void> | undefined;
  private readonly queries = new Map<string, Query>();

  private readonly mingoOnly: boolean;
  private readonly hostOnly: ReadonlySet<string>;

  constructor(
    private readonly store: Store,
    private readonly clock: () => number = Date.now,
    options: EngineOptions = {},
  ) {
    this.mingoOnly = options.mingoOnly === true;
    this.hostOnly = new Set(options.hostOnly ?? []);
  }

  /**
   * Runs one request. Its effects are applied synchronously (so each request is atomic and visible
   * to the next). The answer comes once its writes are durable — or, when `defer` is given, at once,
   * with the durability promise handed to `defer`: the host then holds the function's reply until
   * every write of the call is durable. Batches become durable in order, so a call that continues
   * on a write not yet on disk can never leave a later write of its own on disk without it.
   */
  async execute(action: string, params: Params | undefined, defer?: (durable: Promise<void>) => void): Promise<TransportResponse> {
    this.ops += 1;
    const requestId = `local-${this.ops}`;
    this.durable = undefined;
    try {
      const result = this.run(action, params ?? {});
      const durable = this.takeDurable();
      if (durable && defer) {
        durable.catch(() => undefined);
        defer(durable);
      } else if (durable) await durable;
      return { ...result, requestId };
    } catch (err) {
      if (err instanceof DbError) return { code: err.code, message: err.message, requestId };
      const message = err instanceof Error ? err.message : String(err);
      return { code: 'DATABASE_REQUEST_FAILED', message, requestId };
    }
  }

  private takeDurable(): Promise<void> | undefined {
    const durable = this.durable;
    this.durable = undefined;
    return durable;
  }

  private run(action: string, p: Params): Plain {
    switch (action) {
      case 'database.getDocument':
        return this.getDocument(p);
      case 'database.insertDocument':
        return this.insertDocument(p);
      case 'database.modifyDocument':
        return this.modifyDocument(p, false);
      case 'database.modifyAndReturnDoc':
        return this.modifyDocument(p, true);
      case 'database.removeDocument':
        return this.removeDocument(p);
      case 'database.calculateDocument':
        return { data: { total: this.matching(p).length } };
      case 'database.aggregateDocuments':
        return this.aggregateDocuments(p);
      case 'database.addCollection': {
        const name = String(p.collectionName);
        if (this.store.hasCollection(name)) throw new DbError('DATABASE_REQUEST_FAILED', `collection ${name} already exists`);
        this.store.createCollection(name, []);
        return {};
      }
      case 'database.startTransaction': {
        this.sweepTransactions();
        const id = randomBytes(12).toString('hex');
        this.txs.set(id, { reads: new Map(), overlay: new Map(), expires: this.clock() + TX_TTL_MS });
        return { transactionId: id };
      }
      case 'database.commitTransaction':
        return this.commit(String(p.transactionId));
      case 'database.abortTransaction':
        this.txs.delete(String(p.transactionId));
        return {};
      default:
        throw new DbError('DATABASE_INVALID_OPERRATOR', `unsupported action ${action}`);
    }
  }

  private collection(p: Params): string {
    const name = typeof p.collectionName === 'string' ? p.collectionName : '';
    if (!this.store.hasCollection(name) || this.hostOnly.has(name)) throw new DbError('DATABASE_COLLECTION_NOT_EXIST', COLLECTION_NOT_EXIST_MESSAGE);
    return name;
  }

  private parse(text: unknown): Plain {
    if (typeof text !== 'string' || text === '') return {};
    return parseEjson(text, this.clock()) as Plain;
  }

  private tx(p: Params): Tx | undefined {
    if (typeof p.transactionId !== 'string') return undefined;
    const tx = this.txs.get(p.transactionId);
    if (!tx) throw new DbError('DATABASE_TRANSACTION_FAIL', 'transaction not found or expired');
    return tx;
  }

  /** A document as the transaction (if any) sees it, recording the version read. */
  private read(coll: string, id: string, tx: Tx | undefined): Doc | undefined {
    if (!tx) return this.store.get(coll, id)?.doc;
    const key = `${coll}\u0000${id}`;
    const pending = tx.overlay.get(key);
    if (pending) return pending.doc ?? undefined;
    const current = this.store.get(coll, id);
    if (!tx.reads.has(key)) tx.reads.set(key, current?.ver ?? 0);
    return current?.doc;
  }

  /** Documents matching the request's query, in store order. */
  private matching(p: Params): Doc[] {
    const coll = this.collection(p);
    const query = this.parse(p.query);
    const tx = this.tx(p);
    if (tx) {
      const id = query._id;
      if (typeof id !== 'string') throw new DbError('DATABASE_TRANSACTION_FAIL', 'only single-document operations inside a transaction');
      const doc = this.read(coll, id, tx);
      return doc ? [doc] : [];
    }
    const candidates = this.store.candidates(coll, query);
    let compiled: Query | undefined;
    const full = (d: Doc) => (compiled ??= this.compile(query, typeof p.query === 'string' && !p.query.includes('$tcb_server_date') ? p.query : encode(query))).test(d);
    if (this.mingoOnly) return candidates.filter(full);
    const keys = Object.keys(query);
    if (keys.length === 1 && keys[0] === '_id' && typeof query._id === 'string') return candidates;
    // Plain equality, $ne and $in on top-level scalars (most requests) need no query compiler.
    const simple = simpleConditions(query);
    if (!simple) return candidates.filter(full);
    return candidates.filter((d) => {
      const verdict = testSimple(d, simple);
      return verdict === undefined ? full(d) : verdict;
    });
  }

  /**
   * A compiled mingo query, cached by its text (requests repeat the same shapes and values); a query
   * with a server date is keyed by its parsed form, which carries this moment's date.
   */
  private compile(query: Plain, key: string): Query {
    let hit = this.queries.get(key);
    if (!hit) {
      hit = new Query(query);
      if (this.queries.size >= 2000) this.queries.clear();
      this.queries.set(key, hit);
    }
    return hit;
  }

  private getDocument(p: Params): Plain {
    const docs = this.matching(p);
    const order = this.parse(p.order) as Record<string, 1 | -1>;
    const offset = typeof p.offset === 'number' ? p.offset : 0;
    const limit = Math.min(typeof p.limit === 'number' && p.limit > 0 ? p.limit : DEFAULT_LIMIT, MAX_LIMIT);
    const projection = this.parse(p.projection);
    const ordered = Object.keys(order).length > 0;
    const sorted = !ordered ? docs : this.mingoOnly ? (find(docs, {}).sort(order).all() as Doc[]) : sortDocs(docs, order);
    const page = sorted.slice(offset, offset + limit);
    const projected = Object.keys(projection).length > 0;
    const list = !projected ? page : this.mingoOnly ? find(page, {}, projection).all() : project(page, projection);
    return { data: { list: list.map(encode), offset, limit } };
  }

  private insertDocument(p: Params): Plain {
    const coll = this.collection(p);
    const tx = this.tx(p);
    const raw = Array.isArray(p.data) ? p.data : [];
    const writes: Write[] = [];
    for (const item of raw) {
      const doc = this.parse(item);
      const id = typeof doc._id === 'string' && doc._id !== '' ? doc._id : randomBytes(16).toString('hex');
      if (this.read(coll, id, tx) || writes.some((w) => w.id === id)) {
        throw new DbError('DATABASE_REQUEST_FAILED', `E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: "${id}" }`);
      }
      writes.push({ coll, id, doc: { ...doc, _id: id } });
    }
    this.write(writes, tx);
    return { data: { insertedIds: writes.map((w) => w.id) } };
  }

  private modifyDocument(p: Params, returnDoc: boolean): Plain {
    const coll = this.collection(p);
    const tx = this.tx(p);
    const data = this.parse(p.data);
    const merge = p.merge !== false;
    const targets = this.matching(p);
    const chosen = p.multi === true ? targets : targets.slice(0, 1);
    const writes: Write[] = [];
    let updated = 0;
    let upsertId: string | null = null;
    const operators = merge ? toOperators(data) : {};
    for (const current of chosen) {
      const replaced: Doc = { ...data, _id: current._id };
      const { next, changed } = merge ? this.applyOperators(current, operators) : { next: replaced, changed: !sameValue(replaced, current) };
      if (changed) updated += 1;
      writes.push({ coll, id: current._id, doc: next });
    }
    if (chosen.length === 0 && p.upsert === true) {
      const query = this.parse(p.query);
      const id = typeof query._id === 'string' ? query._id : randomBytes(16).toString('hex');
      const base: Doc = { _id: id };
      const next: Doc = merge ? this.applyOperators(base, operators).next : { ...data, _id: id };
      writes.push({ coll, id, doc: next });
      upsertId = id;
    }
    this.write(writes, tx);
    if (returnDoc) return { data: { updated, doc: writes[0]?.doc ? encode(writes[0].doc) : null } };
    return { data: { updated, upsert_id: upsertId } };
  }

  private applyOperators(current: Doc, operators: Plain): { next: Doc; changed: boolean } {
    // Copy on write: the cached document is never changed in place (readers may hold it).
    if (!this.mingoOnly) {
      const shallow: Doc = { ...current };
      const fast = fastUpdate(shallow, operators);
      if (fast.applied) return { next: shallow, changed: fast.changed };
    }
    // What MongoDB refuses, CloudBase refuses (mingo would quietly skip or work around it).
    const refused = updateError(current, operators);
    if (refused) throw new DbError('DATABASE_REQUEST_FAILED', refused);
    const copy = cloneValue(current);
    applyUpdate(copy, operators);
    copy._id = current._id;
    return { next: copy, changed: encode(copy) !== encode(current) };
  }


  private removeDocument(p: Params): Plain {
    const coll = this.collection(p);
    const tx = this.tx(p);
    const targets = this.matching(p);
    const chosen = p.multi === true ? targets : targets.slice(0, 1);
    this.write(
      chosen.map((d) => ({ coll, id: d._id, doc: null })),
      tx,
    );
    return { data: { deleted: chosen.length } };
  }

  private aggregateDocuments(p: Params): Plain {
    const coll = this.collection(p);
    const stages = Array.isArray(p.stages) ? (p.stages as Array<{ stageKey: string; stageValue: string }>) : [];
    const pipeline: Plain[] = stages.map((s) => ({ [s.stageKey]: this.parse(s.stageValue) }));
    const first = pipeline[0];
    const candidates = this.store.candidates(coll, first && '$match' in first ? (first.$match as Plain) : {});
    if (!pipeline.some((stage) => '$limit' in stage)) pipeline.push({ $limit: AGGREGATE_DEFAULT_LIMIT });
    const list = aggregate(candidates, pipeline);
    return { data: { list: list.map(encode) } };
  }

  private write(writes: Write[], tx: Tx | undefined): void {
    if (writes.length === 0) return;
    if (!tx) {
      this.durable = this.store.commit(writes);
      return;
    }
    for (const w of writes) {
      const key = `${w.coll}\u0000${w.id}`;
      if (!tx.overlay.has(key) && !tx.reads.has(key)) tx.reads.set(key, this.store.get(w.coll, w.id)?.ver ?? 0);
      tx.overlay.set(key, w);
    }
  }

  private commit(id: string): Plain {
    const tx = this.txs.get(id);
    if (!tx) throw new DbError('DATABASE_TRANSACTION_FAIL', 'transaction not found or expired');
    this.txs.delete(id);
    for (const [key, ver] of tx.reads) {
      const [coll, docId] = key.split('\u0000') as [string, string];
      if ((this.store.get(coll, docId)?.ver ?? 0) !== ver) {
        throw new DbError('DATABASE_TRANSACTION_CONFLICT', 'transaction conflict: a document changed since it was read');
      }
    }
    this.durable = this.store.commit([...tx.overlay.values()]);
    return {};
  }

  private sweepTransactions(): void {
    const now = this.clock();
    for (const [id, tx] of this.txs) if (tx.expires < now) this.txs.delete(id);
  }
}
