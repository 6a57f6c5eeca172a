import { useState } from 'react';
import type { Output } from '@shared/contracts';
import type { HelpCategory } from '@shared/domain/help';
import { useCall, type CallState } from './use-call';
import { useProfile } from './use-profile';
import { useRefreshOnShow } from './use-refresh-on-show';

export type CaseSummary = Output<'help', 'caseQueue'>['cases'][number];
export type CaseTab = 'open' | 'closed';

export interface CaseQueue {
  tab: CaseTab;
  setTab: (tab: CaseTab) => void;
  /** null: every category. */
  category: HelpCategory | null;
  setCategory: (category: HelpCategory | null) => void;
  list: CallState<Output<'help', 'caseQueue'>>;
}

/** 服务记录 for staff: the cases of their area, masked, 进行中 or 已结案, by category; fresh on every show. */
export function useCases(): CaseQueue {
  const [tab, setTab] = useState<CaseTab>('open');
  const [category, setCategory] = useState<HelpCategory | null>(null);
  const list = useCall('help', 'caseQueue', { status: tab, ...(category ? { category } : {}) });
  useRefreshOnShow(list.retry);
  return { tab, setTab, category, setCategory, list };
}

/** Cases whose follow-up visit is due within three days (回访提醒). */
export function useCaseFollowUps(): CallState<Output<'help', 'followUps'>> {
  const list = useCall('help', 'followUps', {});
  useRefreshOnShow(list.retry);
  return list;
}

/** Who opened which case and when (查看记录, administrators only). */
export function useCaseAudit(): CallState<Output<'help', 'auditLog'>> {
  const log = useCall('help', 'auditLog', {});
  useRefreshOnShow(log.retry);
  return log;
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
  const open = useCall('help', 'caseQueue', { status: 'open' });
  const me = useProfile({ cached: true });
  useRefreshOnShow(open.retry);
  const refused = open.error?.code === 'FORBIDDEN' || open.error?.code === 'UNAUTHENTICATED';
  return {
    allowed: refused ? false : open.data ? true : null,
    openCount: open.data ? open.data.cases.length : null,
    admin: me.data?.role === 'admin',
  };
}
