import { writeXlsx, type SheetData } from '../../shared/domain/xlsx-writer';
import { LINK_SECONDS, uploadWithLink } from './storage';

export type { ExportDoc } from './storage';

/** How long an export's temporary link lives, in seconds. */
export const EXPORT_LINK_SECONDS = LINK_SECONDS;

/**
 * How long an exported file is kept in cloud storage, in hours, by what it holds: statistics a day
 * (a margin past the link's hour); a person's own data only until her link has expired.
 */
export const EXPORT_KEEP_HOURS = { report: 24, personal: EXPORT_LINK_SECONDS / 3600 } as const;

/** An .xlsx workbook in cloud storage under an unguessable name, with a link valid for an hour, removed by exportsTimer when its time is up. */
export async function exportWorkbook(
  fileName: string,
  sheets: SheetData[],
  now: Date,
  holds: keyof typeof EXPORT_KEEP_HOURS = 'report',
): Promise<{ fileName: string; url: string; fileID: string }> {
  return { fileName, ...(await uploadWithLink('exports', 'xlsx', Buffer.from(writeXlsx(sheets)), now, EXPORT_KEEP_HOURS[holds], EXPORT_LINK_SECONDS)) };
}
