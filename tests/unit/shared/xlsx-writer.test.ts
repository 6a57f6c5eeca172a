import ExcelJS from 'exceljs';
import { readTable } from '../../../shared/domain/spreadsheet';
import { writeXlsx } from '../../../shared/domain/xlsx-writer';

describe('the xlsx writer', () => {
  const sheets = [
    { name: '总览', rows: [['指标', '人次', '人数'], ['学法', 120, 45], ['说明 <&> "引号"', null, 0]] },
    { name: '镇街', rows: [['镇街', '人次'], ['双江镇', 7]] },
  ];

  it('writes a workbook that ExcelJS (an independent reader) opens with the same cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(writeXlsx(sheets)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总览', '镇街']);
    const overview = wb.getWorksheet('总览');
    expect(overview?.getCell('A2').value).toBe('学法');
    expect(overview?.getCell('B2').value).toBe(120);
    expect(overview?.getCell('A3').value).toBe('说明 <&> "引号"');
    expect(overview?.getCell('C3').value).toBe(0);
    expect(wb.getWorksheet('镇街')?.getCell('B2').value).toBe(7);
  });

  it('round-trips through our own reader', () => {
    expect(readTable(writeXlsx(sheets), 'xlsx')).toEqual([
      ['指标', '人次', '人数'],
      ['学法', '120', '45'],
      ['说明 <&> "引号"', '', '0'],
    ]);
  });

  it('names sheets as Excel allows: no []:*?/\\, at most 31 characters, no two alike', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(writeXlsx([{ name: '2026/1 [镇街]', rows: [] }, { name: '2026/1 [镇街]', rows: [] }, { name: '很'.repeat(40), rows: [] }])) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['2026_1 _镇街_', '2026_1 _镇街_ (2)', '很'.repeat(31)]);
  });
});
