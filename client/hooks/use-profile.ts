import type { Output } from '@shared/contracts';
import { useCall, type CallState } from './use-call';

/** The caller's own profile (role and place); `retry` reloads it, e.g. after a sign-in. */
export function useProfile(): CallState<Output<'account', 'me'>> {
  return useCall('account', 'me', {});
}
