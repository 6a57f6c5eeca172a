import type { Output } from '@shared/contracts';
import { useCall, type CallState } from './use-call';
import { useRefreshOnShow } from './use-refresh-on-show';

/** A campaign as listed, with my remaining attempts today. */
export type CampaignView = Output<'learn', 'listCampaigns'>['campaigns'][number];

/** Campaigns running or coming; reloaded when the page shows again (a start uses up an attempt). */
export function useCampaigns(): CallState<Output<'learn', 'listCampaigns'>> {
  const campaigns = useCall('learn', 'listCampaigns', {});
  useRefreshOnShow(campaigns.retry);
  return campaigns;
}
