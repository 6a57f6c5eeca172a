import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { EXCELJS, LIBREOFFICE, type Cell, type Sheet } from '../tests/fixtures/sheets/content';
import { findLibreOffice } from './ensure-libreoffice';

// Writes the spreadsheet fixtures of the import tests into tests/fixtures/sheets/: workbooks saved
// by LibreOffice (from flat ODF sources this script writes, converted headless) and by ExcelJS.
// The files are committed, so the import tests need neither tool; run this again after changing it:
//   npx tsx scripts/make-sheet-fixtures.ts
const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'tests/fixtures/sheets');

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function fodsCell(cell: Cell): string {
  if (cell === null) return '<table:table-cell/>';
  if (typeof cell === 'string') return `<table:table-cell office:value-type="string"><text:p>${esc(cell)}</text:p></table:table-cell>`;
  if (typeof cell === 'number') return `<table:table-cell office:value-type="float" office:value="${cell}"><text:p>${cell}</text:p></table:table-cell>`;
  if (typeof cell === 'boolean') return `<table:table-cell table:style-name="ceBool" office:value-type="boolean" office:boolean-value="${cell}"><text:p>${cell ? 'TRUE' : 'FALSE'}</text:p></table:table-cell>`;
  if ('rich' in cell) return `<table:table-cell office:value-type="string"><text:p>${cell.rich.map(([t, bold]) => (bold ? `<text:span text:style-name="T1">${esc(t)}</text:span>` : esc(t))).join('')}</text:p></table:table-cell>`;
  if ('date' in cell) return `<table:table-cell table:style-name="ceDate" office:value-type="date" office:date-value="${cell.date}"><text:p>${cell.date}</text:p></table:table-cell>`;
  if ('lines' in cell) return `<table:table-cell office:value-type="string">${cell.lines.map((l) => `<text:p>${esc(l)}</text:p>`).join('')}</table:table-cell>`;
  if ('formula' in cell) {
    const value = typeof cell.cached === 'number' ? `office:value-type="float" office:value="${cell.cached}"` : `office:value-type="string" office:string-value="${esc(cell.cached)}"`;
    return `<table:table-cell table:formula="of:=${esc(cell.formula)}" ${value}><text:p>${esc(String(cell.cached))}</text:p></table:table-cell>`;
  }
  const [cols, rows] = cell.span;
  return fodsCell(cell.cell).replace('<table:table-cell', `<table:table-cell table:number-columns-spanned="${cols}" table:number-rows-spanned="${rows}"`);
}

/** A flat ODF spreadsheet (.fods): plain XML that LibreOffice opens and converts. */
function fods(sheets: Sheet[]): string {
  const tables = sheets.map((s) => {
    // The other cells of a merge are covered cells (given as null in the rows).
    const covered = new Set<string>();
    const rows = s.rows.map((row, r) => {
      if (!row) return '<table:table-row><table:table-cell/></table:table-row>';
      const cells = row.map((cell, c) => {
        if (cell && typeof cell === 'object' && 'span' in cell) {
          for (let dr = 0; dr < cell.span[1]; dr += 1) for (let dc = 0; dc < cell.span[0]; dc += 1) if (dr + dc > 0) covered.add(`${r + dr}:${c + dc}`);
        }
        return covered.has(`${r}:${c}`) ? '<table:covered-table-cell/>' : fodsCell(cell);
      });
      return `<table:table-row>${cells.join('')}</table:table-row>`;
    });
    return `<table:table table:name="${esc(s.name)}"${s.hidden ? ' table:style-name="taHidden"' : ''}>${rows.join('')}</table:table>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<style:style style:name="taHidden" style:family="table" style:master-page-name="Default"><style:table-properties table:display="false" style:writing-mode="lr-tb"/></style:style>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<number:date-style style:name="N1"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
<style:style style:name="ceDate" style:family="table-cell" style:data-style-name="N1"/>
<number:boolean-style style:name="N2"><number:boolean/></number:boolean-style>
<style:style style:name="ceBool" style:family="table-cell" style:data-style-name="N2"/>
</office:automatic-styles>
<office:body><office:spreadsheet>${tables.join('')}</office:spreadsheet></office:body></office:document>
`;
}

function exceljsValue(cell: Cell): ExcelJS.CellValue {
  if (cell === null || typeof cell !== 'object') return cell;
  if ('rich' in cell) return { richText: cell.rich.map(([text, bold]) => (bold ? { text, font: { bold: true } } : { text })) };
  if ('date' in cell) return new Date(`${cell.date}T00:00:00Z`);
  if ('lines' in cell) return cell.lines.join('\n');
  if ('formula' in cell) {
    const formula = cell.formula.replace(/";"/g, '","');
    return typeof cell.cached === 'string' && /^#[A-Z/0!?]+$/.test(cell.cached) ? { formula, result: { error: cell.cached as ExcelJS.CellErrorValue['error'] } } : { formula, result: cell.cached };
  }
  return exceljsValue(cell.cell);
}

/** The same sheets as ExcelJS writes them (shared strings, or inline strings when asked). */
async function exceljsWorkbook(sheets: Sheet[], useSharedStrings: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.hidden ? { state: 'hidden' } : {});
    const merges: Array<[number, number, number, number]> = [];
    s.rows.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (cell === null) return;
        const at = ws.getCell(r + 1, c + 1);
        at.value = exceljsValue(cell);
        if (typeof cell === 'object' && 'date' in cell) at.numFmt = 'yyyy-mm-dd';
        if (typeof cell === 'object' && 'span' in cell) merges.push([r + 1, c + 1, r + cell.span[1], c + cell.span[0]]);
      });
    });
    for (const m of merges) ws.mergeCells(...m);
  }
  // Open on the first visible sheet (ExcelJS would otherwise make a hidden first sheet the active one).
  const active = Math.max(0, sheets.findIndex((s) => !s.hidden));
  wb.views = [{ x: 0, y: 0, width: 16000, height: 9000, firstSheet: active, activeTab: active, visibility: 'visible' }];
  return Buffer.from(await wb.xlsx.writeBuffer({ useSharedStrings }));
}

