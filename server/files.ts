import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The local engine behind `cloud.uploadFile` and `cloud.getTempFileURL`: files in the data folder,
 * temporary links signed with a per-process secret and served by the host.
 */
export class LocalFiles {
  private readonly secret = randomBytes(32);

  constructor(
    private readonly dir: string,
    private readonly clock: () => number = Date.now,
  ) {}

  /** As `cloud.uploadFile({cloudPath, fileContent})`. */
  upload(params: { cloudPath?: unknown; fileContent?: unknown }): { fileID: string; statusCode: number; errMsg: string } {
    const cloudPath = typeof params.cloudPath === 'string' ? params.cloudPath : '';
    if (!/^[\w\-./]{1,200}$/.test(cloudPath) || cloudPath.includes('..')) throw Object.assign(new Error('uploadFile:fail invalid cloudPath'), { errCode: -503004 });
    const content = params.fileContent;
    if (!Buffer.isBuffer(content) && !(content instanceof Uint8Array)) throw Object.assign(new Error('uploadFile:fail fileContent must be a Buffer'), { errCode: -503001 });
    const file = path.join(this.dir, cloudPath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return { fileID: `cloud://local.files/${cloudPath}`, statusCode: 200, errMsg: 'uploadFile:ok' };
  }

  /** As `cloud.getTempFileURL({fileList})`: links that expire after maxAge seconds. */
  tempUrls(params: { fileList?: unknown }): { fileList: Array<{ fileID: string; tempFileURL: string; status: number; maxAge: number; errMsg: string }>; errMsg: string } {
    const list = Array.isArray(params.fileList) ? params.fileList : [];
    return {
      errMsg: 'getTempFileURL:ok',
      fileList: list.map((item: unknown) => {
        const given = typeof item === 'string' ? item : (item as { fileID?: unknown }).fileID;
        const fileID = typeof given === 'string' ? given : '';
        const maxAge = typeof item === 'object' && item !== null && typeof (item as { maxAge?: unknown }).maxAge === 'number' ? (item as { maxAge: number }).maxAge : 86400;
        const cloudPath = fileID.replace(/^cloud:\/\/local\.files\//, '');
        if (!fs.existsSync(path.join(this.dir, cloudPath))) return { fileID, tempFileURL: '', status: -1, maxAge, errMsg: 'file not exists' };
        const expires = this.clock() + maxAge * 1000;
        const payload = Buffer.from(JSON.stringify({ p: cloudPath, e: expires })).toString('base64url');
        return { fileID, tempFileURL: `/api/files/${payload}.${this.sign(payload)}`, status: 0, maxAge, errMsg: 'ok' };
      }),
    };
  }

  /** The file a temporary link points to, if the link is genuine and not expired. */
  resolve(token: string): string | null {
    const [payload, sig] = token.split('.');
    if (!payload || !sig) return null;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const { p, e } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { p: string; e: number };
    if (e < this.clock() || p.includes('..')) return null;
    const file = path.join(this.dir, p);
    return fs.existsSync(file) ? file : null;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
