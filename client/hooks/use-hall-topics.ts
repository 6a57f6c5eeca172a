import type { Output } from '@shared/contracts';
import { appendPages, usePagedCall, type PagedCallState } from './use-paged-call';
import { useRefreshOnShow } from './use-refresh-on-show';

/** A topic (议题) as residents see it. */
export type TopicView = Output<'hall', 'getTopic'>;

const mergeTopics = appendPages<Output<'hall', 'listTopics'>, 'topics'>('topics');

/** The topics of my village, my town and the whole district, latest deadline first, a page at a time; reloaded when the tab shows again. */
export function useHallTopics(): PagedCallState<Output<'hall', 'listTopics'>> {
  const topics = usePagedCall('hall', 'listTopics', {}, mergeTopics);
  useRefreshOnShow(topics.retry);
  return topics;
}
