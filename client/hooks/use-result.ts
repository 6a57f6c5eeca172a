import { useMemo } from 'react';
import type { QuizResult } from '@shared/contracts/quiz';
import { keptResult } from '../services/quiz-store';
import { useCall, type CallState } from './use-call';

/** A graded attempt, and the law to practise again when it was on one law. */
export interface ResultState {
  result: CallState<QuizResult>;
  /** The law of a practice or 每日一题 result, for 再练一次; null otherwise. */
  lawId: string | null;
}

const noop = () => undefined;

/**
 * The result of one of my attempts; `attemptId` comes from the page address. Right after 交卷 it is
 * the one submitQuiz returned (no second call); opened later, one getResult call.
 */
export function useResult(attemptId: string | undefined): ResultState {
  const handed = useMemo(() => (attemptId ? keptResult(attemptId) : null), [attemptId]);
  const fetched = useCall('learn', 'getResult', attemptId && !handed ? { attemptId } : null, { code: 'BAD_REQUEST', message: '没有指定要看的答题结果，请返回后重新打开' });
  const result: CallState<QuizResult> = handed ? { loading: false, data: handed, error: null, retry: noop } : fetched;
  const data = result.data;
  const single = data && (data.mode === 'practice' || data.mode === 'daily') && data.lawIds.length === 1 ? data.lawIds[0] : undefined;
  return { result, lawId: single ?? null };
}
