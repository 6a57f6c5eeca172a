import { writeXlsx, type SheetData } from '../../shared/domain/xlsx-writer';
import { uploadWithLink } from './storage';

/** An .xlsx workbook uploaded to cloud storage under an unguessable name, with a link valid for an hour. */
export async function exportWorkbook(fileName: string, sheets: SheetData[], now: Date): Promise<{ fileName: string; url: string; fileID: string }> {
  return { fileName, ...(await uploadWithLink('exports', 'xlsx', Buffer.from(writeXlsx(sheets)), now)) };
}
