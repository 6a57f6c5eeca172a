import type { QuestionType } from '@shared/domain/quiz';

/** What each kind of question is called on screen. */
export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  single: '单选题',
  multiple: '多选题',
  judge: '判断题',
};

/** The letter of an option by where it is shown (A, B, C…), whatever its key. */
export function optionLetter(position: number): string {
  return String.fromCharCode(65 + position);
}

/** A ratio as a percentage with at most one decimal: 0.1234 → "12.3%". */
export function percent(ratio: number): string {
  const p = Math.round(ratio * 1000) / 10;
  return `${p}%`;
}
