import { AppError } from '../result';
import { readCsv } from './sheets/csv';
import { sizeText, TABLE_LIMITS, TableError, type TableLimits } from './sheets/limits';
import { readXlsx } from './sheets/xlsx-read';

export { TABLE_LIMITS, type TableLimits } from './sheets/limits';

/** A sheet as rows of cell texts: from the first row to the last with content, empty cells ''. */
export type Rows = string[][];

/** The file formats staff upload. */
export type TableKind = 'xlsx' | 'csv';

/** The kind of a file by its name, or null when it is neither .xlsx nor .csv. */
export function tableKindOf(fileName: string): TableKind | null {
  const lower = fileName.toLowerCase();
  return lower.endsWith('.xlsx') ? 'xlsx' : lower.endsWith('.csv') ? 'csv' : null;
}

/**
 * The one entry point for reading an uploaded table (question import, village lists...): the
 * first visible sheet of an .xlsx, or a UTF-8 CSV, as rows of cell texts. Every limit is checked
 * as the file is read; a file past a limit, damaged, or of another format is refused with
 * INVALID_INPUT and a message in Chinese that names the row where there is one.
 */
export function readTable(bytes: Uint8Array, kind: TableKind, limits: Partial<TableLimits> = {}): Rows {
  const lim: TableLimits = { ...TABLE_LIMITS, ...limits };
  if (bytes.length > lim.maxFileBytes) throw new AppError('INVALID_INPUT', `文件超过 ${sizeText(lim.maxFileBytes)}，请分成几个文件`);
  try {
    if (kind === 'xlsx') return readXlsx(bytes, lim);
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw new TableError('这是 Excel 工作簿，不是 CSV：请把文件名改为 .xlsx，或另存为 CSV UTF-8');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new TableError('CSV 文件不是 UTF-8 编码：请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”');
    }
    return readCsv(text, lim);
  } catch (err) {
    if (err instanceof TableError) throw new AppError('INVALID_INPUT', err.message);
    // A damaged archive or malformed XML: the parsers' own messages are not for staff.
    throw new AppError('INVALID_INPUT', kind === 'xlsx' ? '文件无法读取：可能已损坏，或不是 .xlsx 文件' : '文件无法读取：请上传 UTF-8 编码的 .csv 文件');
  }
}
