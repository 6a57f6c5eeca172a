import type { Output } from '@shared/contracts';
import { useCall, type CallState } from './use-call';
import { useStaffRefreshOnShow } from './use-staff-refresh';

/**
 * What the 工作台 home needs: the open 纠错 reports (their count on the card). The same call tells
 * whether the caller may use the workbench at all (FORBIDDEN otherwise).
 */
export function useStaffHome(): CallState<Output<'learnAdmin', 'listReports'>> {
  const open = useCall('learnAdmin', 'listReports', { status: 'open' });
  useStaffRefreshOnShow('reports', open.retry);
  return open;
}
