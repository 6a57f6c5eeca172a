import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** CloudBase deletes at most this many files in one `deleteFile` call. */
export const DELETE_FILE_MAX = 50;

/** An error as the SDK rejects a storage call with: `errCode`, and `errMsg` "<api>:fail <why>". */
function storageError(api: string, why: string, errCode: number): Error {
  return Object.assign(new Error(`${api}:fail ${why}`), { errCode, errMsg: `${api}:fail ${why}` });
}

/**
 * The local engine behind `cloud.uploadFile`, `cloud.getTempFileURL` and `cloud.deleteFile`: files
 * in the data folder, temporary links signed with a per-process secret and served by the host.
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

  /**
   * As `cloud.deleteFile({fileList})` of wx-server-sdk 4.0.2: at most 50 file IDs (strings) a call
   * (https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-server-api/storage/deleteFile.html,
   * "一次最多 50 个"); the answer is `{fileList: [{fileID, status, errMsg}], errMsg: 'deleteFile:ok'}`,
   * status 0 and errMsg 'ok' for a file deleted, and for a file that does not exist the SDK's mapping
   * of CloudBase's STORAGE_FILE_NONEXIST: status -503003, errMsg 'storage file not exists'
   * (wx-server-sdk src/api/cloud/provider/tcb/api/deleteFile.ts). A missing file is not an error
   * of the call. A fileList that is not an array of strings is refused as the SDK refuses it
   * (errCode -1); more than 50 with CloudBase's "invalid parameters" (-501007: the documents give
   * the limit, not the code).
   */
  remove(params: { fileList?: unknown }): { fileList: Array<{ fileID: string; status: number; errMsg: string }>; errMsg: string } {
    const list = params.fileList;
    if (!Array.isArray(list)) throw storageError('deleteFile', 'fileList must be an array', -1);
    const bad = list.findIndex((f) => typeof f !== 'string');
    if (bad >= 0) throw storageError('deleteFile', `Type of fileList[${bad}] must be string instead of ${typeof list[bad]}`, -1);
    if (list.length > DELETE_FILE_MAX) throw storageError('deleteFile', `at most ${DELETE_FILE_MAX} files a call, got ${list.length}`, -501007);
    return {
      errMsg: 'deleteFile:ok',
      fileList: (list as string[]).map((fileID) => {
        const file = this.fileOf(fileID);
        if (!file || !fs.existsSync(file)) return { fileID, status: -503003, errMsg: 'storage file not exists' };
        fs.rmSync(file);
        // Cloud storage has no folders: an emptied day folder goes too.
        const folder = path.dirname(file);
        if (folder !== this.dir && fs.readdirSync(folder).length === 0) fs.rmdirSync(folder);
        return { fileID, status: 0, errMsg: 'ok' };
      }),
    };
  }

  /** The local file a file ID names, or null when it names none here. */
  private fileOf(fileID: string): string | null {
    const m = /^cloud:\/\/local\.files\/(.+)$/.exec(fileID);
    if (!m?.[1] || m[1].split('/').includes('..')) return null;
    return path.join(this.dir, m[1]);
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
