import { randomBytes } from 'node:crypto';
import { chinaDay } from '../../shared/time';
import { cloud } from './cloud';

/** Bytes uploaded to cloud storage under `folder/<China day>/<unguessable name>.<ext>`, with a link valid for `maxAge` seconds. */
export async function uploadWithLink(folder: string, ext: string, bytes: Buffer, now: Date, maxAge = 3600): Promise<{ url: string; fileID: string }> {
  const cloudPath = `${folder}/${chinaDay(now)}/${randomBytes(8).toString('hex')}.${ext}`;
  const uploaded = (await cloud.uploadFile({ cloudPath, fileContent: bytes })) as { fileID: string };
  const links = (await cloud.getTempFileURL({ fileList: [{ fileID: uploaded.fileID, maxAge }] })) as { fileList: Array<{ tempFileURL: string }> };
  const url = links.fileList[0]?.tempFileURL;
  if (!url) throw new Error(`no temporary link for ${folder}`);
  return { url, fileID: uploaded.fileID };
}
