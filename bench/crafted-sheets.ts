import { readTable } from '../shared/domain/spreadsheet';
import { craftedFiles } from '../tests/fixtures/sheets/crafted';

/**
 * How long readTable takes on each crafted file (tests/fixtures/sheets/crafted.ts): median of 5
 * warm runs in this process, and what it answered. The tests check the answers, never the times.
 */
export function craftedSheetsTable(): string[] {
  const lines = ['| crafted file | bytes uploaded | answer | median time |', '| --- | --- | --- | --- |'];
  for (const f of craftedFiles()) {
    const times: number[] = [];
    let answer = '';
    for (let run = 0; run < 6; run += 1) {
      const t0 = performance.now();
      try {
        answer = `read, ${readTable(f.bytes, f.kind).length} rows`;
      } catch (err) {
        answer = `refused: ${err instanceof Error ? err.message : String(err)}`;
      }
      if (run > 0) times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    lines.push(`| ${f.name} | ${f.bytes.length.toLocaleString('en')} | ${answer.replace(/\|/g, '/')} | ${(times[2] ?? 0).toFixed(1)} ms |`);
  }
  return lines;
}

if (require.main === module) for (const line of craftedSheetsTable()) console.log(line);
