import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildFunctions } from '../scripts/build-functions';
import { readConfig, startProblem } from './config';
import { createHost } from './host';
import { createHttpServer } from './http';
import { startTimers } from './timers';

// The SDK leaks an unhandled rejection when it fails to reach the network; never let one end the host.
process.on('unhandledRejection', (reason) => {
  console.error(`unhandled rejection (kept running): ${reason instanceof Error ? reason.message : String(reason)}`);
});

async function start(): Promise<void> {
  const config = readConfig();
  const problem = startProblem(config);
  if (problem) throw new Error(`refusing to start: ${problem}`);
  const h5 = path.join(config.root, 'dist/h5');
  console.log('building cloud functions…');
  await buildFunctions();
  if (!fs.existsSync(path.join(h5, 'index.html'))) {
    console.log('building the h5 app (first start only, about a minute)…');
    const run = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: config.root, stdio: 'inherit' });
    if (run.status !== 0) throw new Error('h5 build failed');
  }
  const host = createHost({ dataDir: config.dataDir, local: config.local, helpKeysFile: config.helpKeysFile });
  const server = createHttpServer({ host, local: config.local, staticDir: h5, visitorsPerHour: config.visitorsPerHour });
  const stopTimers = startTimers(host, path.join(config.root, 'dist/cloudfunctions'), (line) => console.log(line));
  server.listen(config.port, config.host, () => {
    console.log(`巾帼法治通 is running at http://${config.host}:${config.port} (data in ${config.dataDir}, ${config.local ? 'local mode' : 'public mode: visitors only'})`);
  });
  const stop = () => {
    stopTimers();
    server.close();
    host.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

start().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
