import type { Output } from '@shared/contracts';
import { useCall, type CallState } from './use-call';

type QuizResult = Output<'learn', 'getResult'>;

/** The law a result was about, when the whole quiz was on one law (practice, 每日一题). */
function singleLawShort(result: QuizResult | null): string | null {
  if (!result || (result.mode !== 'practice' && result.mode !== 'daily')) return null;
  const shorts = new Set(result.items.map((i) => i.lawShort));
  const [only] = [...shorts];
  return shorts.size === 1 && only ? only : null;
}

/** A graded attempt, and the law to practise again when it was on one law. */
export interface ResultState {
  result: CallState<QuizResult>;
  /** The law of a practice or 每日一题 result, for 再练一次; null otherwise or while looking it up. */
  lawId: string | null;
}

/** The result of one of my attempts; `attemptId` comes from the page address. */
export function useResult(attemptId: string | undefined): ResultState {
  const result = useCall('learn', 'getResult', attemptId ? { attemptId } : null, { code: 'BAD_REQUEST', message: '没有指定要看的答题结果，请返回后重新打开' });
  // A result names its laws by short name only; the law list gives the id (looked up only when needed).
  const lawShort = singleLawShort(result.data);
  const laws = useCall('learn', 'listLaws', lawShort ? {} : null);
  const lawId = lawShort ? (laws.data?.laws.find((l) => l.short === lawShort)?.id ?? null) : null;
  return { result, lawId };
}
