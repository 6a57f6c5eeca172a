import type { Output } from '@shared/contracts';
import { useCall, type CallState } from './use-call';

/** One lesson in full with its neighbours; `lessonId` comes from the page address. */
export function useLesson(lessonId: string | undefined): CallState<Output<'learn', 'getLesson'>> {
  return useCall('learn', 'getLesson', lessonId ? { lessonId } : null, { code: 'BAD_REQUEST', message: '没有指定要看的课，请返回后重新选择' });
}
