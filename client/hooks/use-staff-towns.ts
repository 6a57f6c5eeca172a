import { useCallback, useEffect, useState } from 'react';
import type { Output } from '@shared/contracts';
import { useCall, type CallState } from './use-call';
import { useStaffAction, type StaffAction } from './use-staff-action';

type Towns = Output<'account', 'listRegions'>['towns'];

/** The streets and towns with their number of women, the drafts being typed, and saving one. */
export function useStaffTowns(): {
  list: CallState<Output<'account', 'listRegions'>>;
  drafts: Record<string, string>;
  setDraft: (town: string, value: string) => void;
  save: StaffAction<{ town: string; women: number | null }, Output<'learnAdmin', 'setTownWomen'>>;
  saved: string | null;
  saveTown: (town: string) => Promise<void>;
  problem: string | null;
  /** The town the last save (and so its problem or error) was for. */
  lastTown: string | null;
} {
  const list = useCall('account', 'listRegions', {});
  const save = useStaffAction('learnAdmin', 'setTownWomen');
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [lastTown, setLastTown] = useState<string | null>(null);
  const towns: Towns | undefined = list.data?.towns;

  useEffect(() => {
    if (towns) setDrafts(Object.fromEntries(towns.map((t) => [t.id, t.women === null ? '' : String(t.women)])));
  }, [towns]);

  const setDraft = useCallback((town: string, value: string) => {
    setDrafts((d) => ({ ...d, [town]: value.replace(/\D/g, '') }));
    setSaved(null);
    setProblem(null);
  }, []);

  const saveTown = useCallback(
    async (town: string) => {
      setLastTown(town);
      const text = drafts[town] ?? '';
      const women = text === '' ? null : Number(text);
      if (women !== null && (!Number.isInteger(women) || women < 1)) {
        setProblem('请填写大于 0 的整数；不知道可以留空');
        return;
      }
      const done = await save.run({ town, women });
      if (done) setSaved(town);
    },
    [drafts, save],
  );
  return { list, drafts, setDraft, save, saved, saveTown, problem, lastTown };
}
