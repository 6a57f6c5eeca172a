import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readTable } from '../../shared/domain/spreadsheet';
import { findLibreOffice } from '../../scripts/ensure-libreoffice';

/**
 * Opens a workbook in LibreOffice (headless, a fresh profile) and saves every sheet as UTF-8 CSV,
 * as a person would; returns each sheet's rows by name. `npm test` installs LibreOffice when
 * missing (scripts/ensure-libreoffice.ts); without it this throws, it never skips.
 */
export function sheetsThroughLibreOffice(xlsx: string): Record<string, string[][]> {
  const soffice = findLibreOffice();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jgfzt-lo-'));
  const input = path.join(dir, 'export.xlsx');
  fs.copyFileSync(xlsx, input);
  // 44,34,76,1: comma, double quote, UTF-8, from line 1; the last token -1: one file per sheet.
  const res = spawnSync(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', path.join(dir, 'csv'), input], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (res.status !== 0) throw new Error(`LibreOffice could not convert the workbook: ${res.stderr}`);
  const sheets: Record<string, string[][]> = {};
  for (const f of fs.readdirSync(path.join(dir, 'csv'))) {
    const name = f.replace(/^export-/, '').replace(/\.csv$/, '');
    sheets[name] = readTable(fs.readFileSync(path.join(dir, 'csv', f)), 'csv');
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return sheets;
}
