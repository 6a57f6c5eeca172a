import type { Output } from '@shared/contracts';
import { useCall, type CallState } from './use-call';
import { useRefreshOnShow } from './use-refresh-on-show';

/** A topic as staff manage it. */
export type StaffTopicView = Output<'hall', 'staffTopics'>['topics'][number];

/** The topics of my area, newest deadline first; reloaded when the page shows again (after the form). */
export function useHallStaffTopics(): CallState<Output<'hall', 'staffTopics'>> {
  const topics = useCall('hall', 'staffTopics', {});
  useRefreshOnShow(topics.retry);
  return topics;
}
