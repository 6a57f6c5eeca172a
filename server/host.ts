import fs from 'node:fs';
import path from 'node:path';
import { HOST_ONLY_COLLECTIONS, migrate, seed } from './migrate';
import { createLocalOpenApi, type LocalOpenApi } from './openapi/local-openapi';
import { callingFunction, installLocalSdk, localBackend, withIdentity, type CallIdentity, type CallStats } from './sdk-host';
import { FunctionProcess } from './function-process';
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
  /**
   * A Node binary to run the function bundles with, in a separate process (e.g. the deploy
   * runtime's); by default they are loaded into the host's own process.
   */
  node?: string;
  /** A fixed delay per database request, like a cloud database's round trip (benchmarks; default 0). */
  latencyMs?: number;
  /** A random extra delay of up to this many ms per database request: racing calls' requests arrive in any order (tests of races; default 0). */
  jitterMs?: number;
  /** Evaluate every request with mingo, never the engine's fast paths (the conformance suite). */
  mingoOnly?: boolean;
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
  /** Calls a function as `invoke` does, and tells what the call asked of the database. */
  measure(name: string, event: unknown, identity: CallIdentity | null): Promise<{ result: unknown; stats: CallStats }>;
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

/** The open APIs a function bundle declares in its config.json (`permissions.openapi`), as CloudBase reads them. */
export function declaredOpenApis(functionDir: string): string[] {
  const file = path.join(functionDir, 'config.json');
  if (!fs.existsSync(file)) return [];
  const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { permissions?: { openapi?: unknown } };
  const apis = config.permissions?.openapi;
  return Array.isArray(apis) ? apis.filter((a): a is string => typeof a === 'string') : [];
}

/** Opens the store, migrates and seeds it, swaps the SDK's transport and loads the function bundles. */
export function createHost(options: HostOptions): Host {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const secrets = provideSecrets(options.dataDir, options.helpKeysFile ?? null);
  const store = new SqliteStore(path.join(options.dataDir, 'store.sqlite'));
  migrate(store);
  if (options.seed !== false) seed(store, new Date(), options.local !== false);
  const clock = options.clock ?? Date.now;
  const engine = new Engine(store, clock, { mingoOnly: options.mingoOnly, hostOnly: HOST_ONLY_COLLECTIONS });
  const dir = options.functionsDir ?? path.join(REPO_ROOT, 'dist/cloudfunctions');
  const functions = listFunctionBundles(dir);
  const permissions = new Map(functions.map((name) => [name, declaredOpenApis(path.join(dir, name))]));
  const openapi = createLocalOpenApi(store, clock, () => {
    const name = callingFunction();
    return name === undefined ? undefined : { name, openapi: permissions.get(name) ?? [] };
  });
  const files = new LocalFiles(path.join(options.dataDir, 'files'), clock);
  installLocalSdk(engine, openapi, files, { latencyMs: options.latencyMs ?? 0, jitterMs: options.jitterMs ?? 0 });
  const remote = options.node ? new FunctionProcess(options.node, dir, localBackend) : undefined;
  const mains = new Map<string, Main>();
  if (!remote) {
    for (const name of functions) {
      const mod = require(path.join(dir, name, 'index.js')) as { main?: Main };
      if (typeof mod.main === 'function') mains.set(name, mod.main);
    }
  }
  const run = (name: string, event: unknown): Promise<unknown> => {
    if (remote) return remote.invoke(name, event);
    return (mains.get(name) as Main)(event, {});
  };
  const measure = async (name: string, event: unknown, identity: CallIdentity | null) => {
    const stats: CallStats = { requests: 0, roundTrips: 0 };
    if (!(remote ? functions.includes(name) : mains.has(name))) throw new Error(`no function ${name}`);
    // A call whose writes could not all be made durable failed, whatever it answered.
    const result = await withIdentity(identity, () => run(name, event), name, stats).catch((err: unknown) => {
      console.error(`fn=${name} failed: ${err instanceof Error ? err.message : String(err)}`);
      return { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } };
    });
    return { result, stats };
  };
  return {
    functions: remote ? functions : [...mains.keys()],
    engine,
    store,
    openapi,
    files,
    secrets,
    async invoke(name, event, identity) {
      return (await measure(name, event, identity)).result;
    },
    measure,
    close() {
      remote?.close();
      store.close();
    },
  };
}
