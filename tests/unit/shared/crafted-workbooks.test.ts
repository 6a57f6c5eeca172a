import { readTable } from '../../../shared/domain/spreadsheet';
import { AppError } from '../../../shared/result';
import { craftedFiles } from '../../fixtures/sheets/crafted';

// Files made to hurt a reader (issue #12, item 6). Each is refused with INVALID_INPUT and a clear
// message, or read as stated; how long each takes is in bench/crafted-sheets.ts, not here.
describe('crafted workbooks and CSV files', () => {
  const files = craftedFiles();

  it.each(files.map((f) => [f.name, f] as const))('%s', (_name, file) => {
    let rows: string[][] | undefined;
    let error: unknown;
    try {
      rows = readTable(file.bytes, file.kind);
    } catch (err) {
      error = err;
    }
    if (file.refusal) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(file.refusal) as string });
    } else {
      expect(error).toBeUndefined();
      expect(rows).toEqual(file.rows);
    }
  });

  it('keeps every crafted upload within the import limit of 90,000 base64 characters', () => {
    for (const f of files) expect([f.name, Buffer.from(f.bytes).toString('base64').length <= 90_000]).toEqual([f.name, true]);
  });
});
