import { useCallback, useRef, useState } from 'react';
import type { ActionName, FnName, Input, Output } from '@shared/contracts';
import type { ResultError } from '@shared/result';
import { call } from '../services/cloud';
import { useCall, type CallState } from './use-call';

/** A list the server sends a page at a time: the pages loaded so far, and 加载更多. */
export interface PagedCallState<T> extends CallState<T> {
  /** Entries beyond those loaded exist. */
  hasMore: boolean;
  loadingMore: boolean;
  /** Why the last 加载更多 failed (it can be tapped again). */
  moreError: ResultError | null;
  loadMore: () => void;
}

/** Joins a further page onto the shown one (its figures and `next` are the newer ones). */
export type MergePages<T> = (shown: T, page: T) => T;

/** Merges pages of a plain list under `key`, an entry shown once even if it moved between pages. */
export function appendPages<T extends { next: string | null }, K extends keyof T>(key: K): MergePages<T> {
  return (shown, page) => {
    const list = (x: T) => x[key] as unknown as Array<{ id: string }>;
    const seen = new Set(list(shown).map((e) => e.id));
    return { ...page, [key]: [...list(shown), ...list(page).filter((e) => !seen.has(e.id))] };
  };
}

/**
 * Runs a paged action (input `cursor`, output `next`) like useCall, and adds its further pages on
 * 加载更多. A reload of the first page (retry, the page shown again) starts over from it.
 */
export function usePagedCall<F extends FnName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: Input<F, A> | null,
  merge: MergePages<Output<F, A>>,
): PagedCallState<Output<F, A>> {
  const first = useCall(fn, action, input);
  // Further pages, valid only on top of the first page they were loaded after.
  const [more, setMore] = useState<{ base: Output<F, A>; data: Output<F, A> } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ResultError | null>(null);
  const busy = useRef(false);
  const data = more && more.base === first.data ? more.data : first.data;
  const next = data ? (data as { next?: string | null }).next ?? null : null;

  const base = first.data;
  const key = input === null ? null : JSON.stringify(input);
  const loadMore = useCallback(() => {
    if (busy.current || !next || !base || !data || key === null) return;
    busy.current = true;
    setLoadingMore(true);
    setMoreError(null);
    void call(fn, action, { ...(JSON.parse(key) as object), cursor: next } as Input<F, A>).then((result) => {
      busy.current = false;
      setLoadingMore(false);
      if (!result.ok) setMoreError(result.error);
      else setMore({ base, data: merge(data, result.data) });
    });
  }, [fn, action, key, next, base, data, merge]);

  return { ...first, data, hasMore: next !== null, loadingMore, moreError, loadMore };
}
