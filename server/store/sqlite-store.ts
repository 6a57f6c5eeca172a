import Database from 'better-sqlite3';
import { parseEjson, stringifyEjson } from './ejson';
import { indexRows, planQuery } from './keys';
import type { Doc, IndexDecl, Store, Versioned, Write } from './types';

const CACHE_LIMIT = 200_000;

/** A write waiting for the next flush, with the index keys its previous version had. */
type PendingWrite = Write & { ver: number; prevKeys: string };

/**
 * The embedded store: one SQLite file (WAL, synchronous=FULL, exclusive lock, so one owning
 * process) holding documents as relaxed EJSON, an index table for the declared indexes, and a
 * parsed in-memory cache of recently used documents. Writes are visible at once and made durable
 * in groups: every write of one event-loop turn shares one transaction and one fsync, and no caller
 * hears "done" before its write is on disk.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly indexes = new Map<string, IndexDecl[]>();
  private readonly cache = new Map<string, Versioned>();
  private readonly pending = new Map<string, PendingWrite>();
  private waiters: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];
  private flushScheduled = false;
  private readonly stmt: {
    get: Database.Statement<[string, string], { ver: number; body: string }>;
    scan: Database.Statement<[string], { id: string; ver: number; body: string }>;
    byIndex: Database.Statement<[string, string, string], { id: string; ver: number; body: string }>;
    put: Database.Statement<[string, string, number, string]>;
    del: Database.Statement<[string, string]>;
    idxDel: Database.Statement<[string, string]>;
    idxPut: Database.Statement<[string, string, string, string]>;
    addColl: Database.Statement<[string, string]>;
  };

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('locking_mode = EXCLUSIVE');
    this.db.pragma('cache_size = -65536');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, indexes TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS docs (coll TEXT NOT NULL, id TEXT NOT NULL, ver INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (coll, id));
      CREATE TABLE IF NOT EXISTS idx (coll TEXT NOT NULL, idx TEXT NOT NULL, k TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (coll, idx, k, id)) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS idx_by_doc ON idx (coll, id);
    `);
    this.stmt = {
      get: this.db.prepare('SELECT ver, body FROM docs WHERE coll = ? AND id = ?'),
      scan: this.db.prepare('SELECT id, ver, body FROM docs WHERE coll = ?'),
      byIndex: this.db.prepare(
        'SELECT d.id AS id, d.ver AS ver, d.body AS body FROM idx i JOIN docs d ON d.coll = i.coll AND d.id = i.id WHERE i.coll = ? AND i.idx = ? AND i.k = ?',
      ),
      put: this.db.prepare('INSERT INTO docs (coll, id, ver, body) VALUES (?, ?, ?, ?) ON CONFLICT (coll, id) DO UPDATE SET ver = excluded.ver, body = excluded.body'),
      del: this.db.prepare('DELETE FROM docs WHERE coll = ? AND id = ?'),
      idxDel: this.db.prepare('DELETE FROM idx WHERE coll = ? AND id = ?'),
      idxPut: this.db.prepare('INSERT OR IGNORE INTO idx (coll, idx, k, id) VALUES (?, ?, ?, ?)'),
      addColl: this.db.prepare('INSERT INTO collections (name, indexes) VALUES (?, ?)'),
    };
    for (const row of this.db.prepare('SELECT name, indexes FROM collections').all() as Array<{ name: string; indexes: string }>) {
      this.indexes.set(row.name, JSON.parse(row.indexes) as IndexDecl[]);
    }
  }

  hasCollection(name: string): boolean {
    return this.indexes.has(name);
  }

  listCollections(): string[] {
    return [...this.indexes.keys()];
  }

  createCollection(name: string, indexes: IndexDecl[]): void {
    this.stmt.addColl.run(name, JSON.stringify(indexes));
    this.indexes.set(name, indexes);
  }

  get(coll: string, id: string): Versioned | undefined {
    const key = `${coll}\u0000${id}`;
    const pending = this.pending.get(key);
    if (pending) return pending.doc ? { doc: pending.doc, ver: pending.ver } : undefined;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const row = this.stmt.get.get(coll, id);
    if (!row) return undefined;
    return this.remember(key, row.ver, row.body);
  }

  candidates(coll: string, query: Record<string, unknown>): Doc[] {
    const plan = planQuery(query, this.indexes.get(coll) ?? []);
    if (plan.kind === 'ids') {
      return plan.ids.map((id) => this.get(coll, id)?.doc).filter((d): d is Doc => d !== undefined);
    }
    const rows = plan.kind === 'index' ? this.stmt.byIndex.all(coll, plan.idx, plan.key) : this.stmt.scan.all(coll);
    const out: Doc[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      const key = `${coll}\u0000${row.id}`;
      seen.add(key);
      const pending = this.pending.get(key);
      if (pending) {
        if (pending.doc) out.push(pending.doc);
        continue;
      }
      const hit = this.cache.get(key);
      out.push(hit && hit.ver === row.ver ? hit.doc : this.remember(key, row.ver, row.body).doc);
    }
    // Writes not yet flushed: a superset is fine, the engine filters.
    for (const [key, p] of this.pending) if (p.coll === coll && p.doc && !seen.has(key)) out.push(p.doc);
    return out;
  }

  commit(writes: Write[]): Promise<void> {
    this.queue(writes);
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  commitSync(writes: Write[]): void {
    this.queue(writes);
    this.flush();
  }

  /** Makes writes visible now; they become durable at the next flush. */
  private queue(writes: Write[]): void {
    for (const w of writes) {
      const key = `${w.coll}\u0000${w.id}`;
      const prev = this.get(w.coll, w.id);
      const ver = (prev?.ver ?? this.deletedVer(key)) + 1;
      // The index rows already on disk: those of the last flushed version of this document.
      const flushed = this.pending.get(key)?.prevKeys;
      this.pending.set(key, { ...w, ver, prevKeys: flushed ?? this.indexKeys(w.coll, prev?.doc ?? null) });
    }
  }

  private deletedVer(key: string): number {
    return this.pending.get(key)?.ver ?? 0;
  }

  /** Writes everything pending in one SQLite transaction (one fsync), then answers the waiters. */
  private flush(): void {
    this.flushScheduled = false;
    const batch = [...this.pending.values()];
    const waiters = this.waiters;
    this.waiters = [];
    if (batch.length === 0) {
      for (const w of waiters) w.resolve();
      return;
    }
    const apply = this.db.transaction((items: PendingWrite[]) => {
      for (const w of items) {
        const keys = this.indexKeys(w.coll, w.doc);
        // Index rows are rewritten only when an indexed value changed (counters never move theirs).
        const reindex = keys !== w.prevKeys;
        if (reindex) this.stmt.idxDel.run(w.coll, w.id);
        if (w.doc === null) {
          this.stmt.del.run(w.coll, w.id);
          continue;
        }
        this.stmt.put.run(w.coll, w.id, w.ver, stringifyEjson(w.doc));
        if (!reindex) continue;
        for (const index of this.indexes.get(w.coll) ?? []) {
          for (const row of indexRows(index, w.doc)) this.stmt.idxPut.run(w.coll, row.idx, row.key, w.id);
        }
      }
    });
    try {
      apply(batch);
    } catch (err) {
      for (const w of batch) {
        this.pending.delete(`${w.coll}\u0000${w.id}`);
        this.cache.delete(`${w.coll}\u0000${w.id}`);
      }
      for (const w of waiters) w.reject(err);
      if (waiters.length === 0) throw err;
      return;
    }
    for (const w of batch) {
      const key = `${w.coll}\u0000${w.id}`;
      if (this.pending.get(key) === w) this.pending.delete(key);
      if (w.doc === null) this.cache.delete(key);
      else this.cache.set(key, { doc: w.doc, ver: w.ver });
    }
    for (const w of waiters) w.resolve();
  }

  /** The index rows a document version has, as one comparable text ('' for none). */
  private indexKeys(coll: string, doc: Doc | null): string {
    if (!doc) return '';
    const parts: string[] = [];
    for (const index of this.indexes.get(coll) ?? []) for (const row of indexRows(index, doc)) parts.push(`${row.idx}=${row.key}`);
    return parts.join('\u0002');
  }

  /** SQLite's own consistency check of the file: 'ok' when sound. */
  integrityCheck(): string {
    return (this.db.pragma('integrity_check', { simple: true }) as string) ?? 'no answer';
  }

  close(): void {
    this.flush();
    this.db.close();
  }

  private remember(key: string, ver: number, body: string): Versioned {
    const entry: Versioned = { doc: parseEjson(body, Date.now()) as Doc, ver };
    if (this.cache.size >= CACHE_LIMIT) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(key, entry);
    return entry;
  }
}
