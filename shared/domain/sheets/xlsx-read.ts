import { spreadsheetDateText } from '../../time';
import { sizeText, TableBuilder, TableError, type TableLimits } from './limits';
import { scanXml, type Attrs, type XmlHandler } from './xml';
import { unzipEntry, zipDirectory } from './zip';

const MAX_MERGES = 5000;
// A cell reference is at most three letters (XFD) and seven digits (1048576); longer ones are past any sheet.
const MAX_COLUMN_LETTERS = 3;
// Relationship ids are XML names (xsd:ID); the bounded class keeps the test linear.
const REL_ID = /^[A-Za-z_][\w.-]{0,254}$/;

/** The parts of a workbook archive, unzipped on demand within one budget of unzipped bytes. */
class Parts {
  private readonly directory: ReturnType<typeof zipDirectory>;
  private left: number;
  private readonly decoder = new TextDecoder('utf-8');

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: TableLimits,
  ) {
    this.directory = zipDirectory(bytes);
    this.left = limits.maxUnzippedBytes;
  }

  /** The text of a part (by its name, any case), or undefined when the archive has none. */
  text(name: string | undefined): string | undefined {
    const entry = name === undefined ? undefined : this.directory.get(name.toLowerCase());
    if (!entry) return undefined;
    // Checked before inflating: the declared size is the most that unzipEntry will write.
    if (entry.size > this.left) throw new TableError(`文件解压后超过 ${sizeText(this.limits.maxUnzippedBytes)}，无法读取`);
    this.left -= entry.size;
    return this.decoder.decode(unzipEntry(this.bytes, entry));
  }
}

/** Collects elements of one name (their attributes) from a part. */
function elements(xml: string | undefined, name: string): Attrs[] {
  const out: Attrs[] = [];
  if (xml === undefined) return out;
  const h: XmlHandler = {
    open(n, attrs) {
      if (n === name) out.push(attrs);
    },
    close() {},
    text() {},
  };
  scanXml(xml, h);
  return out;
}

