import { workerData, type MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { installNativeEjson, stringifyEjsonNative } from './ejson';
import type { Doc } from './types';

/** Index rows: [index row name, key]. */
type Rows = Array<[idx: string, key: string]>;

/**
 * One document write as the writer thread receives it: the new body (null removes) and, when an
 * indexed value changed, the index rows to remove (those of the version on disk) and to add.
 */
export type WriterRow = [coll: string, id: string, ver: number, doc: Doc | null, index: { del: Rows; put: Rows } | null];

/**
 * A batch to make durable; the word that the owner has heard of a failed batch (batches sent before
 * it are refused, since their senders have been told they failed); or the request to close.
 */
export type WriterRequest = { seq: number; rows: WriterRow[] } | { resume: true } | { seq: number; close: true };

/** The writer's answer for a batch: no error means committed and fsynced. */
export interface WriterReply {
  seq: number;
  error?: string;
}

/** What the owning thread hands the writer: the file, its answer port and the shared signal. */
export interface WriterData {
  file: string;
  port: MessagePort;
  /** Int32Array over a SharedArrayBuffer: slot 0 is the last answered sequence number. */
  signal: Int32Array;
}

/**
 * The writer thread: owns the store's write connection and applies each batch in one SQLite
 * transaction (synchronous=FULL: one fsync), so the owning thread keeps serving while the disk
 * works. Batches arrive and are answered in order.
 */
function runWriter({ file, port, signal }: WriterData): void {
  installNativeEjson();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 10000');
  db.pragma('cache_size = -65536');
  const put = db.prepare('INSERT INTO docs (coll, id, ver, body) VALUES (?, ?, ?, ?) ON CONFLICT (coll, id) DO UPDATE SET ver = excluded.ver, body = excluded.body');
  const del = db.prepare('DELETE FROM docs WHERE coll = ? AND id = ?');
  const idxDel = db.prepare('DELETE FROM idx WHERE coll = ? AND idx = ? AND k = ? AND id = ?');
  const idxPut = db.prepare('INSERT OR IGNORE INTO idx (coll, idx, k, id) VALUES (?, ?, ?, ?)');
  const apply = db.transaction((rows: WriterRow[]) => {
    for (const [coll, id, ver, doc, index] of rows) {
      if (index) for (const [idx, key] of index.del) idxDel.run(coll, idx, key, id);
      if (doc === null) {
        del.run(coll, id);
        continue;
      }
      put.run(coll, id, ver, stringifyEjsonNative(doc));
      if (index) for (const [idx, key] of index.put) idxPut.run(coll, idx, key, id);
    }
  });
  const answer = (reply: WriterReply) => {
    port.postMessage(reply);
    Atomics.store(signal, 0, reply.seq);
    Atomics.notify(signal, 0);
  };
  // After a failed batch, the batches already on their way build on it: refused until the owner,
  // who has told all their callers, says so.
  let refusing: string | null = null;
  port.on('message', (req: WriterRequest) => {
    if ('resume' in req) {
      refusing = null;
      return;
    }
    if ('close' in req) {
      db.close();
      answer({ seq: req.seq });
      port.close();
      return;
    }
    if (refusing !== null) {
      answer({ seq: req.seq, error: refusing });
      return;
    }
    try {
      apply(req.rows);
      answer({ seq: req.seq });
    } catch (err) {
      refusing = err instanceof Error ? err.message : String(err);
      answer({ seq: req.seq, error: refusing });
    }
  });
}

runWriter(workerData as WriterData);
