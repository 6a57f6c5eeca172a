import path from 'node:path';

// Runs on the functions' deploy runtime too (the out-of-process runner loads it on Node 16.13):
// Node built-ins only, nothing of the store.

/** Where a swapped SDK sends what would go to WeChat: database requests, context, open APIs, storage. */
export interface SdkBackend {
  /** One database request as the SDK's transport sends it; answers as the transport would. */
  database(action: string, params: Record<string, unknown> | undefined): Promise<unknown>;
  /** The OPENID of the call under way ('' outside a call or for an anonymous one). */
  openid(): string;
  /** The object behind `cloud.openapi`. */
  openapi(): unknown;
  /** `cloud.uploadFile`. */
  uploadFile(params: { cloudPath?: unknown; fileContent?: unknown }): Promise<unknown>;
  /** `cloud.getTempFileURL`. */
  getTempFileURL(params: { fileList?: unknown }): Promise<unknown>;
}

type SdkModule = Record<string, unknown> & { getWXContext: () => Record<string, unknown>; openapi: unknown };
type DbClass = { reqClass?: unknown };

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

let backend: SdkBackend | undefined;
let swapped = false;

function current(): SdkBackend {
  if (!backend) throw new Error('local SDK host is not active');
  return backend;
}

/** The transport the SDK's database sends every request through, swapped for the backend. */
class SwappedTransport {
  send(action: string, params?: Record<string, unknown>): Promise<unknown> {
    // Called at once, not a turn later: the backend counts the request as part of the call now.
    try {
      return current().database(action, params);
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }
}

/** What `cloud.getWXContext()` answers for a caller (an empty OPENID: no caller, as in a timer). */
export function wxContextOf(openid: string): Record<string, unknown> {
  return openid ? { OPENID: openid, APPID: 'local-app', UNIONID: undefined, ENV: 'local', SOURCE: 'wx_client' } : { ENV: 'local' };
}

/**
 * Points the real wx-server-sdk at `next` before any function is loaded: the database transport
 * (the SDK re-assigns `Db.reqClass` on every `database()` call, so the property is pinned),
 * `getWXContext`, the open APIs, cloud storage, and no network. Later calls change the backend only.
 */
export function swapSdk(next: SdkBackend): void {
  backend = next;
  if (swapped) return;
  const Db = sdkDbClass();
  Object.defineProperty(Db, 'reqClass', { configurable: true, get: () => SwappedTransport, set: () => undefined });
  const cloud = sdkModule();
  cloud.getWXContext = () => wxContextOf(backend?.openid() ?? '');
  Object.defineProperty(cloud, 'openapi', { configurable: true, enumerable: true, get: () => backend?.openapi(), set: () => undefined });
  cloud.uploadFile = (params: { cloudPath?: unknown; fileContent?: unknown }) => Promise.resolve().then(() => current().uploadFile(params));
  cloud.getTempFileURL = (params: { fileList?: unknown }) => Promise.resolve().then(() => current().getTempFileURL(params));
  for (const name of OFFLINE_APIS) {
    cloud[name] = () => Promise.reject(new Error(`wx-server-sdk ${name} is not available on the local host`));
  }
  swapped = true;
}
