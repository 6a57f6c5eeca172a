import fs from 'node:fs';
import path from 'node:path';
import { migrate, seed } from './migrate';
import { createLocalOpenApi, type LocalOpenApi } from './openapi/local-openapi';
import { installLocalSdk, withIdentity, type CallIdentity } from './sdk-host';
import { Engine } from './store/engine';
import { SqliteStore } from './store/sqlite-store';
import { REPO_ROOT } from './config';
import { LocalFiles } from './files';
import { provideSecrets, type HostSecrets } from './secrets';

type Main = (event: unknown, context?: unknown) => Promise<unknown>;

/** Options of a local host. */
export interface HostOptions {
  /** Folder of the SQLite file (created if missing). */
  dataDir: string;
  /** Folder of the built function bundles; default dist/cloudfunctions. */
  functionsDir?: string;
  /** Seed content (and, in local mode, the sample people); default true. */
  seed?: boolean;
  /** Local mode: the sample people exist (default true); otherwise they are removed. */
  local?: boolean;
  /** Where the help-request keys live, apart from the data folder (default: in it). */
  helpKeysFile?: string | null;
  /** The clock the database uses for server dates (tests control it). */
  clock?: () => number;
}

/** A running local host: the store, the engines and the loaded function bundles. */
export interface Host {
  readonly functions: string[];
  readonly engine: Engine;
  readonly store: SqliteStore;
  readonly openapi: LocalOpenApi;
  readonly files: LocalFiles;
  /** The host's own secrets (the visitor-cookie key). */
  readonly secrets: HostSecrets;
  /** Calls a function as WeChat would, with `identity` as the caller's context. */
  invoke(name: string, event: unknown, identity: CallIdentity | null): Promise<unknown>;
  close(): void;
}

/** The function bundles present in a build folder. */
export function listFunctionBundles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => !name.startsWith('_') && fs.existsSync(path.join(dir, name, 'index.js')))
    .sort();
}

/** Opens the store, migrates and seeds it, swaps the SDK's transport and loads the function bundles. */
export function createHost(options: HostOptions): Host {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const secrets = provideSecrets(options.dataDir, options.helpKeysFile ?? null);
  const store = new SqliteStore(path.join(options.dataDir, 'store.sqlite'));
  migrate(store);
  if (options.seed !== false) seed(store, new Date(), options.local !== false);
  const clock = options.clock ?? Date.now;
  const engine = new Engine(store, clock);
  const openapi = createLocalOpenApi(store, clock);
  const files = new LocalFiles(path.join(options.dataDir, 'files'), clock);
  installLocalSdk(engine, openapi, files);
  const dir = options.functionsDir ?? path.join(REPO_ROOT, 'dist/cloudfunctions');
  const functions = listFunctionBundles(dir);
  const mains = new Map<string, Main>();
  for (const name of functions) {
    const mod = require(path.join(dir, name, 'index.js')) as { main?: Main };
    if (typeof mod.main === 'function') mains.set(name, mod.main);
  }
  return {
    functions: [...mains.keys()],
    engine,
    store,
    openapi,
    files,
    secrets,
    invoke(name, event, identity) {
      const main = mains.get(name);
      if (!main) return Promise.reject(new Error(`no function ${name}`));
      // A call whose writes could not all be made durable failed, whatever it answered.
      return withIdentity(identity, () => main(event, {})).catch((err: unknown) => {
        console.error(`fn=${name} writes not durable: ${err instanceof Error ? err.message : String(err)}`);
        return { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } };
      });
    },
    close() {
      store.close();
    },
  };
}
