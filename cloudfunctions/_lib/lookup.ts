import { createHmac } from 'node:crypto';
import { lookupKey } from './config';

/** A keyed hash of an identity, for lookups that must not store the identity itself. */
export function lookupHash(prefix: string, value: string): string {
  const key = lookupKey();
  if (key.length < 16) throw new Error('lookup key is not configured');
  return `${prefix}${createHmac('sha256', key).update(value).digest('hex').slice(0, 40)}`;
}

/** The key her help records, notices and limits are found by: never her OPENID itself. */
export const requesterKey = (openid: string): string => lookupHash('r', openid);
