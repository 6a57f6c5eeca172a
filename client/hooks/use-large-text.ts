import { useCallback, useSyncExternalStore } from 'react';
import { getLargeText, setLargeText, subscribeLargeText } from '../services/prefs';

/** The 大字模式 setting and its switch, the same on every page. */
export function useLargeText(): { largeText: boolean; setLargeText: (on: boolean) => void } {
  const largeText = useSyncExternalStore(subscribeLargeText, getLargeText, getLargeText);
  const set = useCallback((on: boolean) => setLargeText(on), []);
  return { largeText, setLargeText: set };
}
