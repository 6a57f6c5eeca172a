// Child process of the durability test: writes documents through the real SDK and the local
// transport, printing each id only after the write was acknowledged. It is killed mid-stream.
import { createHost } from '../../server/host';

async function run(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: durability-writer <dataDir>');
  const host = createHost({ dataDir, seed: false });
  if (!host.store.hasCollection('stream')) host.store.createCollection('stream', []);
  const { db } = await import('../../cloudfunctions/_lib/cloud');
  process.stdout.write('ready\n');
  for (let i = 0; ; i += 1) {
    const id = `doc-${i}`;
    await (db.collection('stream').add({ data: { _id: id, i, payload: 'x'.repeat(200) } }) as Promise<unknown>);
    process.stdout.write(`ack ${id}\n`);
  }
}

run().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
