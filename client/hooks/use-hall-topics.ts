import type { Output } from '@shared/contracts';
import { useCall, type CallState } from './use-call';
import { useRefreshOnShow } from './use-refresh-on-show';

/** A topic (议题) as residents see it. */
export type TopicView = Output<'hall', 'getTopic'>;

/** The topics of my village, my town and the whole district, open ones first; reloaded when the tab shows again. */
export function useHallTopics(): CallState<Output<'hall', 'listTopics'>> {
  const topics = useCall('hall', 'listTopics', {});
  useRefreshOnShow(topics.retry);
  return topics;
}
