import type { Output } from '@shared/contracts';
import { useCall, type CallState } from './use-call';
import { useRefreshOnShow } from './use-refresh-on-show';

/** One law's group of the mistake book. */
export type MistakeGroup = Output<'learn', 'listMistakes'>['groups'][number];

/** My mistake book, grouped by law; reloaded whenever the page shows again (after a drill). */
export function useMistakes(): CallState<Output<'learn', 'listMistakes'>> {
  const mistakes = useCall('learn', 'listMistakes', {});
  useRefreshOnShow(mistakes.retry);
  return mistakes;
}