function convert(soffice: string, files: string[], to: string, outDir: string, profile: string): void {
  const res = spawnSync(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', to, '--outdir', outDir, ...files], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`LibreOffice failed: ${res.stderr}`);
}

async function main(): Promise<void> {
  const soffice = findLibreOffice();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sheet-fixtures-'));
  fs.mkdirSync(OUT, { recursive: true });
  const src = path.join(work, 'src');
  fs.mkdirSync(src);
  const sources: string[] = [];
  for (const [name, sheets] of Object.entries(LIBREOFFICE)) {
    // LibreOffice shows a hidden first sheet again when converting headless from ODF (the active
    // sheet must be visible and the ODF view settings are not read without a view); from .xlsx it
    // keeps the active tab. So such workbooks start as ExcelJS files that LibreOffice re-saves.
    const file = path.join(src, sheets[0]?.hidden ? `${name}.xlsx` : `${name}.fods`);
    fs.writeFileSync(file, sheets[0]?.hidden ? await exceljsWorkbook(sheets, true) : fods(sheets));
    sources.push(file);
  }
  convert(soffice, sources, 'xlsx', work, path.join(work, 'profile'));
  // CSV as LibreOffice writes it: comma, double quotes, UTF-8 (76), first sheet.
  convert(soffice, [path.join(src, 'lo-questions.fods')], 'csv:Text - txt - csv (StarCalc):44,34,76,1', work, path.join(work, 'profile'));
  for (const name of Object.keys(LIBREOFFICE)) fs.copyFileSync(path.join(work, `${name}.xlsx`), path.join(OUT, `${name}.xlsx`));
  const csv = fs.readFileSync(path.join(work, 'lo-questions.csv'), 'utf8');
  fs.writeFileSync(path.join(OUT, 'lo-questions.csv'), csv);
  // What Excel's "CSV UTF-8" writes: a byte order mark, CRLF between records, LF inside quoted fields.
  let quoted = false;
  let crlf = '';
  for (const c of csv) {
    if (c === '"') quoted = !quoted;
    crlf += c === '\n' && !quoted ? '\r\n' : c;
  }
  fs.writeFileSync(path.join(OUT, 'bom-crlf.csv'), `\uFEFF${crlf}`);
  for (const [name, { sheets, sharedStrings }] of Object.entries(EXCELJS)) fs.writeFileSync(path.join(OUT, `${name}.xlsx`), await exceljsWorkbook(sheets, sharedStrings));
  fs.rmSync(work, { recursive: true, force: true });
  for (const f of fs.readdirSync(OUT).filter((f) => !f.endsWith('.ts')).sort()) console.log(`${f} ${fs.statSync(path.join(OUT, f)).size} bytes`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
