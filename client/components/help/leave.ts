import Taro from '@tarojs/taro';
import { ROUTES, lessonUrl } from '../../routes';

/**
 * 快速离开: whatever help page is open, replace the whole app with a law lesson, as if she had been
 * reading it all along. Form state registered here is wiped first, so nothing of it outlives the tap.
 */

/** The neutral page she lands on: the first constitution lesson. */
export const NEUTRAL_URL = lessonUrl('constitution-01');

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
 * Browser build: step back to the first entry of the app's history, replace it with the lesson and
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

/** Leaves the help pages at once for a neutral lesson; WeChat then closes the mini-program where it may. */
export function leaveNow(): void {
  wipe();
  if (process.env.TARO_ENV === 'h5') {
    leaveInBrowser();
    return;
  }
  // The lesson lives in a subpackage; offline, its download can fail: the 学法 tab is always there.
  Taro.reLaunch({ url: NEUTRAL_URL })
    .catch(() => Taro.reLaunch({ url: ROUTES.learn }))
    .then(() => Taro.exitMiniProgram())
    .catch(() => undefined);
}
