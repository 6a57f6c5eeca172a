import type { Output } from '@shared/contracts';
import { useCall, type CallState } from './use-call';
import { useStaffRefreshOnShow } from './use-staff-refresh';

/** A campaign (答题活动) as staff see it, drafts included. */
export type StaffCampaign = Output<'learnAdmin', 'listCampaigns'>['campaigns'][number];

/** Every campaign, reloaded when the page shows again after a save. */
export function useStaffCampaigns(): CallState<Output<'learnAdmin', 'listCampaigns'>> {
  const list = useCall('learnAdmin', 'listCampaigns', {});
  useStaffRefreshOnShow('campaigns', list.retry);
  return list;
}
