import type { Output } from '@shared/contracts';
import { useCall, type CallState } from './use-call';

/** One law and its lessons in order; `lawId` comes from the page address. */
export function useLessons(lawId: string | undefined): CallState<Output<'learn', 'listLessons'>> {
  return useCall('learn', 'listLessons', lawId ? { lawId } : null, { code: 'BAD_REQUEST', message: '没有指定要学习的法律，请返回后重新选择' });
}
