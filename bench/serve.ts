// A local host for benchmarks: fresh data folder, no static files; prints its port when ready.
import type { AddressInfo } from 'node:net';
import { createHost } from '../server/host';
import { createHttpServer } from '../server/http';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: serve <dataDir>');
const host = createHost({ dataDir });
const server = createHttpServer({ host, local: true, log: () => undefined });
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`port ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  host.close();
  process.exit(0);
});
