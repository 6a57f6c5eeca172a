import { useCallback, useState } from 'react';
import type { Input, Output } from '@shared/contracts';
import type { HelpCategory } from '@shared/domain/help';
import { useCall, type CallState } from './use-call';
import { useProfile } from './use-profile';
import { useRefreshOnShow } from './use-refresh-on-show';

export type CaseSummary = Output<'help', 'caseQueue'>['cases'][number];
export type CaseTab = 'open' | 'closed';
export type AuditFilter = Omit<Input<'help', 'auditLog'>, 'page' | 'pageSize'>;

/** A page of a staff list: where we are and how to move. */
export interface Paged {
  page: number;
  /** How many pages the last answer says there are (at least 1). */
  pageCount: number;
  goTo: (page: number) => void;
}

const PAGE_SIZE = 20;

/** The page state of a list; the page count comes from the total of the last answer. */
function usePage(): { page: number; goTo: (page: number) => void; reset: () => void } {
  const [page, setPage] = useState(1);
  const goTo = useCallback((next: number) => setPage(Math.max(1, next)), []);
  const reset = useCallback(() => setPage(1), []);
  return { page, goTo, reset };
}

const pagesOf = (total: number | undefined) => Math.max(1, Math.ceil((total ?? 0) / PAGE_SIZE));

export interface CaseQueue {
  tab: CaseTab;
  setTab: (tab: CaseTab) => void;
  /** null: every category. */
  category: HelpCategory | null;
  setCategory: (category: HelpCategory | null) => void;
  list: CallState<Output<'help', 'caseQueue'>>;
  paging: Paged;
}

/** 服务记录 for staff: a page of the cases of their area, masked, 进行中 or 已结案, by category; fresh on every show. */
export function useCases(): CaseQueue {
  const [tab, setTabState] = useState<CaseTab>('open');
  const [category, setCategoryState] = useState<HelpCategory | null>(null);
  const { page, goTo, reset } = usePage();
  const list = useCall('help', 'caseQueue', { status: tab, ...(category ? { category } : {}), page, pageSize: PAGE_SIZE });
  useRefreshOnShow(list.retry);
  const setTab = useCallback(
    (next: CaseTab) => {
      reset();
      setTabState(next);
    },
    [reset],
  );
  const setCategory = useCallback(
    (next: HelpCategory | null) => {
      reset();
      setCategoryState(next);
    },
    [reset],
  );
  return { tab, setTab, category, setCategory, list, paging: { page, pageCount: pagesOf(list.data?.total), goTo } };
}

/** Cases whose follow-up visit is due within three days (回访提醒), a page at a time. */
export function useCaseFollowUps(): { list: CallState<Output<'help', 'followUps'>>; paging: Paged } {
  const { page, goTo } = usePage();
  const list = useCall('help', 'followUps', { page, pageSize: PAGE_SIZE });
  useRefreshOnShow(list.retry);
  return { list, paging: { page, pageCount: pagesOf(list.data?.total), goTo } };
}

export interface CaseAudit {
  log: CallState<Output<'help', 'auditLog'>>;
  paging: Paged;
  filter: AuditFilter;
  setFilter: (filter: AuditFilter) => void;
}

/** Who did what to which case and when (操作记录, administrators only), filtered, a page at a time. */
export function useCaseAudit(): CaseAudit {
  const [filter, setFilterState] = useState<AuditFilter>({});
  const { page, goTo, reset } = usePage();
  const log = useCall('help', 'auditLog', { ...filter, page, pageSize: PAGE_SIZE });
  useRefreshOnShow(log.retry);
  const setFilter = useCallback(
    (next: AuditFilter) => {
      reset();
      setFilterState(next);
    },
    [reset],
  );
  return { log, paging: { page, pageCount: pagesOf(log.data?.total), goTo }, filter, setFilter };
}

/** What the 工作台 home shows of cases: whether I handle cases at all, how many are open, and whether I am an administrator. */
export interface CaseDesk {
  /** false for people who are not staff (the call was refused); null while unknown. */
  allowed: boolean | null;
  openCount: number | null;
  admin: boolean;
}

/** The cases part of the 工作台 home, independent of the learning-content cards. */
export function useCaseDesk(): CaseDesk {
  const open = useCall('help', 'caseQueue', { status: 'open', pageSize: 1 });
  const me = useProfile({ cached: true });
  useRefreshOnShow(open.retry);
  const refused = open.error?.code === 'FORBIDDEN' || open.error?.code === 'UNAUTHENTICATED';
  return {
    allowed: refused ? false : open.data ? true : null,
    openCount: open.data ? open.data.total : null,
    admin: me.data?.role === 'admin',
  };
}
