/**
 * A Bloom filter over document keys: `has` is never false for a key that was added, and false for
 * about 99 % of keys that were not. The store asks it before looking a missing document up in
 * SQLite: inserts of new documents (markers, mistakes, attempts) then cost no read at all.
 */
export class IdFilter {
  private bits: Uint32Array;
  private readonly mask: number;
  private count = 0;

  /** Room for `capacity` keys at about 1 % false positives (10 bits and 7 probes a key). */
  constructor(readonly capacity: number) {
    let size = 1 << 16;
    while (size < capacity * 10) size *= 2;
    this.bits = new Uint32Array(size / 32);
    this.mask = size - 1;
  }

  /** Keys added so far (repeats counted). */
  get added(): number {
    return this.count;
  }

  add(key: string): void {
    let [h1, h2] = hashes(key);
    for (let i = 0; i < PROBES; i += 1) {
      const bit = h1 & this.mask;
      this.bits[bit >>> 5] = (this.bits[bit >>> 5] as number) | (1 << (bit & 31));
      h1 = (h1 + h2) >>> 0;
      h2 = (h2 + i) >>> 0;
    }
    this.count += 1;
  }

  has(key: string): boolean {
    let [h1, h2] = hashes(key);
    for (let i = 0; i < PROBES; i += 1) {
      const bit = h1 & this.mask;
      if (((this.bits[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return false;
      h1 = (h1 + h2) >>> 0;
      h2 = (h2 + i) >>> 0;
    }
    return true;
  }
}

const PROBES = 7;

/** Two independent 32-bit hashes of a string (FNV-1a and a multiplicative variant). */
function hashes(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < key.length; i += 1) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35);
  return [a >>> 0, (b >>> 0) | 1];
}
