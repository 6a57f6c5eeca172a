import { CASE_STATE_LABELS } from '@shared/domain/help';
import type { CaseSummary } from '../../../hooks/use-cases';

/** Who a case sits with after escalation (UI text). */
export const ESCALATION_LABELS: Record<CaseSummary['escalation'], string> = { station: '村（社区）工作室', town: '镇街妇联', district: '区妇联' };

/** A case's state as staff read it; a withdrawn case says so. */
export function caseStatusLabel(c: Pick<CaseSummary, 'status' | 'withdrawn'>): string {
  return c.withdrawn ? '已撤回' : CASE_STATE_LABELS[c.status];
}

/** How she may be contacted, masked (lists never show a full number). */
export function contactLabel(c: Pick<CaseSummary, 'contactMethod' | 'phoneMask'>): string {
  if (c.contactMethod === 'phone') return `电话 ${c.phoneMask ?? '（未留）'}`;
  if (c.contactMethod === 'in_app') return '不打电话，只在小程序里留言';
  return '来访登记，无联系方式';
}
