import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';

/**
 * Reloads when the page shows again (back from a quiz, say): pages of a mini-program stay mounted
 * in the page stack, so the first load alone would go stale. The first show is the first load.
 */
export function useRefreshOnShow(reload: () => void): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });
}
