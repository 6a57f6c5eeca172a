import { useCallback, useEffect, useState } from 'react';
import type { Output } from '@shared/contracts';
import { useCall, type CallState } from './use-call';
import type { LawSummary } from './use-laws';
import { useStaffRefreshOnShow } from './use-staff-refresh';
import { useStaffToggle, type StaffToggle } from './use-staff-toggle';

/** A lesson as staff see it: visible (with its number) or removed (with who and when). */
export type StaffLesson = Output<'learnAdmin', 'listLessons'>['lessons'][number];

export interface StaffLessons extends StaffToggle {
  lawId: string | null;
  setLawId: (lawId: string) => void;
  lessons: CallState<Output<'learnAdmin', 'listLessons'>>;
}

/** Lessons per law for staff: pick a law, list its lessons, remove one (with a confirming tap) or restore it. */
export function useStaffLessons(laws: readonly LawSummary[] | null): StaffLessons {
  const [lawId, setLawIdState] = useState<string | null>(null);
  const first = laws?.[0]?.id ?? null;

  useEffect(() => {
    if (lawId === null && first !== null) setLawIdState(first);
  }, [lawId, first]);

  const lessons = useCall('learnAdmin', 'listLessons', lawId ? { lawId } : null, { code: 'BAD_REQUEST', message: '正在准备法律列表…' });
  useStaffRefreshOnShow('lessons', lessons.retry);
  const toggle = useStaffToggle('retireLesson', 'lessons', lessons.retry);
  const { askRemove } = toggle;

  const setLawId = useCallback(
    (id: string) => {
      setLawIdState(id);
      askRemove(null);
    },
    [askRemove],
  );

  return { lawId, setLawId, lessons, ...toggle };
}
