import { useCallback, useEffect, useRef, useState } from 'react';
import type { Output } from '@shared/contracts';
import { chinaYear } from '@shared/time';
import { copyText } from '../components/stats/clipboard';
import { useCall, type CallState } from './use-call';
import { useRefreshOnShow } from './use-refresh-on-show';

export type AnnualReport = Output<'stats', 'annualReport'>;

/** The first year the counters can hold (the contract's lower bound). */
export const FIRST_YEAR = 2020;

/** Every figure as a line, then the paragraphs: what 复制全部 puts on the clipboard. */
export function annualText(r: AnnualReport): string {
  const lines = r.figures.map((f) => `${f.label}：${f.value}${f.unit}`);
  return [`${r.year}年${r.scopeName}参与统计`, ...lines, '', ...r.paragraphs].join('\n');
}

export interface StatsAnnual {
  year: number;
  thisYear: number;
  setYear: (year: number) => void;
  report: CallState<AnnualReport>;
  /** Copies a piece of the report; `id` says which block shows 已复制. */
  copy: (id: string, text: string) => void;
  /** The block last copied (for a moment), or the one that failed. */
  copied: { id: string; ok: boolean } | null;
}

/** 年度报告数据: the year chosen (this year at first), its figures and paragraphs, and copying them. */
export function useStatsAnnual(): StatsAnnual {
  const thisYear = chinaYear(new Date());
  const [year, setYearState] = useState(thisYear);
  const report = useCall('stats', 'annualReport', { year });
  useRefreshOnShow(report.retry);
  const [copied, setCopied] = useState<{ id: string; ok: boolean } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const setYear = useCallback((y: number) => setYearState(Math.min(thisYear, Math.max(FIRST_YEAR, y))), [thisYear]);
  const copy = useCallback((id: string, text: string) => {
    void copyText(text).then((ok) => {
      setCopied({ id, ok });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => setCopied(null), 3000);
    });
  }, []);

  return { year, thisYear, setYear, report, copy, copied };
}
