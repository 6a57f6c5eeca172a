import type { QuestionDraft } from '../contracts/learn-admin';
import type { QuestionType } from './quiz';

/** The header row of the import template, in order. */
export const IMPORT_HEADER = ['法律', '题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '答案', '解析', '法条', '法条原文', '核对来源', '难度'] as const;

const TYPE_NAMES: Record<string, QuestionType> = { 单选: 'single', 单选题: 'single', 多选: 'multiple', 多选题: 'multiple', 判断: 'judge', 判断题: 'judge' };
const JUDGE_ANSWERS: Record<string, string> = { 正确: 'T', 对: 'T', T: 'T', '√': 'T', 错误: 'F', 错: 'F', F: 'F', '×': 'F' };

/** A law as the import matches it: by id, short name or full name. */
export interface ImportLaw {
  id: string;
  short: string;
  name: string;
}

/** One parsed row: the draft when valid, the problems otherwise (row numbers as in the sheet). */
export interface ParsedRow {
  row: number;
  draft: QuestionDraft | null;
  errors: string[];
}

/**
 * Turns sheet rows (header first) into question drafts with a report per row. Blank rows are
 * skipped; every problem is named in Chinese so staff can fix the sheet.
 */
export function parseQuestionRows(rows: string[][], laws: ImportLaw[], checkedNote: string): { headerErrors: string[]; parsed: ParsedRow[] } {
  const header = (rows[0] ?? []).map((c) => c.trim());
  const headerErrors = IMPORT_HEADER.filter((h, i) => header[i] !== h).map((h) => `表头第 ${IMPORT_HEADER.indexOf(h) + 1} 列应为“${h}”`);
  if (headerErrors.length > 0) {
    // A title row (often merged across the columns) above the template's header.
    const at = rows.slice(1, 10).findIndex((r) => IMPORT_HEADER.every((h, i) => (r[i] ?? '').trim() === h));
    if (at >= 0) return { headerErrors: [`表头应在第 1 行，现在在第 ${at + 2} 行：请删除表头上面的 ${at + 1} 行（例如合并的标题行）`], parsed: [] };
    return { headerErrors, parsed: [] };
  }
  const parsed: ParsedRow[] = [];
  const seenStems = new Map<string, number>();
  rows.slice(1).forEach((raw, i) => {
    const row = i + 2;
    const cell = (n: number) => (raw[n] ?? '').trim();
    if (raw.every((c) => c.trim() === '')) return;
    const errors: string[] = [];
    const lawText = cell(0);
    const law = laws.find((l) => l.id === lawText || l.short === lawText || l.name === lawText);
    if (!law) errors.push(`法律“${lawText || '（空）'}”不认识`);
    const type = TYPE_NAMES[cell(1)];
    if (!type) errors.push(`题型“${cell(1) || '（空）'}”应为 单选、多选 或 判断`);
    const stem = cell(2);
    if (stem.length < 4) errors.push('题干太短');
    if (stem.length > 300) errors.push('题干超过 300 字');
    const dup = seenStems.get(stem);
    if (stem && dup) errors.push(`题干与第 ${dup} 行重复`);
    if (stem) seenStems.set(stem, row);
    let options: Array<{ key: string; text: string }> = [];
    let answer: string[] = [];
    const answerText = cell(8).replace(/[\s,，、]/g, '').toUpperCase();
    if (type === 'judge') {
      options = [
        { key: 'T', text: '正确' },
        { key: 'F', text: '错误' },
      ];
      const a = JUDGE_ANSWERS[cell(8).trim()] ?? JUDGE_ANSWERS[answerText];
      if (!a) errors.push('判断题答案应为“正确”或“错误”');
      else answer = [a];
    } else if (type) {
      options = ['A', 'B', 'C', 'D', 'E'].map((key, k) => ({ key, text: cell(3 + k) })).filter((o) => o.text !== '');
      const filledKeys = options.map((o) => o.key).join('');
      if (!'ABCDE'.startsWith(filledKeys)) errors.push('选项要从 A 开始连续填写');
      if (options.length < 3) errors.push('选择题至少需要三个选项');
      if (options.some((o) => o.text.length > 200)) errors.push('选项超过 200 字');
      answer = [...new Set(answerText.split(''))];
      if (answer.length === 0) errors.push('缺少答案');
      for (const a of answer) if (!options.some((o) => o.key === a)) errors.push(`答案 ${a} 不在已填写的选项中`);
      if (type === 'single' && answer.length !== 1) errors.push('单选题只能有一个答案');
      if (type === 'multiple' && answer.length < 2) errors.push('多选题至少有两个正确答案');
    }
    const explanation = cell(9);
    if (explanation.length < 4) errors.push('缺少解析');
    const article = cell(10);
    if (!/^第[一二三四五六七八九十百千零]+条/.test(article)) errors.push('法条应写成“第X条”（可加“第X款”）');
    const articleText = cell(11);
    if (articleText.length < 4) errors.push('缺少法条原文');
    const source = cell(12);
    if (!source) errors.push('缺少核对来源（核对法条原文所用的出处）');
    const difficultyText = cell(13) || '2';
    const difficulty = Number(difficultyText);
    if (![1, 2, 3].includes(difficulty)) errors.push('难度应为 1、2 或 3');
    if (errors.length > 0 || !law || !type) {
      parsed.push({ row, draft: null, errors });
      return;
    }
    parsed.push({
      row,
      errors: [],
      draft: {
        lawId: law.id,
        type,
        stem,
        options,
        answer,
        explanation,
        article: { law: law.name, article, text: articleText, source },
        difficulty,
        checked: checkedNote,
      },
    });
  });
  return { headerErrors, parsed };
}
