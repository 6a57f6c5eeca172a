import Taro from '@tarojs/taro';
import type { ActionName, FnName, Input, Output } from '@shared/contracts';
import type { ErrorCode, Result } from '@shared/result';
import { currentDevOpenid } from './dev-signin';

/**
 * The one module that calls cloud functions. In WeChat it goes through `Taro.cloud.callFunction`;
 * in the browser through the local host's `POST /api/fn/<name>`. It never throws and never shows
 * anything: every outcome is a `Result` for the hook to render. `process.env.TARO_ENV` is replaced at
 * build time, so each bundle keeps only its own platform's branch.
 */

const NETWORK_DOWN = '网络不可用，请稍后再试';

function failure<T>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; data?: unknown; error?: unknown };
  if (v.ok === true) return 'data' in v;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  const e = v.error as { code?: unknown; message?: unknown };
  return typeof e.code === 'string' && typeof e.message === 'string';
}

let cloudReady = false;
function ensureCloud(): void {
  if (cloudReady) return;
  // DYNAMIC_CURRENT_ENV is on wx.cloud but missing from Taro's types.
  const dynamicEnv = (Taro.cloud as unknown as { DYNAMIC_CURRENT_ENV: string }).DYNAMIC_CURRENT_ENV;
  Taro.cloud.init({ env: CLOUD_ENV || dynamicEnv, traceUser: true });
  cloudReady = true;
}

async function callWeapp(fn: string, event: { action: string; input: unknown }): Promise<Result<unknown>> {
  try {
    ensureCloud();
    const res = await Taro.cloud.callFunction({ name: fn, data: event });
    return isResult(res.result) ? res.result : failure('INTERNAL', '服务暂时不可用，请稍后再试');
  } catch {
    return failure('INTERNAL', NETWORK_DOWN);
  }
}

function httpFailure(status: number): Result<unknown> {
  if (status === 403) return failure('FORBIDDEN', '开发登录只在本机开发模式下可用');
  if (status === 400 || status === 413) return failure('BAD_REQUEST', '请求格式不正确');
  if (status === 404) return failure('NOT_FOUND', '这项服务暂未开放');
  if (status === 429) return failure('RATE_LIMITED', '访问太频繁，请稍后再试');
  return failure('INTERNAL', '服务暂时不可用，请稍后再试');
}

/** Headers of a request to the local host: JSON, with the development sign-in's identity when there is one. h5 only. */
export function localHostHeaders(): Record<string, string> {
  const openid = currentDevOpenid();
  return { 'content-type': 'application/json', ...(openid !== null ? { 'x-local-openid': openid } : {}) };
}

async function callHttp(fn: string, event: { action: string; input: unknown }): Promise<Result<unknown>> {
  try {
    const res = await fetch(`/api/fn/${encodeURIComponent(fn)}`, {
      method: 'POST',
      headers: localHostHeaders(),
      body: JSON.stringify(event),
      credentials: 'same-origin',
    });
    if (!res.ok) return httpFailure(res.status);
    const body: unknown = await res.json();
    return isResult(body) ? body : failure('INTERNAL', '服务暂时不可用，请稍后再试');
  } catch {
    return failure('INTERNAL', NETWORK_DOWN);
  }
}

/** Calls one action of one cloud function; resolves to its `Result`, never rejects. */
export async function call<F extends FnName, A extends ActionName<F>>(fn: F, action: A, input: Input<F, A>): Promise<Result<Output<F, A>>> {
  const event = { action, input };
  const result = process.env.TARO_ENV === 'h5' ? await callHttp(fn, event) : await callWeapp(fn, event);
  // The function validated its output against the same contract these types come from.
  return result as Result<Output<F, A>>;
}
