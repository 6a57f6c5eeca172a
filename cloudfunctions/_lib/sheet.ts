import { readTable, tableKindOf, type Rows } from '../../shared/domain/spreadsheet';
import { AppError } from '../../shared/result';

/** The rows of an uploaded spreadsheet (.xlsx or .csv): the one way every import reads a file. */
export function sheetRows(fileName: string, base64: string): Rows {
  const kind = tableKindOf(fileName);
  if (!kind) throw new AppError('INVALID_INPUT', '请上传 .xlsx 或 .csv 文件');
  return readTable(Uint8Array.from(Buffer.from(base64, 'base64')), kind);
}
