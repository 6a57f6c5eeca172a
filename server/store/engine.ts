import { randomBytes } from 'node:crypto';
import { BSONRegExp, EJSON } from 'bson';
import { find, update as applyUpdate, aggregate } from 'mingo';
import type { Doc, Store, Write } from './types';

/** A response as the SDK's transport returns it: data on success, `code` and `message` on failure. */
export type TransportResponse = Record<string, unknown> & { requestId: string };
type Params = Record<string, unknown>;
type Plain = Record<string, unknown>;

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
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

/** Turns transport values into what mingo evaluates: BSON regexes to RegExp, server dates to Dates. */
function revive(value: unknown, now: number): unknown {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options.replace(/[^gimsuy]/g, ''));
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => revive(v, now));
  const obj = value as Plain;
  const serverDate = obj.$tcb_server_date as { offset?: number } | undefined;
  if (serverDate && Object.keys(obj).length === 1) return new Date(now + (serverDate.offset ?? 0));
  const out: Plain = {};
  for (const [k, v] of Object.entries(obj)) out[k] = revive(v, now);
  return out;
}

const encode = (doc: unknown): string => EJSON.stringify(doc as Plain, { relaxed: true });

/**
 * Executes the SDK's canonical database requests against a Store, with mingo evaluating queries,
 * updates and aggregations. Every request runs synchronously, so each is atomic; transactions are
 * optimistic (versions checked at commit, conflict reported as the SDK expects).
 */
export class Engine {
  /** Requests executed, for benchmarks that count database operations. */
  ops = 0;
  private readonly txs = new Map<string, Tx>();

  constructor(
    private readonly store: Store,
    private readonly clock: () => number = Date.now,
  ) {}

  execute(action: string, params: Params | undefined): TransportResponse {
    const requestId = randomBytes(8).toString('hex');
    this.ops += 1;
    try {
      return { ...this.run(action, params ?? {}), requestId };
    } catch (err) {
      if (err instanceof DbError) return { code: err.code, message: err.message, requestId };
      const message = err instanceof Error ? err.message : String(err);
      return { code: 'DATABASE_REQUEST_FAILED', message, requestId };
    }
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
    if (!this.store.hasCollection(name)) throw new DbError('DATABASE_COLLECTION_NOT_EXIST', `database collection not exists: ${name}`);
    return name;
  }

  private parse(text: unknown): Plain {
    if (typeof text !== 'string' || text === '') return {};
    return revive(EJSON.parse(text, { relaxed: true }), this.clock()) as Plain;
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
    return find(candidates, query).all() as Doc[];
  }

  private getDocument(p: Params): Plain {
    const docs = this.matching(p);
    const order = this.parse(p.order) as Record<string, 1 | -1>;
    const offset = typeof p.offset === 'number' ? p.offset : 0;
    const limit = Math.min(typeof p.limit === 'number' && p.limit > 0 ? p.limit : DEFAULT_LIMIT, MAX_LIMIT);
    const projection = this.parse(p.projection);
    let cursor = find(docs, {}, Object.keys(projection).length > 0 ? projection : undefined);
    if (Object.keys(order).length > 0) cursor = cursor.sort(order);
    const list = cursor.skip(offset).limit(limit).all();
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
    for (const current of chosen) {
      const next = merge ? this.applyOperators(current, data) : { ...data, _id: current._id };
      if (encode(next) !== encode(current)) updated += 1;
      writes.push({ coll, id: current._id, doc: next });
    }
    if (chosen.length === 0 && p.upsert === true) {
      const query = this.parse(p.query);
      const id = typeof query._id === 'string' ? query._id : randomBytes(16).toString('hex');
      const base: Doc = { _id: id };
      const next = merge ? this.applyOperators(base, data) : { ...data, _id: id };
      writes.push({ coll, id, doc: next });
      upsertId = id;
    }
    this.write(writes, tx);
    if (returnDoc) return { data: { updated, doc: writes[0]?.doc ? encode(writes[0].doc) : null } };
    return { data: { updated, upsert_id: upsertId } };
  }

  private applyOperators(current: Doc, data: Plain): Doc {
    const copy = structuredClone(current);
    const operators: Plain = {};
    const plainSet: Plain = {};
    for (const [k, v] of Object.entries(data)) {
      if (k.startsWith('$')) operators[k] = v;
      else plainSet[k] = v;
    }
    if (Object.keys(plainSet).length > 0) operators.$set = { ...(operators.$set as Plain | undefined), ...plainSet };
    applyUpdate(copy, operators);
    copy._id = current._id;
    return copy;
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
    const pipeline = stages.map((s) => ({ [s.stageKey]: this.parse(s.stageValue) }));
    const first = pipeline[0];
    const candidates = first && '$match' in first ? this.store.candidates(coll, first.$match) : this.store.candidates(coll, {});
    const list = aggregate(candidates, pipeline);
    return { data: { list: list.map(encode) } };
  }

  private write(writes: Write[], tx: Tx | undefined): void {
    if (writes.length === 0) return;
    if (!tx) {
      this.store.commit(writes);
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
    this.store.commit([...tx.overlay.values()]);
    return {};
  }

  private sweepTransactions(): void {
    const now = this.clock();
    for (const [id, tx] of this.txs) if (tx.expires < now) this.txs.delete(id);
  }
}
