import type { Output } from '@shared/contracts';
import { appendPages, usePagedCall, type PagedCallState } from './use-paged-call';
import { useRefreshOnShow } from './use-refresh-on-show';

/** A topic as staff manage it. */
export type StaffTopicView = Output<'hall', 'staffTopics'>['topics'][number];

const mergeTopics = appendPages<Output<'hall', 'staffTopics'>, 'topics'>('topics');

/** The topics of my area, newest deadline first, a page at a time; reloaded when the page shows again (after the form). */
export function useHallStaffTopics(): PagedCallState<Output<'hall', 'staffTopics'>> {
  const topics = usePagedCall('hall', 'staffTopics', {}, mergeTopics);
  useRefreshOnShow(topics.retry);
  return topics;
}
