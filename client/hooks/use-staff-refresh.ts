import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';

/** What staff pages change; a list of that kind reloads when it shows again after a change. */
export type StaffTopic = 'questions' | 'campaigns' | 'reports' | 'lessons';

const versions: Record<StaffTopic, number> = { questions: 0, campaigns: 0, reports: 0, lessons: 0 };

/** Records that something of `topic` changed (a form saved), so lists showing it reload. */
export function markStaffChanged(topic: StaffTopic): void {
  versions[topic] += 1;
}

/**
 * Calls `refresh` when the page shows again and something of `topic` changed meanwhile: pages
 * stay mounted in the page stack, so a list must reload itself after the form above it saved.
 */
export function useStaffRefreshOnShow(topic: StaffTopic, refresh: () => void): void {
  const seen = useRef(versions[topic]);
  useDidShow(() => {
    if (seen.current === versions[topic]) return;
    seen.current = versions[topic];
    refresh();
  });
}
