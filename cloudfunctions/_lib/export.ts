import { randomBytes } from 'node:crypto';
import { writeXlsx, type SheetData } from '../../shared/domain/xlsx-writer';
import { chinaDay } from '../../shared/time';
import { cloud } from './cloud';

/** An .xlsx workbook uploaded to cloud storage under an unguessable name, with a link valid for an hour. */
export async function exportWorkbook(fileName: string, sheets: SheetData[], now: Date): Promise<{ fileName: string; url: string; fileID: string }> {
  const cloudPath = `exports/${chinaDay(now)}/${randomBytes(8).toString('hex')}.xlsx`;
  const uploaded = (await cloud.uploadFile({ cloudPath, fileContent: Buffer.from(writeXlsx(sheets)) })) as { fileID: string };
  const links = (await cloud.getTempFileURL({ fileList: [{ fileID: uploaded.fileID, maxAge: 3600 }] })) as { fileList: Array<{ tempFileURL: string }> };
  const url = links.fileList[0]?.tempFileURL;
  if (!url) throw new Error('no temporary link for the export');
  return { fileName, url, fileID: uploaded.fileID };
}
