import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { helpKeys } from './config';

/** A value encrypted with AES-256-GCM: key id, nonce, tag and ciphertext (base64). */
export interface Sealed {
  kid: string;
  iv: string;
  tag: string;
  data: string;
}

function keyBytes(kid: string): Buffer {
  const b64 = helpKeys().keys[kid];
  const key = b64 ? Buffer.from(b64, 'base64') : undefined;
  // Fail closed: without a proper key nothing sensitive is stored or shown.
  if (!key || key.length !== 32) throw new Error(`encryption key ${kid || '(none)'} is not configured`);
  return key;
}

/** Encrypts a JSON value under the active key; the key id travels with it so keys can rotate. */
export function seal(value: unknown): Sealed {
  const kid = helpKeys().active;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyBytes(kid), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { kid, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** Decrypts a sealed value (any configured key id); throws if it was tampered with. */
export function unseal<T>(sealed: Sealed): T {
  const decipher = createDecipheriv('aes-256-gcm', keyBytes(sealed.kid), Buffer.from(sealed.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const text = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  return JSON.parse(text) as T;
}

/** A keyed hash of an identity, for lookups that must not store the identity itself. */
export function lookupHash(prefix: string, value: string): string {
  const key = helpKeys().lookup;
  if (key.length < 16) throw new Error('lookup key is not configured');
  return `${prefix}${createHmac('sha256', key).update(value).digest('hex').slice(0, 40)}`;
}
