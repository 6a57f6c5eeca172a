import type { Output } from '@shared/contracts';
import { useCall, type CallState } from './use-call';
import { useStaffRefreshOnShow } from './use-staff-refresh';
import { useStaffToggle, type StaffToggle } from './use-staff-toggle';

/** A campaign (答题活动) as staff see it, drafts and removed ones included. */
export type StaffCampaign = Output<'learnAdmin', 'listCampaigns'>['campaigns'][number];

export interface StaffCampaigns extends StaffToggle {
  list: CallState<Output<'learnAdmin', 'listCampaigns'>>;
}

/** Every campaign, reloaded when the page shows again after a save; remove one (confirmed) or restore it. */
export function useStaffCampaigns(): StaffCampaigns {
  const list = useCall('learnAdmin', 'listCampaigns', {});
  useStaffRefreshOnShow('campaigns', list.retry);
  return { list, ...useStaffToggle('removeCampaign', 'campaigns', list.retry) };
}
