import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { fromWire, reviveBuffers, toWire, type BackendRequest, type HostMessage, type RunnerMessage } from './function-wire';
import { swapSdk } from './sdk-swap';

// A function runner in its own process, on whichever Node runs it (the deploy runtime's, in the
// runtime tests): it loads the built bundles with the real wx-server-sdk, and sends everything the
// SDK would send to WeChat to the host that spawned it (database, context, open APIs, storage).
// Bundled by scripts/build-functions.ts to dist/runner/function-runner.js; argv[2] is the bundles' folder.

type Main = (event: unknown, context?: unknown) => Promise<unknown>;

const calls = new AsyncLocalStorage<{ id: number; openid: string }>();
const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
let nextAsk = 1;

function tell(message: RunnerMessage): void {
  if (process.send) process.send(message);
}

/** Asks the host to do what the SDK would ask of WeChat, inside the current call. */
function ask(request: BackendRequest): Promise<unknown> {
  const id = nextAsk;
  nextAsk += 1;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    tell({ t: 'ask', id, call: calls.getStore()?.id ?? null, request });
  });
}

/** `cloud.openapi`: every `openapi.<namespace>.<method>(params)` goes to the host's engines. */
const openapi = new Proxy(
  {},
  {
    get: (_t, ns) =>
      typeof ns !== 'string' || ns === 'then'
        ? undefined
        : new Proxy({}, { get: (_u, method) => (typeof method !== 'string' || method === 'then' ? undefined : (params: unknown) => ask({ kind: 'openapi', api: `${ns}.${method}`, params }).then(reviveBuffers)) }),
  },
);

swapSdk({
  database: (action, params) => ask({ kind: 'database', action, params }),
  openid: () => calls.getStore()?.openid ?? '',
  openapi: () => openapi,
  uploadFile: ({ cloudPath, fileContent }) =>
    ask({ kind: 'uploadFile', cloudPath, base64: fileContent instanceof Uint8Array ? Buffer.from(fileContent).toString('base64') : null }),
  getTempFileURL: (params) => ask({ kind: 'getTempFileURL', params }),
  deleteFile: (params) => ask({ kind: 'deleteFile', params }),
});

// As in the host: the SDK may leak a rejection when it fails to reach the network.
process.on('unhandledRejection', (reason) => {
  console.error(`unhandled rejection in the function runner (kept running): ${reason instanceof Error ? reason.message : String(reason)}`);
});
process.on('disconnect', () => process.exit(0));

const dir = process.argv[2] ?? '';
const mains = new Map<string, Main>();
const failed: Record<string, string> = {};
for (const name of fs.readdirSync(dir).sort()) {
  const file = path.join(dir, name, 'index.js');
  if (name.startsWith('_') || !fs.existsSync(file)) continue;
  try {
    const mod = require(file) as { main?: unknown };
    if (typeof mod.main === 'function') mains.set(name, mod.main as Main);
    else failed[name] = 'the bundle exports no main';
  } catch (err) {
    failed[name] = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  }
}

async function runCall(id: number, fn: string, event: unknown, openid: string): Promise<void> {
  const main = mains.get(fn);
  try {
    if (!main) throw new Error(failed[fn] ? `function ${fn} failed to load: ${failed[fn]}` : `no function ${fn}`);
    const result = await calls.run({ id, openid }, () => main(event, {}));
    // What callFunction hands back on CloudBase: the result as JSON.
    tell({ t: 'done', id, result: result === undefined ? null : (JSON.parse(JSON.stringify(result)) as unknown) });
  } catch (err) {
    tell({ t: 'done', id, error: toWire(err) });
  }
}

process.on('message', (message: HostMessage) => {
  if (message.t === 'call') {
    void runCall(message.id, message.fn, message.event, message.openid);
    return;
  }
  const pending = waiting.get(message.id);
  if (!pending) return;
  waiting.delete(message.id);
  if (message.error) pending.reject(fromWire(message.error));
  else pending.resolve(message.value);
});

tell({ t: 'ready', functions: [...mains.keys()], failed });
