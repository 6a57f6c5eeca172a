import type { Output } from '@shared/contracts';
import { appendPages, usePagedCall, type PagedCallState } from './use-paged-call';
import { useStaffRefreshOnShow } from './use-staff-refresh';
import { useStaffToggle, type StaffToggle } from './use-staff-toggle';

/** A campaign (答题活动) as staff see it, drafts and removed ones included. */
export type StaffCampaign = Output<'learnAdmin', 'listCampaigns'>['campaigns'][number];

const mergeCampaigns = appendPages<Output<'learnAdmin', 'listCampaigns'>, 'campaigns'>('campaigns');

export interface StaffCampaigns extends StaffToggle {
  list: PagedCallState<Output<'learnAdmin', 'listCampaigns'>>;
}

/** Every campaign, latest first, a page at a time; reloaded when the page shows again after a save; remove one (confirmed) or restore it. */
export function useStaffCampaigns(): StaffCampaigns {
  const list = usePagedCall('learnAdmin', 'listCampaigns', {}, mergeCampaigns);
  useStaffRefreshOnShow('campaigns', list.retry);
  return { list, ...useStaffToggle('removeCampaign', 'campaigns', list.retry) };
}