const dirOf = (part: string): string => part.slice(0, part.lastIndexOf('/') + 1);
const relsOf = (part: string): string => `${dirOf(part)}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;

/** A relationship target as a part name (no leading slash, `..` resolved), lower case. */
function resolvePart(base: string, target: string): string {
  const segments = target.startsWith('/') ? [] : dirOf(base).split('/').filter(Boolean);
  for (const s of target.split('/')) {
    if (s === '..') segments.pop();
    else if (s !== '' && s !== '.') segments.push(s);
  }
  return segments.join('/').toLowerCase();
}

/** Relationship targets of a part by id, and by type (the last segment of the type URI). */
function relationships(xml: string | undefined, base: string): { byId: Map<string, string>; byType: Map<string, string> } {
  const byId = new Map<string, string>();
  const byType = new Map<string, string>();
  for (const r of elements(xml, 'Relationship')) {
    if (!r.Id || !r.Target || r.TargetMode === 'External') continue;
    if (!REL_ID.test(r.Id)) throw new TableError('文件结构异常：关系编号无效');
    const part = resolvePart(base, r.Target);
    byId.set(r.Id, part);
    const type = (r.Type ?? '').slice((r.Type ?? '').lastIndexOf('/') + 1);
    if (!byType.has(type)) byType.set(type, part);
  }
  return { byId, byType };
}

/** `_x000D_` and friends: characters that Office escapes in strings. */
const unescapeOoxml = (s: string): string => (s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : s);

/**
 * The shared strings: each `<si>`'s text runs joined, phonetic guides (`<rPh>`) left out. No more
 * of them than the cells a sheet may fill.
 */
function sharedStrings(xml: string | undefined, limits: TableLimits): string[] {
  const out: string[] = [];
  if (xml === undefined) return out;
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let text = '';
  scanXml(xml, {
    open(name, _a, selfClosing) {
      if (name === 'si') {
        inSi = true;
        text = '';
      } else if (name === 'rPh') phonetic += selfClosing ? 0 : 1;
      else if (name === 't' && inSi && phonetic === 0) inT = !selfClosing;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 'si' && inSi) {
        if (out.length >= limits.maxRows * limits.maxColumns) throw new TableError('文件里的文字条目太多，无法读取');
        out.push(unescapeOoxml(text));
        inSi = false;
      }
    },
    text(t) {
      if (inT) text += t;
    },
  });
  return out;
}

/** Built-in number formats that show dates or times (ECMA-376 18.8.30, with the CJK ones). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a format code shows a date or time: a y, m, d, h or s outside quotes, escapes and [brackets]. */
export function isDateFormat(code: string): boolean {
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i += 1) {
    const c = code[i] as string;
    if (quoted) quoted = c !== '"';
    else if (bracket) bracket = c !== ']';
    else if (c === '"') quoted = true;
    else if (c === '[') {
      // [h], [mm], [ss]: elapsed time; [Red], [$-804], [DBNum1]: not about dates.
      if (/^\[(h+|m+|s+)\]/i.test(code.slice(i, i + 6))) return true;
      bracket = true;
    } else if (c === '\\' || c === '_' || c === '*') i += 1;
    else if (c === ';') return false;
    else if ('yYmMdDhHsS'.includes(c)) return true;
  }
  return false;
}

/** Which cell styles (by index) show dates. */
function dateStyles(xml: string | undefined): boolean[] {
  if (xml === undefined) return [];
  const custom = new Map<number, string>();
  const xfs: boolean[] = [];
  let inCellXfs = false;
  const styleIsDate = (id: number) => (custom.has(id) ? isDateFormat(custom.get(id) as string) : DATE_FORMAT_IDS.has(id));
  scanXml(xml, {
    open(name, a, selfClosing) {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = !selfClosing;
      else if (name === 'xf' && inCellXfs) xfs.push(styleIsDate(Number(a.numFmtId ?? 0)));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return xfs;
}

/** A cell reference (`B12`) as a one-based row and zero-based column; huge values stay huge, never wrap. */
function parseRef(ref: string): { row: number; column: number } | null {
  let i = 0;
  let column = 0;
  while (i < ref.length && ref.charCodeAt(i) >= 65 && ref.charCodeAt(i) <= 90) {
    column = i < MAX_COLUMN_LETTERS ? column * 26 + (ref.charCodeAt(i) - 64) : Number.POSITIVE_INFINITY;
    i += 1;
  }
  const digits = ref.slice(i);
  if (i === 0 || digits === '' || !/^[0-9]+$/.test(digits)) return null;
  return { row: Number(digits), column: column - 1 };
}

/** Formats a number as a spreadsheet shows it in General: at most 15 significant digits. */
function numberText(raw: string): string {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) return raw;
  return String(Number(n.toPrecision(15)));
}

interface SheetContext {
  shared: string[];
  dates: boolean[];
  date1904: boolean;
}

/** Reads one worksheet's cells into the builder; returns its merged ranges. */
function readWorksheet(xml: string, ctx: SheetContext, table: TableBuilder): string[] {
  const merges: string[] = [];
  let row = 0;
  let column = -1;
  let cell: { type: string; style: number; row: number; column: number } | null = null;
  let capture: 'v' | 't' | null = null;
  let inInline = false;
  let phonetic = 0;
  let value: string[] = [];
  let inline: string[] = [];
  let hasValue = false;
  const finish = () => {
    if (!cell) return;
    const raw = value.join('');
    let text = '';
    switch (cell.type) {
      case 's': {
        const index = Number(raw);
        if (!hasValue) break;
        if (!Number.isInteger(index) || index < 0 || index >= ctx.shared.length) throw new TableError(`第 ${cell.row} 行的单元格引用了不存在的文字`);
        text = ctx.shared[index] as string;
        break;
      }
      case 'inlineStr':
        text = unescapeOoxml(inline.join(''));
        break;
      case 'str':
      case 'e':
        text = unescapeOoxml(raw);
        break;
      case 'b':
        text = hasValue ? (raw.trim() === '1' || raw.trim() === 'true' ? 'TRUE' : 'FALSE') : '';
        break;
      case 'd':
        text = raw.endsWith('T00:00:00Z') || raw.endsWith('T00:00:00') ? raw.slice(0, 10) : raw;
        break;
      default: {
        const n = Number(raw);
        text = hasValue && ctx.dates[cell.style] && Number.isFinite(n) && n >= 0 && n < 2958466 ? spreadsheetDateText(n, ctx.date1904) : numberText(raw);
      }
    }
    table.set(cell.row, cell.column, text);
    cell = null;
  };
  scanXml(xml, {
    open(name, a, selfClosing) {
      if (name === 'row') {
        const r = a.r === undefined ? row + 1 : /^[0-9]+$/.test(a.r) ? Number(a.r) : Number.NaN;
        if (Number.isNaN(r)) throw new TableError(`第 ${row} 行之后的行号无效`);
        row = r;
        column = -1;
      } else if (name === 'c') {
        finish();
        const ref = a.r === undefined ? { row, column: column + 1 } : parseRef(a.r);
        if (!ref) throw new TableError(`第 ${row} 行有无效的单元格位置`);
        column = ref.column;
        cell = { type: a.t ?? 'n', style: Number(a.s ?? 0), row: ref.row, column: ref.column };
        value = [];
        inline = [];
        hasValue = false;
        if (selfClosing) finish();
      } else if (cell && name === 'v') {
        capture = selfClosing ? null : 'v';
        hasValue = true;
      } else if (cell && name === 'is') inInline = !selfClosing;
      else if (inInline && name === 'rPh') phonetic += selfClosing ? 0 : 1;
      else if (inInline && name === 't' && phonetic === 0) capture = selfClosing ? null : 't';
      else if (name === 'mergeCell' && a.ref) {
        if (merges.length >= MAX_MERGES) throw new TableError('合并单元格太多，无法读取');
        merges.push(a.ref);
      }
    },
    close(name) {
      if (name === 'v' || name === 't') capture = null;
      else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 'is') inInline = false;
      else if (name === 'c') finish();
    },
    text(t) {
      if (capture === 'v') value.push(t);
      else if (capture === 't') inline.push(t);
    },
  });
  finish();
  return merges;
}

/**
 * Merged cells show the value of their first cell across the range: copy it there, within the
 * table as read (a merge reaching past the last row or the limits is cut there, not grown).
 */
function fillMerges(merges: string[], table: TableBuilder, limits: TableLimits): void {
  let budget = limits.maxRows * limits.maxColumns;
  for (const ref of merges) {
    const [from, to] = ref.split(':').map((r) => parseRef(r));
    if (!from || !to) continue;
    const value = table.get(from.row, from.column);
    if (value === '') continue;
    const lastRow = Math.min(to.row, table.height, limits.maxRows);
    const lastColumn = Math.min(to.column, limits.maxColumns - 1);
    for (let r = from.row; r <= lastRow; r += 1) {
      for (let c = from.column; c <= lastColumn; c += 1) {
        budget -= 1;
        if (budget < 0) throw new TableError('合并单元格太多，无法读取');
        if (table.get(r, c) === '') table.set(r, c, value);
      }
    }
  }
}

/**
 * Reads the first visible worksheet of an .xlsx workbook (Office Open XML, as Excel, WPS,
 * LibreOffice and ExcelJS write it) as rows of cell texts: shared and inline strings with their
 * rich text runs, numbers as General shows them, dates as `YYYY-MM-DD`, formulas as their cached
 * values, merged ranges filled with their value. Bounded by `limits`; refuses with a TableError.
 */
export function readXlsx(bytes: Uint8Array, limits: TableLimits): string[][] {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new TableError('这不是 .xlsx 文件（旧版 .xls 请在 Excel 或 WPS 中另存为 .xlsx）');
  const parts = new Parts(bytes, limits);
  const workbookPath = relationships(parts.text('_rels/.rels'), '').byType.get('officeDocument') ?? 'xl/workbook.xml';
  const workbook = parts.text(workbookPath);
  if (workbook === undefined) throw new TableError('文件里没有工作簿，可能不是 Excel 表格');
  const rels = relationships(parts.text(relsOf(workbookPath)), workbookPath);
  const sheet = elements(workbook, 'sheet').find((s) => s.state !== 'hidden' && s.state !== 'veryHidden');
  if (sheet?.id !== undefined && !REL_ID.test(sheet.id)) throw new TableError('文件结构异常：工作表的关系编号无效');
  const sheetPath = sheet?.id === undefined ? undefined : rels.byId.get(sheet.id);
  const sheetXml = parts.text(sheetPath);
  if (sheetXml === undefined) throw new TableError('文件里没有可以读取的工作表');
  const date1904 = elements(workbook, 'workbookPr').some((p) => p.date1904 === '1' || p.date1904 === 'true');
  const table = new TableBuilder(limits);
  const ctx = { shared: sharedStrings(parts.text(rels.byType.get('sharedStrings')), limits), dates: dateStyles(parts.text(rels.byType.get('styles'))), date1904 };
  fillMerges(readWorksheet(sheetXml, ctx, table), table, limits);
  return table.table();
}
