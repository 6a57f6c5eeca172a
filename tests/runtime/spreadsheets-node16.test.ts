import fs from 'node:fs';
import path from 'node:path';
import type { Host } from '../../server/host';
import { craftedFiles } from '../fixtures/sheets/crafted';
import { call, dataOf, freshHost } from '../support/host';
import { deployNode } from '../support/deploy-node';

// The spreadsheet reader (Node's zlib with maxOutputLength) and writer inside the built learnAdmin
// and stats bundles, run by the deploy runtime's Node 16.13.
let host: Host;
beforeAll(() => {
  host = freshHost({ node: deployNode().binary });
});
afterAll(() => host.close());

const base64 = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/sheets', name)).toString('base64');

describe('spreadsheets on the deploy runtime', () => {
  it('reads workbooks saved by LibreOffice and ExcelJS', async () => {
    for (const name of ['lo-questions.xlsx', 'exceljs-questions.xlsx']) {
      const res = dataOf(await call(host, 'learnAdmin', 'importQuestions', { fileName: name, contentBase64: base64(name), dryRun: true }, 'dev-district'));
      expect([name, res.report.map((r) => r.ok)]).toEqual([name, [true, true, true, true]]);
    }
  });

  it('refuses a zip bomb that lies about its size, and a huge row number', async () => {
    for (const f of craftedFiles().filter((c) => /declared as 200 bytes|4294967295 with a value/.test(c.name))) {
      const res = await call(host, 'learnAdmin', 'importQuestions', { fileName: 'crafted.xlsx', contentBase64: Buffer.from(f.bytes).toString('base64') }, 'dev-district');
      expect([f.name, res]).toMatchObject([f.name, { ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(f.refusal as RegExp) as string } }]);
    }
  });

  it('writes the statistics workbook', async () => {
    const exported = dataOf(await call(host, 'stats', 'exportXlsx', { kind: 'month' }, 'dev-district'));
    const file = host.files.resolve(exported.url.replace('/api/files/', ''));
    expect(fs.readFileSync(file as string).subarray(0, 2).toString()).toBe('PK');
  });
});
