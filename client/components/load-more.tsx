import { Text } from '@tarojs/components';
import { Tappable } from './tappable';
import './load-more.scss';

interface LoadMoreProps {
  list: { hasMore: boolean; loadingMore: boolean; moreError: unknown; loadMore: () => void };
  /** What a screen reader announces, e.g. 加载更多消息. */
  label?: string;
}

/** 加载更多 under a list the server sends a page at a time; nothing once everything is shown. */
export function LoadMore({ list, label = '加载更多' }: LoadMoreProps) {
  if (!list.hasMore) return null;
  return (
    <Tappable className='button button--block load-more' testId='load-more' disabled={list.loadingMore} label={label} onTap={list.loadMore}>
      <Text>{list.loadingMore ? '正在加载…' : list.moreError ? '加载失败，点此重试' : '加载更多'}</Text>
    </Tappable>
  );
}
