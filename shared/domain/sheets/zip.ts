// Node's zlib (functions and the host read tables; the mini-program never does): native speed,
// and maxOutputLength stops inflating as soon as a stream yields more than its entry declared.
import { inflateRawSync } from 'node:zlib';
import { TableError } from './limits';

/** Where one member of a zip archive is, as its central directory says. */
interface ZipEntry {
  method: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

const MAX_ENTRIES = 10_000;

const damaged = () => new TableError('文件无法读取：可能已损坏，或不是 .xlsx 文件');

/** The archive's members by lower-case name, read from the central directory with every offset checked. */
export function zipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 65535; at -= 1) {
    if (u32(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw damaged();
  const count = u16(end + 10);
  const size = u32(end + 12);
  const offset = u32(end + 16);
  if (count > MAX_ENTRIES) throw new TableError('文件结构异常：压缩包里的文件太多');
  if (offset + size > end) throw damaged();
  const names = new TextDecoder('utf-8');
  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > end || u32(at) !== 0x02014b50) throw damaged();
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    if (next > end) throw damaged();
    if (u16(at + 8) & 1) throw new TableError('文件已加密，请取消密码后再上传');
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength)).toLowerCase();
    if (entries.has(name)) throw new TableError('文件结构异常：同一部分出现了两次');
    entries.set(name, { method: u16(at + 10), compressedSize: u32(at + 20), size: u32(at + 24), localHeader: u32(at + 42) });
    at = next;
  }
  return entries;
}

/**
 * Unzips one member, whose declared size the caller has checked against its budget; a stream
 * that yields more or less than it declared is a damaged file.
 */
export function unzipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeader;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw damaged();
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (start + entry.compressedSize > bytes.length) throw damaged();
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw damaged();
    return data.slice();
  }
  if (entry.method !== 8) throw new TableError('文件使用了不支持的压缩方式');
  let out: Buffer;
  try {
    // Past the declared size zlib stops (ERR_BUFFER_TOO_LARGE) within one 16 KB chunk.
    out = inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
  } catch {
    throw damaged();
  }
  if (out.length !== entry.size) throw damaged();
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}
