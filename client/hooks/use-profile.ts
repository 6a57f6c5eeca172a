import { useCallback, useEffect, useState } from 'react';
import type { Output } from '@shared/contracts';
import { keepProfile, keptProfile } from '../services/profile-store';
import { useCall, type CallState } from './use-call';

type Profile = Output<'account', 'me'>;

/**
 * The caller's own profile (role and place); `retry` reloads it, e.g. after a sign-in. With
 * `cached`, a profile read earlier this session is used without a call (staff pages check the
 * role this way); otherwise it is read when the page opens.
 */
export function useProfile({ cached = false }: { cached?: boolean } = {}): CallState<Profile> {
  const [kept] = useState(() => (cached ? keptProfile() : null));
  const [asked, setAsked] = useState(kept === null);
  const state = useCall('account', 'me', asked ? {} : null);
  const { data, retry: again } = state;

  useEffect(() => {
    if (data) keepProfile(data);
  }, [data]);

  const retry = useCallback(() => {
    if (asked) again();
    else setAsked(true);
  }, [asked, again]);

  if (!asked && kept) return { loading: false, data: kept, error: null, retry };
  return { ...state, retry };
}
