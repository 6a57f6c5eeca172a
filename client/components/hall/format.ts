import type { Scope } from '@shared/contracts/hall';

/** What each level of a topic's area is called on screen. */
export const SCOPE_LEVEL_LABELS: Record<Scope['level'], string> = { district: '全区', town: '镇街', village: '村' };

/** Where a topic belongs, in words: "全区", "双江镇（镇街）", "双江镇示例村一（村）". */
export function whereText(topic: { scope: Scope; scopeName: string }): string {
  if (topic.scope.level === 'district') return SCOPE_LEVEL_LABELS.district;
  return `${topic.scopeName}（${SCOPE_LEVEL_LABELS[topic.scope.level]}）`;
}
