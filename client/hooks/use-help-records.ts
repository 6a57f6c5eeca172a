import type { Output } from '@shared/contracts';
import { chinaDay } from '@shared/time';
import { useCall, type CallState } from './use-call';
import { useRefreshOnShow } from './use-refresh-on-show';

export type MyRequest = Output<'help', 'getMyRequest'>;

/** Her own requests, in neutral words; fresh each time the page shows again. */
export function useHelpRecords(): CallState<Output<'help', 'myRequests'>> {
  const records = useCall('help', 'myRequests', {});
  useRefreshOnShow(records.retry);
  return records;
}

/** The China calendar day of an instant, as she reads dates on her records. */
export function dayOf(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : chinaDay(at);
}
