import { TableBuilder, TableError, type TableLimits } from './limits';

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Reads CSV (RFC 4180: comma separated, fields quoted with double quotes, doubled quotes inside,
 * CRLF or LF, line breaks inside a quoted field kept) as rows of cell texts, dropping a UTF-8 byte
 * order mark. One forward pass; a record is one row even across line breaks, as a spreadsheet
 * shows it. A quote left open, or text after a closing quote, refuses the file with its row.
 */
export function readCsv(text: string, limits: TableLimits): string[][] {
  const table = new TableBuilder(limits);
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = src.length;
  const atFieldEnd = (k: number) => k >= n || src.charCodeAt(k) === COMMA || src.charCodeAt(k) === LF || src.charCodeAt(k) === CR;
  let row = 1;
  let column = 0;
  let i = 0;
  while (i < n) {
    let value: string;
    if (src.charCodeAt(i) === QUOTE) {
      const parts: string[] = [];
      let from = i + 1;
      for (;;) {
        const q = src.indexOf('"', from);
        if (q < 0) throw new TableError(`第 ${row} 行有一个引号没有配对，请检查这一行的引号`);
        parts.push(src.slice(from, q));
        if (src.charCodeAt(q + 1) !== QUOTE) {
          i = q + 1;
          break;
        }
        parts.push('"');
        from = q + 2;
      }
      // A line break inside a cell is LF, as in a workbook, whichever line ends the file uses.
      value = parts.join('').replace(/\r\n?/g, '\n');
      if (!atFieldEnd(i)) throw new TableError(`第 ${row} 行的引号后面还有文字，请检查这一行的引号`);
    } else {
      let j = i;
      while (!atFieldEnd(j)) j += 1;
      value = src.slice(i, j);
      i = j;
    }
    table.set(row, column, value);
    if (src.charCodeAt(i) === COMMA) {
      column += 1;
      i += 1;
    } else {
      i += src.charCodeAt(i) === CR && src.charCodeAt(i + 1) === LF ? 2 : 1;
      row += 1;
      column = 0;
    }
  }
  return table.table();
}
