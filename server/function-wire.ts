// The messages between the host and a function runner in another process (Node's IPC channel,
// JSON serialization: the two ends may run different Node versions). Loaded by both ends.

/** An error as it crosses the channel: the message and the codes the SDK's callers look at. */
export interface WireError {
  message: string;
  errCode?: number;
  errMsg?: string;
  code?: string;
}

/** What the host asks of the runner. */
export type HostMessage =
  /** Run function `fn`'s `main(event)` as the caller `openid` ('' for none). */
  | { t: 'call'; id: number; fn: string; event: unknown; openid: string }
  /** The answer to the runner's request `id`. */
  | { t: 'answer'; id: number; value?: unknown; error?: WireError };

/** What the runner can ask of the host on behalf of a call: the SDK's backend. */
export type BackendRequest =
  | { kind: 'database'; action: string; params: Record<string, unknown> | undefined }
  | { kind: 'openapi'; api: string; params: unknown }
  | { kind: 'uploadFile'; cloudPath: unknown; base64: string | null }
  | { kind: 'getTempFileURL'; params: { fileList?: unknown } }
  | { kind: 'deleteFile'; params: { fileList?: unknown } };

/** What the runner tells the host. */
export type RunnerMessage =
  /** The bundles are loaded: those that loaded, and why the others did not. */
  | { t: 'ready'; functions: string[]; failed: Record<string, string> }
  /** A backend request of call `call` (null: outside any call). */
  | { t: 'ask'; id: number; call: number | null; request: BackendRequest }
  /** Call `id` answered (its result as CloudBase returns it: JSON) or threw. */
  | { t: 'done'; id: number; result?: unknown; error?: WireError };

/** An error made fit to cross the channel. */
export function toWire(err: unknown): WireError {
  if (err === null || typeof err !== 'object') return { message: String(err) };
  const e = err as { message?: unknown; errCode?: unknown; errMsg?: unknown; code?: unknown };
  const out: WireError = { message: typeof e.message === 'string' ? e.message : 'non-error thrown' };
  if (typeof e.errCode === 'number') out.errCode = e.errCode;
  if (typeof e.errMsg === 'string') out.errMsg = e.errMsg;
  if (typeof e.code === 'string') out.code = e.code;
  return out;
}

/** The error again, on the other side, with its codes. */
export function fromWire(w: WireError): Error {
  return Object.assign(new Error(w.message), w.errCode === undefined ? {} : { errCode: w.errCode }, w.errMsg === undefined ? {} : { errMsg: w.errMsg }, w.code === undefined ? {} : { code: w.code });
}

/**
 * An open-API answer again as the SDK gives it: JSON turns a Buffer (getUnlimited's image) into
 * `{type: 'Buffer', data: [...]}` on the way over; its top-level fields become Buffers again.
 */
export function reviveBuffers(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    const wire = field as { type?: unknown; data?: unknown } | null;
    out[key] = wire !== null && typeof wire === 'object' && wire.type === 'Buffer' && Array.isArray(wire.data) ? Buffer.from(wire.data as number[]) : field;
  }
  return out;
}
