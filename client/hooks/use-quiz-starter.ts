import { useCallback, useRef, useState } from 'react';
import type { Output } from '@shared/contracts';
import type { ResultError } from '@shared/result';
import { call } from '../services/cloud';
import { keepQuiz } from '../services/quiz-store';

/** What to start: practice on a law, a campaign, 每日一题, or a drill of the mistake book. */
export type QuizStart = { kind: 'practice'; lawId: string } | { kind: 'campaign'; campaignId: string } | { kind: 'daily' } | { kind: 'drill'; lawId?: string };

/** Questions in a practice quiz, and the most a drill takes from the mistake book at once. */
export const PRACTICE_COUNT = 10;
export const DRILL_COUNT = 20;

/** A stable name for a start, so a page can tell which of its buttons is busy. */
export function startKey(start: QuizStart): string {
  switch (start.kind) {
    case 'practice':
      return `practice:${start.lawId}`;
    case 'campaign':
      return `campaign:${start.campaignId}`;
    case 'daily':
      return 'daily';
    case 'drill':
      return `drill:${start.lawId ?? 'all'}`;
  }
}

function request(start: QuizStart) {
  switch (start.kind) {
    case 'practice':
      return call('learn', 'startQuiz', { mode: 'practice', lawId: start.lawId, count: PRACTICE_COUNT });
    case 'campaign':
      return call('learn', 'startQuiz', { mode: 'campaign', campaignId: start.campaignId });
    case 'daily':
      return call('learn', 'startQuiz', { mode: 'daily' });
    case 'drill':
      return call('learn', 'drillMistakes', start.lawId ? { lawId: start.lawId, count: DRILL_COUNT } : { count: DRILL_COUNT });
  }
}

/** Starting quizzes from a page: which start is in flight, the last failure, and `start`. */
export interface QuizStarter {
  /** `startKey` of the start in flight, or null. */
  pending: string | null;
  /** The last failed start and why (the daily cap is used up, the mistake book is empty…). */
  failed: { key: string; error: ResultError } | null;
  start: (start: QuizStart) => void;
}

/**
 * Starts a quiz with one call, keeps it in memory for the quiz page and hands its attempt id to
 * `onStarted` (which opens that page). A second tap while one start runs is ignored.
 */
export function useQuizStarter(onStarted: (attemptId: string) => void): QuizStarter {
  const [pending, setPending] = useState<string | null>(null);
  const [failed, setFailed] = useState<QuizStarter['failed']>(null);
  const busy = useRef(false);
  const started = useRef(onStarted);
  started.current = onStarted;

  const start = useCallback((what: QuizStart) => {
    if (busy.current) return;
    busy.current = true;
    const key = startKey(what);
    setPending(key);
    setFailed(null);
    void request(what).then((result: { ok: true; data: Output<'learn', 'startQuiz'> } | { ok: false; error: ResultError }) => {
      busy.current = false;
      setPending(null);
      if (!result.ok) {
        setFailed({ key, error: result.error });
        return;
      }
      keepQuiz(result.data);
      started.current(result.data.attemptId);
    });
  }, []);

  return { pending, failed, start };
}
