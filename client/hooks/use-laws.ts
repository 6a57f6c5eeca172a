import type { Output } from '@shared/contracts';
import { useCall, type CallState } from './use-call';

/** A law as the list shows it, with its number of lessons. */
export type LawSummary = Output<'learn', 'listLaws'>['laws'][number];

/** The laws one can learn, in display order; `all` (staff pickers) includes those with nothing to learn yet. */
export function useLaws({ all = false }: { all?: boolean } = {}): CallState<Output<'learn', 'listLaws'>> {
  return useCall('learn', 'listLaws', all ? { all } : {});
}
