import type { Output } from '@shared/contracts';
import { useCall, type CallState } from './use-call';
import { useStaffRefreshOnShow } from './use-staff-refresh';

/**
 * What the 工作台 home needs: the open 纠错 reports (their count on the card), asked only of
 * district staff and admins — the only roles that may read them.
 */
export function useStaffHome(district: boolean): CallState<Output<'learnAdmin', 'listReports'>> {
  const open = useCall('learnAdmin', 'listReports', district ? { status: 'open' } : null);
  useStaffRefreshOnShow('reports', open.retry);
  return open;
}
