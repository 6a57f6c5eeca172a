import { randomBytes } from 'node:crypto';
import { chinaDay, later } from '../../shared/time';
import { cloud } from './cloud';
import { COLL } from './collections';
import { insert } from './db-helpers';

/** How long a stored file's temporary link lives, in seconds. */
export const LINK_SECONDS = 3600;

/** What `exports` records of each file the functions put in cloud storage, for exportsTimer to remove it: no personal data. */
export interface ExportDoc {
  _id: string;
  fileID: string;
  createdAt: Date;
  /** From when exportsTimer removes the file and this record. */
  removeAt: Date;
}

/**
 * Bytes uploaded to cloud storage under `folder/<China day>/<unguessable name>.<ext>`, with a link
 * valid for `maxAge` seconds, and recorded in `exports` so that exportsTimer removes the file after
 * `keepHours` (cloud storage cannot be listed from a function). Without its record the file is not kept.
 */
export async function uploadWithLink(folder: string, ext: string, bytes: Buffer, now: Date, keepHours = 24, maxAge = LINK_SECONDS): Promise<{ url: string; fileID: string }> {
  const cloudPath = `${folder}/${chinaDay(now)}/${randomBytes(8).toString('hex')}.${ext}`;
  const { fileID } = (await cloud.uploadFile({ cloudPath, fileContent: bytes })) as { fileID: string };
  const [recorded, links] = await Promise.allSettled([
    insert(COLL.exports, { fileID, createdAt: now, removeAt: later(now, keepHours, 'hour') }),
    cloud.getTempFileURL({ fileList: [{ fileID, maxAge }] }) as Promise<{ fileList: Array<{ tempFileURL: string }> }>,
  ]);
  if (recorded.status === 'rejected') {
    await (cloud.deleteFile({ fileList: [fileID] }) as Promise<unknown>).catch(() => undefined);
    throw recorded.reason;
  }
  if (links.status === 'rejected') throw links.reason;
  const url = links.value.fileList[0]?.tempFileURL;
  if (!url) throw new Error(`no temporary link for ${folder}`);
  return { url, fileID };
}
