import path from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { parseEjson } from './ejson';
import { IdFilter } from './id-filter';
import { indexRows, planQuery } from './keys';
import type { WriterData, WriterReply, WriterRequest, WriterRow } from './sqlite-writer';
import type { Doc, IndexDecl, Store, Versioned, Write } from './types';

const CACHE_LIMIT = 200_000;

/** Index rows of one document version: [index row name, key]. */
type IndexRows = Array<[string, string]>;

/** A write not yet durable, with the index rows the file holds for the document before it. */
type PendingWrite = Write & { ver: number; prevRows: IndexRows };
type Waiter = { resolve: () => void; reject: (err: unknown) => void };
/** Writes handed to the writer together, and who waits for them. */
type Batch = { seq: number; writes: Map<string, PendingWrite>; waiters: Waiter[] };

/** Batches with the writer at once, at most. */
const PIPELINE = 2;

/**
 * The embedded store: one SQLite file (WAL) holding documents as relaxed EJSON, an index table for
 * the declared indexes, and a parsed in-memory cache of recently used documents. Reads are served
 * on this thread; writes are visible at once and made durable by a writer thread in groups: every
 * write that arrives while the disk is busy joins the next transaction (one fsync,
 * synchronous=FULL), and no caller hears "done" before its write is on disk. One process owns the
 * file at a time (an exclusive lock on a companion file).
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly indexes = new Map<string, IndexDecl[]>();
  /** Parsed documents recently used; null marks one known to be absent (this process is the only writer). */
  private readonly cache = new Map<string, Versioned | null>();
  /** Written, not yet handed to the writer. */
  private pending = new Map<string, PendingWrite>();
  /** Batches handed to the writer and not yet answered, oldest first. */
  private inflight: Batch[] = [];
  private waiters: Waiter[] = [];
  private seq = 0;
  private sendScheduled = false;
  private closed = false;
  /** The highest version each document had among writes dropped by a failed batch. */
  private readonly droppedVer = new Map<string, number>();
  /** Set when the writer thread is gone: nothing more can become durable. */
  private stopped: Error | undefined;
  /** The last failed batch's error, for the synchronous path. */
  private failure: Error | undefined;
  private readonly writer: Worker;
  private readonly port: MessagePort;
  private readonly signal: Int32Array;
  private readonly lock: StoreLock;
  private readonly stmt: {
    get: Database.Statement<[string, string], { ver: number; body: string }>;
    scan: Database.Statement<[string], { id: string; ver: number; body: string }>;
    byIndex: Database.Statement<[string, string, string], { id: string; ver: number; body: string }>;
    addColl: Database.Statement<[string, string]>;
    begin: Database.Statement<[]>;
    end: Database.Statement<[]>;
  };
  /** Every document key that exists (and some that do not): a miss here needs no SQLite read. */
  private filter: IdFilter;
  /** Whether this thread's reads share an open read transaction (one per event-loop turn). */
  private snapshot = false;

  constructor(file: string) {
    this.lock = new StoreLock(`${file}-owner`);
    try {
      this.db = new Database(file);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma('busy_timeout = 10000');
      this.db.pragma('cache_size = -65536');
      this.db.exec(`
        CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, indexes TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS docs (coll TEXT NOT NULL, id TEXT NOT NULL, ver INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (coll, id));
        CREATE TABLE IF NOT EXISTS idx (coll TEXT NOT NULL, idx TEXT NOT NULL, k TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (coll, idx, k, id)) WITHOUT ROWID;
        DROP INDEX IF EXISTS idx_by_doc;
      `);
    } catch (err) {
      this.lock.release();
      throw err;
    }
    this.stmt = {
      get: this.db.prepare('SELECT ver, body FROM docs WHERE coll = ? AND id = ?'),
      scan: this.db.prepare('SELECT id, ver, body FROM docs WHERE coll = ?'),
      byIndex: this.db.prepare(
        'SELECT d.id AS id, d.ver AS ver, d.body AS body FROM idx i JOIN docs d ON d.coll = i.coll AND d.id = i.id WHERE i.coll = ? AND i.idx = ? AND i.k = ?',
      ),
      addColl: this.db.prepare('INSERT INTO collections (name, indexes) VALUES (?, ?)'),
      begin: this.db.prepare('BEGIN'),
      end: this.db.prepare('COMMIT'),
    };
    for (const row of this.db.prepare('SELECT name, indexes FROM collections').all() as Array<{ name: string; indexes: string }>) {
      this.indexes.set(row.name, JSON.parse(row.indexes) as IndexDecl[]);
    }
    this.filter = this.buildFilter();
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.signal = new Int32Array(new SharedArrayBuffer(4));
    const data: WriterData = { file, port: channel.port2, signal: this.signal };
    this.writer = new Worker(path.join(__dirname, 'sqlite-writer.cjs'), { workerData: data, transferList: [channel.port2], execArgv: [] });
    this.writer.unref();
    this.writer.on('error', (err) => this.writerStopped(err));
    this.writer.on('exit', () => this.writerStopped(new Error('the store writer thread exited')));
    this.port.on('message', (reply: WriterReply) => this.answered(reply, true));
    this.port.unref();
  }

  /** How many document writes are visible but not yet on disk (health checks, tests). */
  notYetDurable(): number {
    return this.inflight.reduce((n, b) => n + b.writes.size, this.pending.size);
  }

  hasCollection(name: string): boolean {
    return this.indexes.has(name);
  }

  listCollections(): string[] {
    return [...this.indexes.keys()];
  }

  createCollection(name: string, indexes: IndexDecl[]): void {
    this.endSnapshot();
    this.stmt.addColl.run(name, JSON.stringify(indexes));
    this.indexes.set(name, indexes);
  }

  get(coll: string, id: string): Versioned | undefined {
    const key = `${coll}\u0000${id}`;
    const unsaved = this.unsaved(key);
    if (unsaved) return unsaved.doc ? { doc: unsaved.doc, ver: unsaved.ver } : undefined;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit ?? undefined;
    if (!this.filter.has(key)) return undefined;
    this.beginSnapshot();
    const row = this.stmt.get.get(coll, id);
    if (!row) {
      this.cacheSet(key, null);
      return undefined;
    }
    return this.remember(key, row.ver, row.body);
  }

  candidates(coll: string, query: Record<string, unknown>): Doc[] {
    const plan = planQuery(query, this.indexes.get(coll) ?? []);
    if (plan.kind === 'ids') {
      return plan.ids.map((id) => this.get(coll, id)?.doc).filter((d): d is Doc => d !== undefined);
    }
    this.beginSnapshot();
    const rows = plan.kind === 'index' ? this.stmt.byIndex.all(coll, plan.idx, plan.key) : this.stmt.scan.all(coll);
    const out: Doc[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      const key = `${coll}\u0000${row.id}`;
      seen.add(key);
      const unsaved = this.unsaved(key);
      if (unsaved) {
        if (unsaved.doc) out.push(unsaved.doc);
        continue;
      }
      const hit = this.cache.get(key);
      out.push(hit && hit.ver === row.ver ? hit.doc : this.remember(key, row.ver, row.body).doc);
    }
    // Writes not yet durable: a superset is fine, the engine filters.
    for (const map of this.unsavedMaps()) {
      for (const [key, w] of map) {
        if (w.coll !== coll || seen.has(key)) continue;
        seen.add(key);
        const latest = this.unsaved(key) ?? w;
        if (latest.doc) out.push(latest.doc);
      }
    }
    return out;
  }

  /** Every write not yet durable: the pending ones, then each batch with the writer. */
  private unsavedMaps(): Array<Map<string, PendingWrite>> {
    return [this.pending, ...this.inflight.map((b) => b.writes)];
  }

  /** The newest version of a document not yet durable, if any. */
  private unsaved(key: string): PendingWrite | undefined {
    const pending = this.pending.get(key);
    if (pending) return pending;
    for (let i = this.inflight.length - 1; i >= 0; i -= 1) {
      const w = this.inflight[i]?.writes.get(key);
      if (w) return w;
    }
    return undefined;
  }

  commit(writes: Write[]): Promise<void> {
    this.queue(writes);
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.scheduleSend();
    });
  }

  /**
   * Sends what is pending at the end of this event-loop turn, so that everything written in the
   * turn shares a batch. Up to PIPELINE batches are with the writer at once: it starts the next
   * while this thread is still answering the callers of the last.
   */
  private scheduleSend(): void {
    if (this.sendScheduled) return;
    this.sendScheduled = true;
    setImmediate(() => {
      this.sendScheduled = false;
      if (this.inflight.length < PIPELINE) this.send();
    });
  }

  commitSync(writes: Write[]): void {
    this.queue(writes);
    this.drainSync();
  }

  /**
   * Reads of one event-loop turn share one read transaction: each statement would otherwise take
   * and drop the WAL's shared read lock. The snapshot ends with the turn and whenever the writer
   * answers, so it never lags behind what the cache has let go of.
   */
  private beginSnapshot(): void {
    if (this.snapshot) return;
    this.stmt.begin.run();
    this.snapshot = true;
    setImmediate(this.endSnapshot);
  }

  private readonly endSnapshot = (): void => {
    if (!this.snapshot) return;
    this.snapshot = false;
    this.stmt.end.run();
  };

  /** Makes writes visible now; they become durable when the writer answers their batch. */
  private queue(writes: Write[]): void {
    if (this.closed) throw new Error('the store is closed');
    if (this.stopped) throw this.stopped;
    for (const w of writes) {
      const key = `${w.coll}\u0000${w.id}`;
      const prev = this.get(w.coll, w.id);
      const before = this.unsaved(key);
      const ver = Math.max(prev?.ver ?? before?.ver ?? 0, this.droppedVer.get(key) ?? 0) + 1;
      // The index rows the file will hold when this write is applied: those of the version before.
      const prevRows = this.pending.get(key)?.prevRows ?? this.indexRowsOf(w.coll, prev?.doc ?? null);
      this.pending.set(key, { ...w, ver, prevRows });
      if (w.doc && !this.filter.has(key)) this.filter.add(key);
    }
    if (this.filter.added > this.filter.capacity) this.filter = this.buildFilter();
  }

  /** Hands everything pending to the writer as one batch (one transaction, one fsync). */
  private send(): void {
    if (this.pending.size === 0) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w.resolve();
      return;
    }
    const rows: WriterRow[] = [];
    for (const w of this.pending.values()) {
      const now = this.indexRowsOf(w.coll, w.doc);
      // Index rows are rewritten only when an indexed value changed (counters never move theirs).
      const index = sameRows(now, w.prevRows) ? null : { del: w.prevRows, put: now };
      rows.push([w.coll, w.id, w.ver, w.doc, index]);
    }
    this.seq += 1;
    this.inflight.push({ seq: this.seq, writes: this.pending, waiters: this.waiters });
    this.pending = new Map();
    this.waiters = [];
    this.port.ref();
    this.port.postMessage({ seq: this.seq, rows } satisfies WriterRequest);
  }

  /** The writer answered a batch: its writes are durable (or failed). */
  private answered(reply: WriterReply, thenSend: boolean): void {
    const batch = this.inflight[0];
    if (!batch || reply.seq !== batch.seq) return;
    this.inflight.shift();
    this.endSnapshot();
    if (this.inflight.length === 0) this.port.unref();
    if (reply.error !== undefined) {
      this.inflight.unshift(batch);
      this.fail(new Error(reply.error));
      return;
    }
    for (const [key, w] of batch.writes) {
      this.cacheSet(key, w.doc === null ? null : { doc: w.doc, ver: w.ver });
    }
    for (const w of batch.waiters) w.resolve();
    // The callers just answered usually write again at once: their next writes join the next batch.
    if (thenSend && (this.pending.size > 0 || this.waiters.length > 0)) this.scheduleSend();
  }

  /**
   * A batch failed: every write not yet durable is dropped and its caller told (later writes may
   * build on the failed ones), and the cache is rebuilt from the file.
   */
  private fail(err: Error): void {
    // Versions of dropped writes are never handed out again (optimistic transactions compare them).
    for (const map of this.unsavedMaps()) for (const [key, w] of map) this.droppedVer.set(key, Math.max(w.ver, this.droppedVer.get(key) ?? 0));
    const waiters = [...this.inflight.flatMap((b) => b.waiters), ...this.waiters];
    this.waiters = [];
    this.inflight = [];
    this.pending = new Map();
    this.cache.clear();
    for (const w of waiters) w.reject(err);
    this.failure = err;
    // Batches still on their way to the writer are refused there until this word arrives.
    if (!this.stopped) this.port.postMessage({ resume: true } satisfies WriterRequest);
  }

  /** The writer thread died (or was stopped): every caller waiting is told, and later writes refused. */
  private writerStopped(err: Error): void {
    if (this.closed || this.stopped) return;
    this.stopped = err;
    this.fail(err);
  }

  /** Blocks until everything written so far is durable (migrations, tests, close). */
  private drainSync(): void {
    if (this.stopped) throw this.stopped;
    this.failure = undefined;
    if (this.pending.size > 0) this.send();
    while (this.inflight.length > 0) {
      this.awaitReply(this.seq);
      const failure = this.failure as Error | undefined;
      if (failure) throw failure;
    }
  }

  /** Waits on the writer's signal for the answer to batch `seq` and takes it off the port. */
  private awaitReply(seq: number): void {
    const giveUp = Date.now() + 60_000;
    for (;;) {
      const done = Atomics.load(this.signal, 0);
      if (done >= seq) break;
      if (Date.now() > giveUp) throw new Error('the store writer did not answer within 60 s: the last writes may or may not be on disk');
      Atomics.wait(this.signal, 0, done, 1000);
    }
    for (let msg = receiveMessageOnPort(this.port); msg; msg = receiveMessageOnPort(this.port)) {
      this.answered(msg.message as WriterReply, false);
    }
  }

  /**
   * A filter holding the key of every document in the file and of every write not yet on disk,
   * with room for four times as many (at least a million): rebuilt when it fills up.
   */
  private buildFilter(): IdFilter {
    const count = (this.db.prepare('SELECT count(*) AS n FROM docs').get() as { n: number }).n;
    const filter = new IdFilter(Math.max(1 << 20, count * 4));
    for (const row of this.db.prepare('SELECT coll, id FROM docs').raw().iterate() as IterableIterator<[string, string]>) filter.add(`${row[0]}\u0000${row[1]}`);
    for (const map of this.unsavedMaps()) for (const [key, w] of map) if (w.doc) filter.add(key);
    return filter;
  }

  /** The index rows a document version has (none for no document). */
  private indexRowsOf(coll: string, doc: Doc | null): IndexRows {
    const out: IndexRows = [];
    if (!doc) return out;
    for (const index of this.indexes.get(coll) ?? []) for (const row of indexRows(index, doc)) out.push([row.idx, row.key]);
    return out;
  }

  /** SQLite's own consistency check of the file: 'ok' when sound. */
  integrityCheck(): string {
    return (this.db.pragma('integrity_check', { simple: true }) as string) ?? 'no answer';
  }

  close(): void {
    if (this.closed) return;
    try {
      if (!this.stopped) this.drainSync();
    } finally {
      this.closed = true;
      try {
        if (!this.stopped) {
          this.seq += 1;
          this.port.postMessage({ seq: this.seq, close: true } satisfies WriterRequest);
          this.awaitReply(this.seq);
        }
      } finally {
        this.port.close();
        this.endSnapshot();
        this.db.close();
        this.lock.release();
      }
    }
  }

  private remember(key: string, ver: number, body: string): Versioned {
    const entry: Versioned = { doc: parseEjson(body, Date.now()) as Doc, ver };
    this.cacheSet(key, entry);
    return entry;
  }

  private cacheSet(key: string, entry: Versioned | null): void {
    if (this.cache.size >= CACHE_LIMIT) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(key, entry);
  }
}

function sameRows(a: IndexRows, b: IndexRows): boolean {
  return a.length === b.length && a.every(([idx, key], i) => b[i]?.[0] === idx && b[i]?.[1] === key);
}

/**
 * One owning process per store file. The two connections of the store share the file in WAL mode,
 * so SQLite's own exclusive mode cannot be used; instead a small companion database is held in an
 * open exclusive transaction. Its lock is the operating system's (fcntl), so a killed owner leaves
 * nothing stale behind.
 */
class StoreLock {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file, { timeout: 0 });
    try {
      this.db.pragma('journal_mode = DELETE');
      this.db.exec('BEGIN EXCLUSIVE');
    } catch (err) {
      this.db.close();
      if ((err as { code?: string }).code === 'SQLITE_BUSY') throw new Error(`the store ${file.replace(/-owner$/, '')} is open in another process`);
      throw err;
    }
  }

  release(): void {
    if (!this.db.open) return;
    this.db.exec('ROLLBACK');
    this.db.close();
  }
}
