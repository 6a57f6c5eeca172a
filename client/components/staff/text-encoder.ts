// WeChat's JavaScript runtime has no TextEncoder, which lean-qr looks up when it loads; this
// module is imported before it. UTF-8 only, as the QR code needs nothing else.
type Root = { TextEncoder?: unknown };
const root: Root | undefined = typeof globalThis === 'undefined' ? undefined : globalThis;

class Utf8Encoder {
  readonly encoding = 'utf-8';
  encode(text = ''): Uint8Array {
    const bytes: number[] = [];
    for (const ch of text) {
      const c = ch.codePointAt(0) ?? 0;
      if (c < 0x80) bytes.push(c);
      else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return Uint8Array.from(bytes);
  }
}

if (root && typeof root.TextEncoder !== 'function') root.TextEncoder = Utf8Encoder;
