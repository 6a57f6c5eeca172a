import type { Quiz, QuizResult } from '@shared/contracts/quiz';

/**
 * Quizzes just started, kept in memory between the page that started one and the quiz page (a
 * page address is too small for the questions). Not in storage: an unfinished quiz does not
 * survive closing the app, and its answers never sit on the phone.
 */

/** A quiz with the moment it arrived, from which its time limit counts down. */
export interface KeptQuiz {
  quiz: Quiz;
  receivedAt: number;
}

const kept = new Map<string, KeptQuiz>();

/** Keeps a quiz the server just handed out. */
export function keepQuiz(quiz: Quiz): void {
  kept.set(quiz.attemptId, { quiz, receivedAt: Date.now() });
}

/** The quiz of an attempt, if it is still in memory. */
export function keptQuiz(attemptId: string): KeptQuiz | null {
  return kept.get(attemptId) ?? null;
}

/** Forgets a quiz once it is submitted. */
export function forgetQuiz(attemptId: string): void {
  kept.delete(attemptId);
}

/** Results just returned by 交卷, handed to the result page so it need not ask again (the last few). */
const results = new Map<string, QuizResult>();

/** Keeps the result submitQuiz returned, for the result page that opens next. */
export function keepResult(result: QuizResult): void {
  results.delete(result.attemptId);
  results.set(result.attemptId, result);
  for (const key of results.keys()) {
    if (results.size <= 5) break;
    results.delete(key);
  }
}

/** A result submitQuiz returned in this session, if still in memory. */
export function keptResult(attemptId: string): QuizResult | null {
  return results.get(attemptId) ?? null;
}
