import { useCallback, useRef, useState } from 'react';
import type { Output } from '@shared/contracts';
import type { ResultError } from '@shared/result';
import { call } from '../services/cloud';
import { useCall, type CallState } from './use-call';
import { useRefreshOnShow } from './use-refresh-on-show';

export type RankingPeriod = Output<'learn', 'ranking'>['period'];

/** The ranking page: the period shown, the ranking, and my opt-in to the person ranking. */
export interface RankingState {
  period: RankingPeriod;
  setPeriod: (period: RankingPeriod) => void;
  ranking: CallState<Output<'learn', 'ranking'>>;
  /** Whether I appear in the person ranking; null while unknown. */
  optIn: boolean | null;
  savingOptIn: boolean;
  optInError: ResultError | null;
  toggleOptIn: () => void;
}

/** Towns by participation and people by points, for this month or year, and my opt-in switch. */
export function useRanking(): RankingState {
  const [period, setPeriod] = useState<RankingPeriod>('month');
  const ranking = useCall('learn', 'ranking', { period });
  useRefreshOnShow(ranking.retry);
  // My opt-in is part of my learning record; after a change the switch shows what the server kept.
  const progress = useCall('learn', 'myProgress', {});
  const [saved, setSaved] = useState<boolean | null>(null);
  const [savingOptIn, setSaving] = useState(false);
  const [optInError, setError] = useState<ResultError | null>(null);
  const busy = useRef(false);
  const optIn = saved ?? progress.data?.rankingOptIn ?? null;
  const reload = ranking.retry;

  const toggleOptIn = useCallback(() => {
    if (busy.current || optIn === null) return;
    busy.current = true;
    setSaving(true);
    setError(null);
    void call('learn', 'setRankingOptIn', { optIn: !optIn }).then((result) => {
      busy.current = false;
      setSaving(false);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setSaved(result.data.optIn);
      reload();
    });
  }, [optIn, reload]);

  return { period, setPeriod, ranking, optIn, savingOptIn, optInError, toggleOptIn };
}
