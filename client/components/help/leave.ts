import Taro from '@tarojs/taro';
import { ROUTES } from '../../routes';

/**
 * 快速离开: whatever help page is open, replace the whole app with the 学法 tab, as if she had been
 * reading it all along. Form state registered here is wiped first, so nothing of it outlives the tap.
 */

/**
 * The neutral page she lands on: the 学法 tab, in the main package, which no staff action can
 * remove and which renders its own content even when no call succeeds (a lesson could be removed,
 * and a subpackage may fail to download offline).
 */
export const NEUTRAL_URL = ROUTES.learn;

const resets = new Set<() => void>();

/** Registers a reset of in-memory form state to run on 快速离开; returns the unregister function. */
export function onLeave(reset: () => void): () => void {
  resets.add(reset);
  return () => {
    resets.delete(reset);
  };
}

function wipe(): void {
  for (const reset of resets) {
    try {
      reset();
    } catch {
      // a failed reset must not stop the exit
    }
  }
}

/**
 * Browser build: step back to the first entry of the app's history, replace it with the 学法 tab and
 * reload. The form's entries are gone from history (Back does not return to them) and a reload
 * drops everything held in memory.
 */
function leaveInBrowser(): void {
  document.documentElement.style.visibility = 'hidden';
  const target = `${window.location.pathname}${window.location.search}#${NEUTRAL_URL}`;
  let landed = false;
  const land = () => {
    if (landed) return;
    landed = true;
    window.removeEventListener('popstate', land);
    window.location.replace(target);
    window.location.reload();
  };
  const above = Taro.getCurrentPages().length - 1;
  if (above <= 0) {
    land();
    return;
  }
  window.addEventListener('popstate', land);
  // If the browser never reports the step back, leave from where we are.
  window.setTimeout(land, 500);
  window.history.go(-above);
}

/** Leaves the help pages at once for the 学法 tab; WeChat then closes the mini-program where it may. */
export function leaveNow(): void {
  wipe();
  if (process.env.TARO_ENV === 'h5') {
    leaveInBrowser();
    return;
  }
  Taro.reLaunch({ url: NEUTRAL_URL })
    .then(() => Taro.exitMiniProgram())
    .catch(() => undefined);
}
