/** How much of a file a table reader accepts: past any of these the file is refused, never truncated. */
export interface TableLimits {
  /** Rows with content; a value in a later row refuses the file. */
  maxRows: number;
  /** Columns with content (64 is column BL). */
  maxColumns: number;
  /** Characters in one cell. */
  maxCellLength: number;
  /** Bytes of the file as uploaded. */
  maxFileBytes: number;
  /** Bytes of the workbook's parts once unzipped, all read parts together (checked before inflating). */
  maxUnzippedBytes: number;
}

/** The limits that apply unless a caller asks for tighter (or looser) ones. */
export const TABLE_LIMITS: TableLimits = {
  maxRows: 2000,
  maxColumns: 64,
  maxCellLength: 5000,
  maxFileBytes: 4 * 1024 * 1024,
  maxUnzippedBytes: 16 * 1024 * 1024,
};

/** A file the reader refuses, with a message for the person who uploaded it (Chinese). */
export class TableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TableError';
  }
}

/** A size for a message: `16 MB`, `512 KB`. */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** The spreadsheet name of a zero-based column: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let s = '';
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** Collects cells into rows, refusing what is past the limits; rows and columns count from 1 in messages. */
export class TableBuilder {
  private readonly rows: string[][] = [];

  constructor(private readonly limits: TableLimits) {}

  /** Sets a cell; empty values are ignored wherever they are. */
  set(row: number, column: number, value: string): void {
    if (value === '') return;
    const { maxRows, maxColumns, maxCellLength } = this.limits;
    const at = Number.isSafeInteger(row) ? `第 ${row} 行` : '有一行';
    if (!(row >= 1 && row <= maxRows)) throw new TableError(`${at}超出范围：一个文件最多 ${maxRows} 行，请分成几个文件`);
    if (!(column >= 0 && column < maxColumns)) throw new TableError(`${at}有超出 ${columnName(maxColumns - 1)} 列的内容：最多 ${maxColumns} 列`);
    if (value.length > maxCellLength) throw new TableError(`第 ${row} 行 ${columnName(column)} 列超过 ${maxCellLength} 字`);
    while (this.rows.length < row) this.rows.push([]);
    const cells = this.rows[row - 1] as string[];
    while (cells.length < column) cells.push('');
    cells[column] = value;
  }

  /** The value of a cell, '' when empty or outside the table. */
  get(row: number, column: number): string {
    return this.rows[row - 1]?.[column] ?? '';
  }

  /** Rows with content so far (the last row with a value). */
  get height(): number {
    return this.rows.length;
  }

  /** The table: rows from the first to the last with a value, empty rows as []. */
  table(): string[][] {
    return this.rows;
  }
}
