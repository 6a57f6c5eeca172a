import { useCallback, useState } from 'react';
import type { Output } from '@shared/contracts';
import type { ResultError } from '@shared/result';
import { appendPages, usePagedCall, type PagedCallState } from './use-paged-call';
import { useStaffAction } from './use-staff-action';
import { markStaffChanged, useStaffRefreshOnShow } from './use-staff-refresh';

/** A 纠错 report as staff handle it. */
export type StaffReport = Output<'learnAdmin', 'listReports'>['reports'][number];
export type ReportStatus = StaffReport['status'];
export type ReportDecision = 'resolved' | 'rejected';

export interface StaffReports {
  status: ReportStatus;
  setStatus: (status: ReportStatus) => void;
  list: PagedCallState<Output<'learnAdmin', 'listReports'>>;
  /** The note typed for each open report, by report id. */
  notes: Record<string, string>;
  setNote: (id: string, note: string) => void;
  /** Closes a report with the typed note (required); reloads the list when done. */
  decide: (id: string, decision: ReportDecision) => void;
  /** The report being closed. */
  decidingId: string | null;
  /** A problem with one report's decision (missing note, or the server's refusal), by report id. */
  errors: Record<string, string>;
  lastError: ResultError | null;
}

const merge = appendPages<Output<'learnAdmin', 'listReports'>, 'reports'>('reports');

/** The 纠错 queue: tabs by status, and closing a report as 已修正 or 驳回 with a note. */
export function useStaffReports(): StaffReports {
  const [status, setStatusState] = useState<ReportStatus>('open');
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [decidingId, setDecidingId] = useState<string | null>(null);
  const list = usePagedCall('learnAdmin', 'listReports', { status }, merge);
  useStaffRefreshOnShow('reports', list.retry);
  const resolver = useStaffAction('learnAdmin', 'resolveReport');

  const setStatus = useCallback((next: ReportStatus) => {
    setStatusState(next);
    setErrors({});
  }, []);
  const setNote = useCallback((id: string, note: string) => {
    setNotes((n) => ({ ...n, [id]: note }));
    setErrors((e) => {
      if (!(id in e)) return e;
      const { [id]: _dropped, ...rest } = e;
      return rest;
    });
  }, []);

  const { run } = resolver;
  const { retry } = list;
  const decide = useCallback(
    (id: string, decision: ReportDecision) => {
      const note = (notes[id] ?? '').trim();
      if (!note) {
        setErrors((e) => ({ ...e, [id]: decision === 'resolved' ? '请写明怎样修正的（处理说明必填）' : '请写明驳回的理由（处理说明必填）' }));
        return;
      }
      if (note.length > 300) {
        setErrors((e) => ({ ...e, [id]: '处理说明不超过 300 字' }));
        return;
      }
      setDecidingId(id);
      void run({ id, decision, note }).then((out) => {
        setDecidingId(null);
        if (!out) {
          setErrors((e) => ({ ...e, [id]: '处理没有成功，请重试' }));
          return;
        }
        markStaffChanged('reports');
        retry();
      });
    },
    [notes, run, retry],
  );

  return { status, setStatus, list, notes, setNote, decide, decidingId, errors, lastError: resolver.error };
}
