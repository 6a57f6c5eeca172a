import type { Scope } from '@shared/contracts/hall';

/** What each level of a topic's area is called on screen. */
export const SCOPE_LEVEL_LABELS: Record<Scope['level'], string> = { district: '全区', town: '镇街', village: '村' };

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Where a topic belongs, in words: "全区", "双江镇（镇街）", "双江镇示例村一（村）". */
export function whereText(topic: { scope: Scope; scopeName: string }): string {
  if (topic.scope.level === 'district') return SCOPE_LEVEL_LABELS.district;
  return `${topic.scopeName}（${SCOPE_LEVEL_LABELS[topic.scope.level]}）`;
}

/** Whether staff closed a topic before its deadline (its deadline is then no longer news). */
export function closedEarly(deadline: string, open: boolean, now: number): boolean {
  return !open && Date.parse(deadline) > now;
}

/** A topic's countdown in plain words: "还有 3 天截止", "还有 5 小时截止", "已截止", or "已结束征集" when closed early. */
export function deadlineText(deadline: string, open: boolean, now: number): string {
  if (closedEarly(deadline, open, now)) return '已结束征集';
  const left = Date.parse(deadline) - now;
  if (!open || !Number.isFinite(left) || left <= 0) return '已截止';
  const days = Math.floor(left / DAY_MS);
  if (days >= 1) return `还有 ${days} 天截止`;
  return `还有 ${Math.max(1, Math.ceil(left / HOUR_MS))} 小时截止`;
}
