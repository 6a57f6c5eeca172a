import type { Output } from '@shared/contracts';
import { useCall, type CallState } from '../../../hooks/use-call';
import { useProfile } from '../../../hooks/use-profile';

type QuizResult = Output<'learn', 'getResult'>;

/** The graded attempt behind a certificate, and the name to put on it (null until known, or none). */
export function useCertificate(attemptId: string | undefined): { result: CallState<QuizResult>; name: string | null } {
  const result = useCall('learn', 'getResult', attemptId ? { attemptId } : null, { code: 'BAD_REQUEST', message: '没有指定是哪一次答题，请返回后重新打开' });
  const profile = useProfile();
  return { result, name: profile.data?.name ?? null };
}
