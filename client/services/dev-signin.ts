import type { Role } from '@shared/roles';
import type { Result } from '@shared/result';

/** A sample person offered by the local host's development sign-in. */
export interface DevPerson {
  openid: string;
  name: string;
  role: Role;
  town?: string;
  village?: string;
}

const STORAGE_KEY = 'jgfzt.devOpenid';
const OPENID_RE = /^[A-Za-z0-9_-]{1,64}$/;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null; // storage disabled (private mode, sandboxed frame)
  }
}

/** The openid the browser is signed in as, or null for an anonymous visitor. h5 only. */
export function currentDevOpenid(): string | null {
  const value = storage()?.getItem(STORAGE_KEY) ?? null;
  return value !== null && OPENID_RE.test(value) ? value : null;
}

/** Signs the browser in as a sample person; every later call carries that identity. */
export function signInAs(openid: string): void {
  if (!OPENID_RE.test(openid)) return;
  storage()?.setItem(STORAGE_KEY, openid);
}

/** Back to an anonymous visitor (the host's visitor cookie). */
export function signOut(): void {
  storage()?.removeItem(STORAGE_KEY);
}

function isDevPeople(body: unknown): body is { people: DevPerson[] } {
  if (typeof body !== 'object' || body === null) return false;
  const people: unknown = (body as { people?: unknown }).people;
  return Array.isArray(people) && people.every((p: unknown) => typeof p === 'object' && p !== null && typeof (p as DevPerson).openid === 'string' && typeof (p as DevPerson).name === 'string');
}

/** The sample people of the local host (404 outside local mode). */
export async function listDevPeople(): Promise<Result<{ people: DevPerson[] }>> {
  try {
    const res = await fetch('/api/dev/people', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (res.status === 404) return { ok: false, error: { code: 'NOT_FOUND', message: '开发登录只在本机开发模式下提供' } };
    if (!res.ok) return { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } };
    const body: unknown = await res.json();
    if (!isDevPeople(body)) return { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } };
    return { ok: true, data: { people: body.people } };
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '网络不可用，请稍后再试' } };
  }
}
