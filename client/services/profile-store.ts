import type { Profile } from '@shared/contracts/account';
import { currentDevOpenid } from './dev-signin';

/**
 * The caller's own profile (role and place) as last read this session, so that the staff pages'
 * access check does not cost a call of its own on every page. Kept in memory only, for the
 * identity it was read for (the browser's development sign-in can switch identity).
 */

let kept: { who: string; profile: Profile } | null = null;

function who(): string {
  return process.env.TARO_ENV === 'h5' ? (currentDevOpenid() ?? '') : 'me';
}

/** The profile read earlier this session for the current identity, or null. */
export function keptProfile(): Profile | null {
  return kept !== null && kept.who === who() ? kept.profile : null;
}

/** Remembers the profile just read. */
export function keepProfile(profile: Profile): void {
  kept = { who: who(), profile };
}
