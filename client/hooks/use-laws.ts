import type { Output } from '@shared/contracts';
import { useCall, type CallState } from './use-call';

/** A law as the list shows it, with its number of lessons. */
export type LawSummary = Output<'learn', 'listLaws'>['laws'][number];

/** The laws taught, in display order. */
export function useLaws(): CallState<Output<'learn', 'listLaws'>> {
  return useCall('learn', 'listLaws', {});
}
