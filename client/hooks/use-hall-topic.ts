import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Output } from '@shared/contracts';
import type { ResultError } from '@shared/result';
import { call } from '../services/cloud';
import { useCall, type CallState } from './use-call';
import type { TopicView } from './use-hall-topics';
import { useRefreshOnShow } from './use-refresh-on-show';

/** A suggestion as anyone sees it: no author identity when anonymous. */
export type PublicSuggestionView = Output<'hall', 'listSuggestions'>['suggestions'][number];
/** How the public suggestions are ordered: 附议最多 or 最新. */
export type SuggestionSort = 'supports' | 'time';

/** The page of one topic, or (topicId null) of the free suggestions made to no topic. */
export interface TopicPageState {
  /** The topic; null on the free-suggestions page. */
  topic: CallState<TopicView> | null;
  sort: SuggestionSort;
  setSort: (sort: SuggestionSort) => void;
  /** The suggestions loaded so far; null until the first page is in. */
  suggestions: PublicSuggestionView[] | null;
  hasMore: boolean;
  loading: boolean;
  /** Why the first page failed (the list shows it with 重试), or a later page (shown by 加载更多). */
  error: ResultError | null;
  loadMore: () => void;
  retry: () => void;
  /** Ids of my own suggestions, which I cannot support. */
  mine: ReadonlySet<string>;
  support: (suggestionId: string) => void;
  supportingId: string | null;
  /** What the server said about a support, by suggestion id (own, closed, already counted). */
  supportNotes: Record<string, string>;
  /** Suggestions the server refused a support for: their 附议 button stays off. */
  refused: ReadonlySet<string>;
}

interface Loaded {
  items: PublicSuggestionView[];
  hasMore: boolean;
  page: number;
}

const EMPTY: Loaded = { items: [], hasMore: false, page: 0 };

/** A topic with its public suggestions, page by page in either order, and 附议. */
export function useHallTopic(topicId: string | null): TopicPageState {
  const topic = useCall('hall', 'getTopic', topicId ? { topicId } : null);
  const [sort, setSortState] = useState<SuggestionSort>('supports');
  const [loaded, setLoaded] = useState<Loaded>(EMPTY);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ResultError | null>(null);
  const [version, setVersion] = useState(0);
  const [supportingId, setSupportingId] = useState<string | null>(null);
  const [supportNotes, setSupportNotes] = useState<Record<string, string>>({});
  const [refused, setRefused] = useState<ReadonlySet<string>>(new Set());
  const latest = useRef(0);
  const supporting = useRef(false);

  const fetchPage = useCallback(
    (page: number) => {
      const id = ++latest.current;
      setLoading(true);
      setError(null);
      void call('hall', 'listSuggestions', { topicId, sort, page }).then((result) => {
        if (id !== latest.current) return; // a newer load (another order, a reload) superseded this one
        setLoading(false);
        if (!result.ok) {
          setError(result.error);
          return;
        }
        const { suggestions, hasMore } = result.data;
        setLoaded((prev) => {
          if (page === 1) return { items: suggestions, hasMore, page };
          // Supports can move a suggestion between pages while she reads: never show one twice.
          const seen = new Set(prev.items.map((s) => s.id));
          return { items: [...prev.items, ...suggestions.filter((s) => !seen.has(s.id))], hasMore, page };
        });
      });
    },
    [topicId, sort],
  );

  useEffect(() => {
    fetchPage(1);
    return () => {
      latest.current += 1;
    };
  }, [fetchPage, version]);

  const reload = useCallback(() => setVersion((n) => n + 1), []);
  const { retry: retryTopic } = topic;
  useRefreshOnShow(
    useCallback(() => {
      retryTopic();
      reload();
    }, [retryTopic, reload]),
  );

  const setSort = useCallback(
    (next: SuggestionSort) => {
      if (next === sort) return;
      setLoaded(EMPTY); // the other order starts again from its first page
      setSortState(next);
    },
    [sort],
  );

  const loadMore = useCallback(() => {
    if (loading || !loaded.hasMore) return;
    fetchPage(loaded.page + 1);
  }, [loading, loaded, fetchPage]);

  const retry = useCallback(() => {
    if (loaded.page === 0) reload();
    else fetchPage(loaded.page + 1);
  }, [loaded.page, reload, fetchPage]);

  const support = useCallback((suggestionId: string) => {
    if (supporting.current) return;
    supporting.current = true;
    setSupportingId(suggestionId);
    setSupportNotes(({ [suggestionId]: _gone, ...rest }) => rest);
    // The page's topic goes with it (the server checks it): it spares a database round trip.
    void call('hall', 'support', { suggestionId, topicId }).then((result) => {
      supporting.current = false;
      setSupportingId(null);
      if (!result.ok) {
        setSupportNotes((n) => ({ ...n, [suggestionId]: result.error.message }));
        // Own suggestion, or the topic closed meanwhile: it will not change, so the button goes off.
        if (result.error.code === 'CONFLICT') setRefused((r) => new Set([...r, suggestionId]));
        return;
      }
      const { supports, counted } = result.data;
      setLoaded((prev) => ({ ...prev, items: prev.items.map((s) => (s.id === suggestionId ? { ...s, supports, supportedByMe: true } : s)) }));
      setSupportNotes((n) => ({ ...n, [suggestionId]: counted ? '已附议，谢谢你的支持' : '你已经附议过这条建议' }));
    });
  }, [topicId]);

  const mine = useMemo(() => new Set(loaded.items.filter((s) => s.mine).map((s) => s.id)), [loaded.items]);

  return {
    topic: topicId ? topic : null,
    sort,
    setSort,
    suggestions: loaded.page === 0 ? null : loaded.items,
    hasMore: loaded.hasMore,
    loading,
    error,
    loadMore,
    retry,
    mine,
    support,
    supportingId,
    supportNotes,
    refused,
  };
}
