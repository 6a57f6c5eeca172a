import { useCallback, useState } from 'react';
import type { Output } from '@shared/contracts';
import { chinaYear } from '@shared/time';
import { useCall, type CallState } from './use-call';
import { useRefreshOnShow } from './use-refresh-on-show';

export type Activities = Output<'stats', 'listActivities'>;
export type Activity = Activities['activities'][number];

/** The first year activities can be listed for (the contract's lower bound). */
export const FIRST_ACTIVITY_YEAR = 2020;

export interface StatsActivities {
  year: number;
  thisYear: number;
  setYear: (year: number) => void;
  page: number;
  setPage: (page: number) => void;
  list: CallState<Activities>;
}

/** 线下活动: the offline work of a year in my scope, newest first, 20 a page; reloads when shown again (after 登记). */
export function useStatsActivities(): StatsActivities {
  const thisYear = chinaYear(new Date());
  const [year, setYearState] = useState(thisYear);
  const [page, setPageState] = useState(1);
  const list = useCall('stats', 'listActivities', { year, page });
  useRefreshOnShow(list.retry);

  const setYear = useCallback(
    (y: number) => {
      setYearState(Math.min(thisYear, Math.max(FIRST_ACTIVITY_YEAR, y)));
      setPageState(1);
    },
    [thisYear],
  );
  const setPage = useCallback((p: number) => setPageState(Math.min(100, Math.max(1, p))), []);
  return { year, thisYear, setYear, page, setPage, list };
}

/** Activities the list showed, so that the edit page opened from it has the record without a call. */
const shownActivities = new Map<string, Activity>();

/** Keeps an activity of the list for its edit page. */
export function rememberActivity(a: Activity): void {
  shownActivities.set(a.id, a);
}

/** An activity the list showed this session, or null. */
export function rememberedActivity(id: string): Activity | null {
  return shownActivities.get(id) ?? null;
}
