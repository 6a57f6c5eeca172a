import { randomBytes } from 'node:crypto';
import { writeXlsx, type SheetData } from '../../shared/domain/xlsx-writer';
import { chinaDay, later } from '../../shared/time';
import { cloud } from './cloud';
import { COLL } from './collections';
import { insert } from './db-helpers';

/** How long an export's temporary link lives, in seconds. */
export const EXPORT_LINK_SECONDS = 3600;

/**
 * How long an exported file is kept in cloud storage, in hours, by what it holds: statistics a day
 * (a margin past the link's hour); a person's own data only until her link has expired.
 */
export const EXPORT_KEEP_HOURS = { report: 24, personal: EXPORT_LINK_SECONDS / 3600 } as const;

/** What `exports` records of each exported file, for exportsTimer to remove it: no personal data. */
export interface ExportDoc {
  _id: string;
  fileID: string;
  createdAt: Date;
  /** From when exportsTimer removes the file and this record. */
  removeAt: Date;
}

/**
 * An .xlsx workbook uploaded to cloud storage under an unguessable name, with a link valid for an
 * hour, and recorded in `exports` so that exportsTimer removes it when its time is up (cloud
 * storage cannot be listed from a function). Without its record the file is not kept.
 */
export async function exportWorkbook(
  fileName: string,
  sheets: SheetData[],
  now: Date,
  holds: keyof typeof EXPORT_KEEP_HOURS = 'report',
): Promise<{ fileName: string; url: string; fileID: string }> {
  const cloudPath = `exports/${chinaDay(now)}/${randomBytes(8).toString('hex')}.xlsx`;
  const uploaded = (await cloud.uploadFile({ cloudPath, fileContent: Buffer.from(writeXlsx(sheets)) })) as { fileID: string };
  const { fileID } = uploaded;
  const [recorded, links] = await Promise.allSettled([
    insert(COLL.exports, { fileID, createdAt: now, removeAt: later(now, EXPORT_KEEP_HOURS[holds], 'hour') }),
    cloud.getTempFileURL({ fileList: [{ fileID, maxAge: EXPORT_LINK_SECONDS }] }) as Promise<{ fileList: Array<{ tempFileURL: string }> }>,
  ]);
  if (recorded.status === 'rejected') {
    await (cloud.deleteFile({ fileList: [fileID] }) as Promise<unknown>).catch(() => undefined);
    throw recorded.reason;
  }
  if (links.status === 'rejected') throw links.reason;
  const url = links.value.fileList[0]?.tempFileURL;
  if (!url) throw new Error('no temporary link for the export');
  return { fileName, url, fileID };
}
