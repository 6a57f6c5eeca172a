import type { Output } from '@shared/contracts';
import { useCall, type CallState } from '../../../hooks/use-call';

type StoredResult = Output<'learn', 'getResult'>;

/** The graded attempt behind a certificate, and the (masked) name to put on it: one call. */
export function useCertificate(attemptId: string | undefined): { result: CallState<StoredResult>; name: string | null } {
  const result = useCall('learn', 'getResult', attemptId ? { attemptId } : null, { code: 'BAD_REQUEST', message: '没有指定是哪一次答题，请返回后重新打开' });
  return { result, name: result.data?.holderName ?? null };
}
