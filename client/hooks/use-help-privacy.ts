import { useEffect } from 'react';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';

// Neither call exists in the browser build; in WeChat either may be missing on older clients.
function hideFromCapture(hidden: boolean): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  try {
    void Taro.setVisualEffectOnCapture({ visualEffect: hidden ? 'hidden' : 'none' }).catch(() => undefined);
  } catch {
    // not available on this client
  }
}

function hideShare(): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  try {
    void Taro.hideShareMenu({ menus: ['shareAppMessage', 'shareTimeline'] }).catch(() => undefined);
  } catch {
    // not available on this client
  }
}

/**
 * A page someone else must not see: no share menu, and hidden from screenshots and screen
 * recordings (Android) while it shows; capture is allowed again when the page hides or closes.
 */
export function useHelpPrivacy(): void {
  useEffect(() => {
    hideShare();
    hideFromCapture(true);
    return () => hideFromCapture(false);
  }, []);
  useDidShow(() => {
    hideShare();
    hideFromCapture(true);
  });
  useDidHide(() => hideFromCapture(false));
}
