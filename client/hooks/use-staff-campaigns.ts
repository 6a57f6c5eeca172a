import type { Output } from '@shared/contracts';
import { appendPages, usePagedCall, type PagedCallState } from './use-paged-call';
import { useStaffRefreshOnShow } from './use-staff-refresh';

/** A campaign (答题活动) as staff see it, drafts included. */
export type StaffCampaign = Output<'learnAdmin', 'listCampaigns'>['campaigns'][number];

const mergeCampaigns = appendPages<Output<'learnAdmin', 'listCampaigns'>, 'campaigns'>('campaigns');

/** Every campaign, latest first, a page at a time; reloaded when the page shows again after a save. */
export function useStaffCampaigns(): PagedCallState<Output<'learnAdmin', 'listCampaigns'>> {
  const list = usePagedCall('learnAdmin', 'listCampaigns', {}, mergeCampaigns);
  useStaffRefreshOnShow('campaigns', list.retry);
  return list;
}
