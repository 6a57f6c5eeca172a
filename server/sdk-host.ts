import { AsyncLocalStorage } from 'node:async_hooks';
import type { Engine, TransportResponse } from './store/engine';
import type { LocalOpenApi } from './openapi/local-openapi';
import type { LocalFiles } from './files';
import { swapSdk, type SdkBackend } from './sdk-swap';

export { sdkDbClass, sdkModule } from './sdk-swap';

/** Who is calling: what WeChat would inject as the context of a function call. */
export interface CallIdentity {
  openid: string;
}

/** What one call asked of the database: how many requests, and how many of them one after another. */
export interface CallStats {
  requests: number;
  /** The longest chain of requests each sent after the previous one answered (the round trips a caller waits). */
  roundTrips: number;
}

/** One function call: who calls, its database requests under way, and the durability of its writes. */
interface CallScope {
  openid: string;
  /** The cloud function being called (open-API permissions are per function). */
  fn?: string;
  /** Requests sent and not yet answered (a function may leave one running). */
  requests: Set<Promise<unknown>>;
  durable: Array<Promise<void>>;
  /** Set when one of the call's writes could not be made durable: its later requests are refused. */
  failed?: Error;
  stats: CallStats;
  /** The deepest chain among the requests answered so far. */
  answeredDepth: number;
}

/** Options of the local database transport. */
export interface TransportOptions {
  /** A fixed delay before each database request is executed, like a cloud database's round trip (default 0). */
  latencyMs?: number;
  /**
   * A random extra delay of up to this many ms before each request (default 0): the requests of
   * calls racing each other reach the database in any order, as they may on a cloud database (tests of races).
   */
  jitterMs?: number;
}

const identityStore = new AsyncLocalStorage<CallScope>();
let active: { engine: Engine; openapi: LocalOpenApi; files: LocalFiles; latencyMs: number; jitterMs: number } | undefined;

function requireActive(): NonNullable<typeof active> {
  if (!active) throw new Error('local SDK host is not active');
  return active;
}

const WRITES = new Set(['database.insertDocument', 'database.modifyDocument']);

async function run(action: string, params: Record<string, unknown> | undefined, scope: CallScope | undefined): Promise<TransportResponse> {
  const { latencyMs, jitterMs } = requireActive();
  const delay = latencyMs + (jitterMs > 0 ? Math.random() * jitterMs : 0);
  if (delay > 0) await new Promise<void>((r) => setTimeout(r, delay));
  // A write waits for the end of the event-loop turn: new requests and acknowledgements get a turn.
  else if (WRITES.has(action)) await new Promise<void>((r) => setImmediate(r));
  else await Promise.resolve();
  const { engine } = requireActive();
  // After a write of this call failed to become durable, nothing more of it may land.
  if (scope?.failed) throw scope.failed;
  const defer = scope
    ? (d: Promise<void>) => {
        scope.durable.push(d);
        d.catch((err: unknown) => (scope.failed ??= err instanceof Error ? err : new Error('a write of this call could not be made durable')));
      }
    : undefined;
  return engine.execute(action, params, defer);
}

/** Sends one database request to the engine as part of the call under way (if any). */
function sendDatabase(action: string, params: Record<string, unknown> | undefined): Promise<TransportResponse> {
  const scope = identityStore.getStore();
  const request = run(action, params, scope);
  if (scope) {
    const depth = scope.answeredDepth + 1;
    scope.stats.requests += 1;
    scope.stats.roundTrips = Math.max(scope.stats.roundTrips, depth);
    scope.requests.add(request);
    void request
      .finally(() => {
        scope.requests.delete(request);
        scope.answeredDepth = Math.max(scope.answeredDepth, depth);
      })
      .catch(() => undefined);
  }
  return request;
}

/**
 * The local engines as the SDK's backend, for the call under way: the database with the call's
 * durability, its caller, the open APIs and cloud storage. An out-of-process function runner's
 * requests go through it too, inside the call they belong to.
 */
export const localBackend: SdkBackend = {
  database: sendDatabase,
  openid: () => identityStore.getStore()?.openid ?? '',
  openapi: () => active?.openapi,
  uploadFile: (params) => Promise.resolve().then(() => requireActive().files.upload(params)),
  getTempFileURL: (params) => Promise.resolve().then(() => requireActive().files.tempUrls(params)),
  deleteFile: (params) => Promise.resolve().then(() => requireActive().files.remove(params)),
};

/**
 * Points the real wx-server-sdk at the local engines, before any function is loaded: the database
 * transport, `getWXContext` per call from AsyncLocalStorage, the open APIs, storage, and no network.
 */
export function installLocalSdk(engine: Engine, openapi: LocalOpenApi, files: LocalFiles, options: TransportOptions = {}): void {
  active = { engine, openapi, files, latencyMs: options.latencyMs ?? 0, jitterMs: options.jitterMs ?? 0 };
  swapSdk(localBackend);
}

/** The name of the cloud function whose call is running here, if any. */
export function callingFunction(): string | undefined {
  return identityStore.getStore()?.fn;
}

/**
 * Runs `fn` as a call of the cloud function `functionName` made by `identity` (or by nobody). The
 * call's database writes answer as soon as they are applied; the call's own result waits until all
 * of them are durable, so no caller hears "done" before its writes are on disk. `stats`, when
 * given, receives the call's database requests and round trips.
 */
export async function withIdentity<T>(identity: CallIdentity | null, fn: () => Promise<T>, functionName?: string, stats?: CallStats): Promise<T> {
  const scope: CallScope = { openid: identity?.openid ?? '', fn: functionName, requests: new Set(), durable: [], stats: stats ?? { requests: 0, roundTrips: 0 }, answeredDepth: 0 };
  let out: T;
  try {
    out = await identityStore.run(scope, fn);
  } finally {
    // Requests the function started but did not wait for count too, and so do their writes.
    while (scope.requests.size > 0 || scope.durable.length > 0) {
      await Promise.allSettled([...scope.requests]);
      await Promise.all(scope.durable.splice(0));
    }
  }
  return out;
}
