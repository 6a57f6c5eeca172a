import { daysBetween } from '../time';

/** Question kinds: single choice, multiple choice, true/false. */
export const QUESTION_TYPES = ['single', 'multiple', 'judge'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The keys a true/false question uses. */
export const JUDGE_KEYS = ['T', 'F'] as const;

/**
 * Whether an answer is right: exactly the set of right keys. A multiple-choice answer that is
 * partly right is wrong; a single-choice or true/false answer must name exactly one key.
 */
export function isCorrect(question: { type: QuestionType; answer: readonly string[] }, given: readonly string[]): boolean {
  const chosen = new Set(given);
  if (chosen.size !== given.length) return false;
  if (question.type !== 'multiple' && chosen.size !== 1) return false;
  if (chosen.size !== question.answer.length) return false;
  return question.answer.every((k) => chosen.has(k));
}

/** A score out of 100, rounded. */
export function scoreOf(correct: number, total: number): number {
  return total === 0 ? 0 : Math.round((100 * correct) / total);
}

/** A deterministic 32-bit seed from text (FNV-1a). */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A small seeded random generator (mulberry32), returning numbers in [0, 1). */
export function rngOf(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A shuffled copy (Fisher–Yates) driven by `rng`. */
export function shuffled<T>(items: readonly T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The option order shown for a question in an attempt: shuffled per attempt, stable within it. */
export function optionOrder(attemptId: string, questionId: string, keys: readonly string[], type: QuestionType): string[] {
  // True/false keeps 正确 before 错误: shuffling two fixed words only confuses.
  if (type === 'judge') return [...keys];
  return shuffled(keys, rngOf(seedOf(`${attemptId}|${questionId}`)));
}

/**
 * How many questions to draw from each law for a quiz of `count` questions, by weight, never more
 * than a law has; what a short law cannot give is drawn from the others (largest remainder).
 */
export function quotaByRatio(available: Record<string, number>, ratio: Record<string, number>, count: number): Record<string, number> {
  const laws = Object.keys(ratio).filter((l) => (ratio[l] ?? 0) > 0 && (available[l] ?? 0) > 0);
  const out: Record<string, number> = Object.fromEntries(laws.map((l) => [l, 0]));
  let left = Math.min(count, laws.reduce((s, l) => s + (available[l] ?? 0), 0));
  while (left > 0) {
    const open = laws.filter((l) => (out[l] ?? 0) < (available[l] ?? 0));
    const weight = open.reduce((s, l) => s + (ratio[l] ?? 0), 0);
    const shares = open.map((l) => ({ l, exact: (left * (ratio[l] ?? 0)) / weight }));
    let given = 0;
    for (const s of shares) {
      const room = (available[s.l] ?? 0) - (out[s.l] ?? 0);
      const n = Math.min(Math.floor(s.exact), room);
      out[s.l] = (out[s.l] ?? 0) + n;
      given += n;
    }
    if (given === 0) {
      // Hand out single questions by largest remainder until one round places something.
      const byRemainder = [...shares].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || b.exact - a.exact);
      const first = byRemainder[0];
      if (!first) break;
      out[first.l] = (out[first.l] ?? 0) + 1;
      given = 1;
    }
    left -= given;
  }
  return out;
}

/** The next streak of consecutive China days with a quiz, given the last day and today. */
export function nextStreak(lastDay: string | null, today: string, streak: number): number {
  if (lastDay === today) return Math.max(streak, 1);
  if (lastDay === null) return 1;
  return daysBetween(lastDay, today) === 1 ? streak + 1 : 1;
}
