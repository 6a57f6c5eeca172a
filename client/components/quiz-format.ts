import type { QuestionType } from '@shared/domain/quiz';
import { chinaDay } from '@shared/time';

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

const pad = (n: number): string => String(n).padStart(2, '0');

/** Seconds as mm:ss (a quiz's time left). */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
}

/** A span of time in words for a countdown: "2 天 3 小时" when long, else hh:mm:ss. */
export function countdown(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3_600);
  if (days > 0) return `${days} 天 ${hours} 小时`;
  return `${pad(hours)}:${pad(Math.floor((s % 3_600) / 60))}:${pad(s % 60)}`;
}

/** A time limit in words: "10 分钟", "1 分 30 秒". */
export function duration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (m === 0) return `${s} 秒`;
  return s === 0 ? `${m} 分钟` : `${m} 分 ${s} 秒`;
}

/** The China calendar day of an ISO time, YYYY-MM-DD (empty for a bad value). */
export function dayOf(iso: string): string {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? chinaDay(new Date(t)) : '';
}

/** A ratio as a percentage with at most one decimal: 0.1234 → "12.3%". */
export function percent(ratio: number): string {
  const p = Math.round(ratio * 1000) / 10;
  return `${p}%`;
}
