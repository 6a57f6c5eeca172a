// Child process of the durability test: writes documents through the real SDK and the local
// transport, printing each id only after the write was acknowledged. It is killed mid-stream.
// Mode `direct`: each write on its own, acknowledged by the database. Mode `call`: each write inside
// a function call, whose reply is the acknowledgement (the write itself answers before the disk).
import { createHost } from '../../server/host';
import { withIdentity } from '../../server/sdk-host';

async function run(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: durability-writer <dataDir>');
  const host = createHost({ dataDir, seed: false });
  if (!host.store.hasCollection('stream')) host.store.createCollection('stream', []);
  const { db } = await import('../../cloudfunctions/_lib/cloud');
  process.stdout.write('ready\n');
  for (let i = 0; ; i += 1) {
    const id = `doc-${i}`;
    const write = () => db.collection('stream').add({ data: { _id: id, i, payload: 'x'.repeat(200) } }) as Promise<unknown>;
    if (process.argv[3] === 'call') await withIdentity({ openid: 'writer' }, write);
    else await write();
    process.stdout.write(`ack ${id}\n`);
  }
}

run().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
