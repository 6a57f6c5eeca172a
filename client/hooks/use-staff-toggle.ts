import { useCallback, useState } from 'react';
import type { ResultError } from '@shared/result';
import { useStaffAction } from './use-staff-action';
import { markStaffChanged, type StaffTopic } from './use-staff-refresh';

/** 移除 (asked once more) and 恢复 of the records of a staff list. */
export interface StaffToggle {
  /** The record waiting for the second tap of 移除. */
  confirmingId: string | null;
  askRemove: (id: string | null) => void;
  /** Removes (hides) a record, or with `restore` brings it back; the list reloads after. */
  toggle: (id: string, restore: boolean) => void;
  /** The record whose 移除 or 恢复 is running. */
  togglingId: string | null;
  toggleError: ResultError | null;
}

/** Removing and restoring lessons or campaigns: one call each, then the list reloads. */
export function useStaffToggle(action: 'retireLesson' | 'removeCampaign', topic: StaffTopic, reload: () => void): StaffToggle {
  const [confirmingId, setConfirmingId] = useState<string | null>(null);
  const [togglingId, setTogglingId] = useState<string | null>(null);
  const { run, error } = useStaffAction('learnAdmin', action);
  const toggle = useCallback(
    (id: string, restore: boolean) => {
      setTogglingId(id);
      void run(restore ? { id, restore } : { id }).then((out) => {
        setTogglingId(null);
        setConfirmingId(null);
        if (!out) return;
        markStaffChanged(topic);
        reload();
      });
    },
    [run, topic, reload],
  );
  return { confirmingId, askRemove: setConfirmingId, toggle, togglingId, toggleError: error };
}
