import fs from 'node:fs';
import path from 'node:path';
import { readTable, tableKindOf } from '../../../shared/domain/spreadsheet';
import { isDateFormat } from '../../../shared/domain/sheets/xlsx-read';
import { AppError } from '../../../shared/result';
import { spreadsheetDateText } from '../../../shared/time';
import { EXPECTED_ROWS, trimTable } from '../../fixtures/sheets/content';
import { workbook } from '../../fixtures/sheets/crafted';

const FIXTURES = path.join(__dirname, '../../fixtures/sheets');
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
const csv = (text: string) => readTable(new TextEncoder().encode(text), 'csv');

/** The INVALID_INPUT message readTable refuses with (fails the test when it reads instead). */
function refusal(read: () => unknown): string {
  try {
    read();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('INVALID_INPUT');
    return (err as AppError).message;
  }
  throw new Error('the file was read, not refused');
}

describe('readTable on files saved by LibreOffice and ExcelJS', () => {
  it.each(Object.keys(EXPECTED_ROWS))('reads %s as a person sees it', (name) => {
    const kind = tableKindOf(name);
    expect(kind).not.toBeNull();
    expect(trimTable(readTable(fixture(name), kind as 'xlsx' | 'csv'))).toEqual(EXPECTED_ROWS[name]);
  });

  it('keeps every fixture the script writes under test', () => {
    const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx') || f.endsWith('.csv'));
    expect(files.sort()).toEqual(Object.keys(EXPECTED_ROWS).sort());
  });
});

describe('readTable on CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks as one row each', () => {
    expect(csv('a,"b,1","say ""hi""","two\r\nlines"\r\nc,,d\n')).toEqual([
      ['a', 'b,1', 'say "hi"', 'two\nlines'],
      ['c', '', 'd'],
    ]);
  });

  it('drops a byte order mark and keeps an empty row in the middle', () => {
    expect(csv('\uFEFF表头\n\n值')).toEqual([['表头'], [], ['值']]);
  });

  it('refuses a quote left open, naming the row where it opened', () => {
    expect(refusal(() => csv('a\nb\n"c,d\ne'))).toBe('第 3 行有一个引号没有配对，请检查这一行的引号');
  });

  it('refuses text after a closing quote', () => {
    expect(refusal(() => csv('a\n"b"c'))).toBe('第 2 行的引号后面还有文字，请检查这一行的引号');
  });

  it('refuses a file that is not UTF-8, and a workbook named .csv', () => {
    expect(refusal(() => readTable(new Uint8Array([0xb7, 0xa8, 0xc2, 0xc9]), 'csv'))).toMatch(/不是 UTF-8 编码/);
    expect(refusal(() => readTable(fixture('lo-questions.xlsx'), 'csv'))).toMatch(/这是 Excel 工作簿，不是 CSV/);
  });
});

describe('readTable limits', () => {
  it('refuses content past the last row, column or cell length allowed, naming where', () => {
    expect(refusal(() => readTable(new TextEncoder().encode('a\nb\nc'), 'csv', { maxRows: 2 }))).toBe('第 3 行超出范围：一个文件最多 2 行，请分成几个文件');
    expect(refusal(() => readTable(new TextEncoder().encode('a,b,c'), 'csv', { maxColumns: 2 }))).toBe('第 1 行有超出 B 列的内容：最多 2 列');
    expect(refusal(() => readTable(new TextEncoder().encode('a\nb,ccc'), 'csv', { maxCellLength: 2 }))).toBe('第 2 行 B 列超过 2 字');
  });

  it('accepts empty rows and cells past the limits (formatting, not content)', () => {
    expect(readTable(new TextEncoder().encode('a\n\n\n\n,,,,\n'), 'csv', { maxRows: 2, maxColumns: 2 })).toEqual([['a']]);
  });

  it('refuses a file over the size limit before reading it', () => {
    expect(refusal(() => readTable(new Uint8Array(2048), 'xlsx', { maxFileBytes: 1024 }))).toBe('文件超过 1 KB，请分成几个文件');
  });

  it('refuses a workbook whose parts unzip past the budget, before inflating', () => {
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${'<row/>'.repeat(50_000)}</sheetData></worksheet>`;
    expect(refusal(() => readTable(workbook({ sheet }), 'xlsx', { maxUnzippedBytes: 100_000 }))).toBe('文件解压后超过 98 KB，无法读取');
  });
});

describe('readTable on .xlsx details', () => {
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const read = (sheet: string, shared?: string) => readTable(workbook({ sheet: `<worksheet ${NS}><sheetData>${sheet}</sheetData></worksheet>`, ...(shared ? { shared: `<sst ${NS}>${shared}</sst>` } : {}) }), 'xlsx');

  it('leaves out phonetic guides and decodes escaped characters in shared strings', () => {
    expect(read('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>', '<si><r><t>妇联</t></r><rPh sb="0" eb="2"><t>fù lián</t></rPh></si><si><t>a_x000D_b &amp; &#x4E2D;</t></si>')).toEqual([['妇联', 'a\rb & 中']]);
  });

  it('places cells by their reference, also when rows and cells leave it out', () => {
    expect(read('<row><c t="inlineStr"><is><t>a</t></is></c><c r="C1"><v>3</v></c><c><v>4</v></c></row><row r="3"><c r="B3" t="b"><v>0</v></c></row>')).toEqual([['a', '', '3', '4'], [], ['', 'FALSE']]);
  });

  it('shows numbers as General does (15 significant digits)', () => {
    expect(read('<row r="1"><c r="A1"><v>0.30000000000000004</v></c><c r="B1"><v>1.1000000000000001</v></c><c r="C1"><v>-0</v></c></row>')).toEqual([['0.3', '1.1', '0']]);
  });

  it('tells date formats from others', () => {
    for (const code of ['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', '[$-804]yyyy/m/d', 'h:mm:ss', '[h]:mm', 'mm:ss.0']) expect(isDateFormat(code)).toBe(true);
    for (const code of ['General', '0.00', '#,##0;[Red]-#,##0', '0.00%', '"d"0', '@', '0.00E+00']) expect(isDateFormat(code)).toBe(false);
  });
});

describe('spreadsheet date serials', () => {
  it('reads days since 1899-12-30, a time of day, a time alone, and the 1904 system', () => {
    expect(spreadsheetDateText(46089, false)).toBe('2026-03-08');
    expect(spreadsheetDateText(46089.75, false)).toBe('2026-03-08 18:00');
    expect(spreadsheetDateText(46089 + 1 / 86400, false)).toBe('2026-03-08 00:00:01');
    expect(spreadsheetDateText(0.5, false)).toBe('12:00');
    expect(spreadsheetDateText(1, false)).toBe('1900-01-01');
    expect(spreadsheetDateText(61, false)).toBe('1900-03-01');
    expect(spreadsheetDateText(44627, true)).toBe('2026-03-08');
  });
});

