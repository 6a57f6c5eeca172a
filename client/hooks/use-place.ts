import { useCallback, useState } from 'react';
import type { Output } from '@shared/contracts';
import { useCall, type CallState } from './use-call';
import { useStaffAction, type StaffAction } from './use-staff-action';

export type Profile = Output<'account', 'me'>;
export type Towns = Output<'account', 'listRegions'>['towns'];

/** What the place picker edits: a town, and a village or none (不方便说, or none entered). */
export interface PlaceChoice {
  town: string;
  village: string;
}

export interface PlaceEditor {
  regions: CallState<Output<'account', 'listRegions'>>;
  choice: PlaceChoice;
  setTown: (town: string) => void;
  setVillage: (village: string) => void;
  saver: StaffAction<unknown, Profile>;
  /** Saves her place; resolves to the new profile, or null (see `saver.error`). */
  save: () => Promise<Profile | null>;
}

/** Choosing her own town and village: the list, the choice, and one call to save it. */
export function usePlaceEditor(start: { town: string | null; village: string | null }): PlaceEditor {
  const regions = useCall('account', 'listRegions', {});
  const [choice, setChoice] = useState<PlaceChoice>({ town: start.town ?? '', village: start.village ?? '' });
  const saver = useStaffAction('account', 'setRegion');
  const setTown = useCallback((town: string) => setChoice({ town, village: '' }), []);
  const setVillage = useCallback((village: string) => setChoice((c) => ({ ...c, village })), []);
  const { run } = saver;
  const save = useCallback(async () => {
    if (!choice.town) return null;
    return run({ town: choice.town, ...(choice.village ? { village: choice.village } : {}) });
  }, [choice, run]);
  return { regions, choice, setTown, setVillage, saver: saver as StaffAction<unknown, Profile>, save };
}

/** 以后再说: the first-use prompt is not shown again. */
export function useSkipPlace(): StaffAction<Record<string, never>, Profile> {
  return useStaffAction('account', 'skipRegion');
}
