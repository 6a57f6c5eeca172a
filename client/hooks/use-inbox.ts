import { useCallback, useState } from 'react';
import type { Output } from '@shared/contracts';
import type { ResultError } from '@shared/result';
import { noticeTarget } from '../components/hall/urls';
import { openPage, openTab } from '../routes';
import { call } from '../services/cloud';
import { useCall } from './use-call';
import { appendPages, usePagedCall, type PagedCallState } from './use-paged-call';
import { useRefreshOnShow } from './use-refresh-on-show';

/** One notice of 我的消息. */
export type InboxItemView = Output<'account', 'inbox'>['items'][number];

/** How many of my notices are unread (null while unknown); reloaded whenever the page shows again. */
export function useUnreadCount(): number | null {
  const inbox = useCall('account', 'inbox', {});
  useRefreshOnShow(inbox.retry);
  return inbox.data?.unread ?? null;
}

/** 我的消息: the notices, which are read, and opening one. */
export interface InboxState {
  list: PagedCallState<Output<'account', 'inbox'>>;
  /** Whether a notice is read, counting those marked read on this visit. */
  isRead: (item: InboxItemView) => boolean;
  unread: number;
  /** Marks a notice read and opens its page, when it names one of ours. */
  open: (item: InboxItemView) => void;
  markAllRead: () => void;
  marking: boolean;
  error: ResultError | null;
}

const merge = appendPages<Output<'account', 'inbox'>, 'items'>('items');

/** My notices newest first; opening one marks it read and goes to the page it is about. */
export function useInbox(): InboxState {
  const list = usePagedCall('account', 'inbox', {}, merge);
  useRefreshOnShow(list.retry);
  const [readHere, setReadHere] = useState<ReadonlySet<string>>(new Set());
  const [marking, setMarking] = useState(false);
  const [error, setError] = useState<ResultError | null>(null);

  const isRead = useCallback((item: InboxItemView) => item.read || readHere.has(item.id), [readHere]);
  // The server counts all my unread notices; those read on this visit come off.
  const unread = Math.max(0, (list.data?.unread ?? 0) - (list.data?.items ?? []).filter((i) => !i.read && readHere.has(i.id)).length);

  const markRead = useCallback((ids: string[]) => {
    if (ids.length === 0) return Promise.resolve(true);
    setError(null);
    return call('account', 'markInboxRead', { ids }).then((result) => {
      if (!result.ok) {
        setError(result.error);
        return false;
      }
      setReadHere((r) => new Set([...r, ...ids]));
      return true;
    });
  }, []);

  const open = useCallback(
    (item: InboxItemView) => {
      if (!isRead(item)) void markRead([item.id]);
      const target = noticeTarget(item.page);
      if (!target) return;
      if (target.tab) openTab(target.url);
      else openPage(target.url);
    },
    [isRead, markRead],
  );

  const items = list.data?.items;
  const markAllRead = useCallback(() => {
    const ids = (items ?? []).filter((i) => !isRead(i)).map((i) => i.id);
    setMarking(true);
    void markRead(ids).then(() => setMarking(false));
  }, [items, isRead, markRead]);

  return { list, isRead, unread, open, markAllRead, marking, error };
}
