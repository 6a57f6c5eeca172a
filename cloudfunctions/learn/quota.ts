import { hashId } from '../_lib/ids';

/** The id of a person's attempt counter for one campaign on one China day. */
export function quotaId(openid: string, campaignId: string, day: string): string {
  return hashId('q', openid, campaignId, day);
}
