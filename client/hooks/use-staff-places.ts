import { useCallback } from 'react';
import type { Input } from '@shared/contracts';
import { useCall } from './use-call';
import { useStaffAction } from './use-staff-action';

/** 村（社区）管理: every town's villages with their stations; each change is one call, then the list reloads. */
export function useStaffPlaces() {
  const list = useCall('staff', 'listPlaces', {});
  const add = useStaffAction('staff', 'addVillage');
  const rename = useStaffAction('staff', 'renameVillage');
  const retire = useStaffAction('staff', 'retireVillage');
  const station = useStaffAction('staff', 'setStation');
  const merge = useStaffAction('staff', 'mergeVillages');
  const { retry } = list;
  const after = useCallback(<T,>(p: Promise<T | null>) => p.then((out) => (out ? (retry(), true) : false)), [retry]);
  return {
    list,
    error: add.error ?? rename.error ?? retire.error ?? station.error ?? merge.error,
    busy: add.busy || rename.busy || retire.busy || station.busy || merge.busy,
    addVillage: (input: Input<'staff', 'addVillage'>) => after(add.run(input)),
    renameVillage: (input: Input<'staff', 'renameVillage'>) => after(rename.run(input)),
    retireVillage: (input: Input<'staff', 'retireVillage'>) => after(retire.run(input)),
    setStation: (input: Input<'staff', 'setStation'>) => after(station.run(input)),
    mergeVillages: (input: Input<'staff', 'mergeVillages'>) => after(merge.run(input)),
  };
}
