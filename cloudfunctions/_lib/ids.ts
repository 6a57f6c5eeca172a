import { createHash, randomBytes } from 'node:crypto';

/** An id derived from private values by hash (the values themselves are never stored in it). */
export function hashId(prefix: string, ...parts: string[]): string {
  return `${prefix}${createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 32)}`;
}

/** A new random id with a prefix naming its kind. */
export function newId(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${randomBytes(6).toString('hex')}`;
}
