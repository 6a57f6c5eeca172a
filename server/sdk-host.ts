import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import type { Engine, TransportResponse } from './store/engine';
import type { LocalOpenApi } from './openapi/local-openapi';
import type { LocalFiles } from './files';

/** Who is calling: what WeChat would inject as the context of a function call. */
export interface CallIdentity {
  openid: string;
}

type SdkModule = Record<string, unknown> & { getWXContext: () => Record<string, unknown>; openapi: unknown };
type DbClass = { reqClass?: unknown };

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
}

const identityStore = new AsyncLocalStorage<CallScope>();
let active: { engine: Engine; openapi: LocalOpenApi; files: LocalFiles } | undefined;
let installed = false;

/** The SDK module every function bundle resolves (`require('wx-server-sdk')` from the repo). */
export function sdkModule(): SdkModule {
  return require('wx-server-sdk') as SdkModule;
}

/** The `Db` class the SDK builds requests with (the copy under the SDK's own node-sdk). */
export function sdkDbClass(): DbClass {
  const sdkDir = path.dirname(require.resolve('wx-server-sdk'));
  const nodeSdk = require.resolve('@cloudbase/node-sdk', { paths: [sdkDir] });
  const database = require.resolve('@cloudbase/database', { paths: [path.dirname(nodeSdk)] });
  return (require(database) as { Db: DbClass }).Db;
}

/** Network-bound SDK calls that have no local engine: they reject instead of reaching the network. */
const OFFLINE_APIS = ['callFunction', 'downloadFile', 'deleteFile', 'callOpenAPI', 'getOpenData', 'getVoIPSign', 'getCloudCallSign'];

/** The transport the SDK's database sends every request through, swapped for the local engine. */
class LocalTransport {
  send(action: string, params?: Record<string, unknown>): Promise<TransportResponse> {
    const scope = identityStore.getStore();
    const request = this.run(action, params, scope);
    if (scope) {
      scope.requests.add(request);
      void request.finally(() => scope.requests.delete(request)).catch(() => undefined);
    }
    return request;
  }

  private async run(action: string, params: Record<string, unknown> | undefined, scope: CallScope | undefined): Promise<TransportResponse> {
    // A write waits for the end of the event-loop turn: new requests and acknowledgements get a turn.
    if (action === 'database.insertDocument' || action === 'database.modifyDocument') await new Promise<void>((r) => setImmediate(r));
    else await Promise.resolve();
    if (!active) throw new Error('local SDK host is not active');
    // After a write of this call failed to become durable, nothing more of it may land.
    if (scope?.failed) throw scope.failed;
    const defer = scope
      ? (d: Promise<void>) => {
          scope.durable.push(d);
          d.catch((err: unknown) => (scope.failed ??= err instanceof Error ? err : new Error('a write of this call could not be made durable')));
        }
      : undefined;
    return active.engine.execute(action, params, defer);
  }
}

/**
 * Points the real wx-server-sdk at the local engines, before any function is loaded: the database
 * transport (the SDK re-assigns `Db.reqClass` on every `database()` call, so the property is
 * pinned), `getWXContext` per call from AsyncLocalStorage, the open APIs, and no network.
 */
export function installLocalSdk(engine: Engine, openapi: LocalOpenApi, files: LocalFiles): void {
  active = { engine, openapi, files };
  if (installed) return;
  const Db = sdkDbClass();
  Object.defineProperty(Db, 'reqClass', { configurable: true, get: () => LocalTransport, set: () => undefined });
  const cloud = sdkModule();
  cloud.getWXContext = () => {
    const who = identityStore.getStore();
    return who ? { OPENID: who.openid, APPID: 'local-app', UNIONID: undefined, ENV: 'local', SOURCE: 'wx_client' } : { ENV: 'local' };
  };
  Object.defineProperty(cloud, 'openapi', { configurable: true, enumerable: true, get: () => active?.openapi, set: () => undefined });
  // Cloud storage: files in the data folder, temporary links served by the host.
  cloud.uploadFile = (params: { cloudPath?: unknown; fileContent?: unknown }) => Promise.resolve().then(() => requireActive().files.upload(params));
  cloud.getTempFileURL = (params: { fileList?: unknown }) => Promise.resolve().then(() => requireActive().files.tempUrls(params));
  for (const name of OFFLINE_APIS) {
    cloud[name] = () => Promise.reject(new Error(`wx-server-sdk ${name} is not available on the local host`));
  }
  installed = true;
}

function requireActive(): NonNullable<typeof active> {
  if (!active) throw new Error('local SDK host is not active');
  return active;
}

/** The name of the cloud function whose call is running here, if any. */
export function callingFunction(): string | undefined {
  return identityStore.getStore()?.fn;
}

/**
 * Runs `fn` as a call of the cloud function `functionName` made by `identity` (or by nobody). The
 * call's database writes answer as soon as they are applied; the call's own result waits until all
 * of them are durable, so no caller hears "done" before its writes are on disk.
 */
export async function withIdentity<T>(identity: CallIdentity | null, fn: () => Promise<T>, functionName?: string): Promise<T> {
  const scope: CallScope = { openid: identity?.openid ?? '', fn: functionName, requests: new Set(), durable: [] };
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
