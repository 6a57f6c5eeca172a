import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { sealKeys } from './config';

/**
 * A value encrypted with AES-256-GCM: key id, nonce, tag and ciphertext (base64). `v: 2` marks a
 * value bound to its place (collection, document id, field) as additional authenticated data;
 * values written before that have no `v` and open without it until they are purged.
 */
export interface Sealed {
  kid: string;
  iv: string;
  tag: string;
  data: string;
  v?: 2;
}

/** Where a sealed value belongs: moved anywhere else, it no longer opens. */
export interface Place {
  coll: string;
  id: string;
  field: string;
}

const aad = (p: Place) => Buffer.from(`jgfzt|${p.coll}|${p.id}|${p.field}`, 'utf8');

function keyBytes(kid: string): Buffer {
  const b64 = sealKeys().keys[kid];
  const key = b64 ? Buffer.from(b64, 'base64') : undefined;
  // Fail closed: without a proper key nothing sensitive is stored or shown.
  if (!key || key.length !== 32) throw new Error(`encryption key ${kid || '(none)'} is not configured`);
  return key;
}

/** Encrypts a JSON value under the active key, bound to its place; the key id travels with it so keys can rotate. */
export function seal(value: unknown, place: Place): Sealed {
  const kid = sealKeys().active;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyBytes(kid), iv);
  cipher.setAAD(aad(place));
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { kid, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64'), v: 2 };
}

/** Decrypts a sealed value (any configured key id) at its place; throws if it was tampered with or moved. */
export function unseal<T>(sealed: Sealed, place: Place): T {
  const decipher = createDecipheriv('aes-256-gcm', keyBytes(sealed.kid), Buffer.from(sealed.iv, 'base64'));
  if (sealed.v === 2) decipher.setAAD(aad(place));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const text = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  return JSON.parse(text) as T;
}
