import { useRef } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';

/**
 * Reloads when the page shows again (back from a quiz, say): pages of a mini-program stay mounted
 * in the page stack, so the first load alone would go stale. Only a show that follows a hide
 * reloads: a component mounted after its page first showed (behind an access check, say) still
 * reloads when she comes back, and never twice on its first load.
 */
export function useRefreshOnShow(reload: () => void): void {
  const hidden = useRef(false);
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    reload();
  });
}
