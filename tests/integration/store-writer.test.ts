import path from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { WriterData, WriterReply, WriterRequest } from '../../server/store/sqlite-writer';
import { SqliteStore } from '../../server/store/sqlite-store';
import { tempDir } from '../support/host';

const WRITER = path.resolve(__dirname, '../../server/store/sqlite-writer.cjs');

/** A writer thread on a fresh store file, driven by hand. */
function writerRig() {
  const file = path.join(tempDir('writer-'), 'store.sqlite');
  new SqliteStore(file).close(); // creates the schema
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const data: WriterData = { file, port: port2, signal };
  const worker = new Worker(WRITER, { workerData: data, transferList: [port2], execArgv: [] });
  const replies: WriterReply[] = [];
  const waitFor = (seq: number) => {
    while (Atomics.load(signal, 0) < seq) Atomics.wait(signal, 0, Atomics.load(signal, 0), 100);
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) replies.push(m.message as WriterReply);
  };
  const send = (req: WriterRequest) => port1.postMessage(req);
  const ids = () => (new Database(file, { readonly: true }).prepare('SELECT id FROM docs ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
  return { worker, replies, waitFor, send, ids, close: () => send({ seq: 99, close: true }) };
}

describe('the store writer thread', () => {
  it('refuses the batches sent after a failed one until told, so none of their writes lands', () => {
    const rig = writerRig();
    const doc = (id: string, extra: Record<string, unknown> = {}) => ({ _id: id, ...extra });
    // A value the writer cannot serialise fails batch 1; batch 2 was already on its way.
    rig.send({ seq: 1, rows: [['things', 'bad', 1, doc('bad', { n: BigInt(1) }), null]] });
    rig.send({ seq: 2, rows: [['things', 'after', 1, doc('after'), null]] });
    rig.waitFor(2);
    expect(rig.replies.map((r) => [r.seq, r.error !== undefined])).toEqual([
      [1, true],
      [2, true],
    ]);
    rig.send({ resume: true });
    rig.send({ seq: 3, rows: [['things', 'good', 1, doc('good'), null]] });
    rig.waitFor(3);
    expect(rig.replies[2]).toEqual({ seq: 3 });
    expect(rig.ids()).toEqual(['good']);
    rig.close();
    rig.waitFor(99);
  });
});

describe('a store whose writer thread is gone', () => {
  it('tells the callers waiting, refuses later writes, and still closes', async () => {
    const store = new SqliteStore(path.join(tempDir('stopped-'), 'store.sqlite'));
    store.createCollection('things', []);
    store.commitSync([{ coll: 'things', id: 'kept', doc: { _id: 'kept' } }]);
    const waiting = store.commit([{ coll: 'things', id: 'late', doc: { _id: 'late' } }]).then(
      () => 'durable',
      (err: unknown) => (err instanceof Error ? err.message : 'failed'),
    );
    await store['writer'].terminate();
    // The write in flight either made it before the thread stopped, or its caller hears why not.
    const outcome = await waiting;
    if (outcome !== 'durable') expect(outcome).toMatch(/writer/);
    expect(() => store.commitSync([{ coll: 'things', id: 'after', doc: { _id: 'after' } }])).toThrow(/writer/);
    const file = store['db'].name;
    store.close();
    const again = new SqliteStore(file);
    expect(again.get('things', 'kept')).toBeDefined();
    if (outcome === 'durable') expect(again.get('things', 'late')).toBeDefined();
    expect(again.get('things', 'after')).toBeUndefined();
    again.close();
  });
});
