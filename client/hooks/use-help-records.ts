import type { Output } from '@shared/contracts';
import { useCall, type CallState } from './use-call';
import { useRefreshOnShow } from './use-refresh-on-show';

export type MyRequest = Output<'help', 'getMyRequest'>;

/** Her own requests, in neutral words; fresh each time the page shows again. */
export function useHelpRecords(): CallState<Output<'help', 'myRequests'>> {
  const records = useCall('help', 'myRequests', {});
  useRefreshOnShow(records.retry);
  return records;
}

export { dayOf } from '../time';
