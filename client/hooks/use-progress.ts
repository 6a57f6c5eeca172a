import type { Output } from '@shared/contracts';
import { useCall, type CallState } from './use-call';
import { useRefreshOnShow } from './use-refresh-on-show';

/** My learning record: points, streak, per-law figures and history. */
export type Progress = Output<'learn', 'myProgress'>;

/** My learning record; reloaded whenever the page shows again. */
export function useProgress(): CallState<Progress> {
  const progress = useCall('learn', 'myProgress', {});
  useRefreshOnShow(progress.retry);
  return progress;
}
