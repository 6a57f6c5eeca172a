import { useCallback, useEffect, useState } from 'react';
import type { Output } from '@shared/contracts';
import type { ResultError } from '@shared/result';
import { useCall, type CallState } from './use-call';
import type { LawSummary } from './use-laws';
import { useStaffAction } from './use-staff-action';
import { markStaffChanged, useStaffRefreshOnShow } from './use-staff-refresh';

export interface StaffLessons {
  lawId: string | null;
  setLawId: (lawId: string) => void;
  lessons: CallState<Output<'learn', 'listLessons'>>;
  /** The lesson waiting for the second tap of 移除. */
  confirmingId: string | null;
  askRemove: (id: string | null) => void;
  remove: (id: string) => void;
  removing: boolean;
  removeError: ResultError | null;
}

/** Lessons per law for staff: pick a law, list its lessons, remove one (with a confirming tap). */
export function useStaffLessons(laws: readonly LawSummary[] | null): StaffLessons {
  const [lawId, setLawIdState] = useState<string | null>(null);
  const [confirmingId, setConfirmingId] = useState<string | null>(null);
  const first = laws?.[0]?.id ?? null;

  useEffect(() => {
    if (lawId === null && first !== null) setLawIdState(first);
  }, [lawId, first]);

  const lessons = useCall('learn', 'listLessons', lawId ? { lawId } : null, { code: 'BAD_REQUEST', message: '正在准备法律列表…' });
  useStaffRefreshOnShow('lessons', lessons.retry);
  const retirer = useStaffAction('learnAdmin', 'retireLesson');

  const setLawId = useCallback((id: string) => {
    setLawIdState(id);
    setConfirmingId(null);
  }, []);
  const { run } = retirer;
  const { retry } = lessons;
  const remove = useCallback(
    (id: string) => {
      void run({ id }).then((out) => {
        setConfirmingId(null);
        if (!out) return;
        markStaffChanged('lessons');
        retry();
      });
    },
    [run, retry],
  );

  return { lawId, setLawId, lessons, confirmingId, askRemove: setConfirmingId, remove, removing: retirer.busy, removeError: retirer.error };
}
