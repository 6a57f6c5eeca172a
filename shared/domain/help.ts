/** Kinds of help a woman can ask for. */
export const HELP_CATEGORIES = ['家庭暴力', '婚姻家庭纠纷', '法律咨询', '儿童权益', '其他'] as const;
export type HelpCategory = (typeof HELP_CATEGORIES)[number];

export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** What staff record on a case. */
export const CASE_ACTIONS = ['回访', '调解', '转介公安', '转介法院', '转介法律援助', '协助申请人身安全保护令', '协助公安出具告诫书', '其他'] as const;
export type CaseActionType = (typeof CASE_ACTIONS)[number];

/** How a case ends. */
export const CASE_OUTCOMES = ['调解成功', '调解未成', '已转介', '已办结', '求助人撤回'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export const CASE_STATES = ['submitted', 'accepted', 'in_progress', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** Staff labels of case states. */
export const CASE_STATE_LABELS: Record<CaseState, string> = { submitted: '待受理', accepted: '已受理', in_progress: '办理中', closed: '已结案' };

/**
 * What the requester sees: neutral words only, since someone else may read her phone. No
 * category, no action names (告诫书, 保护令…), nothing that says "violence".
 */
export function neutralStatus(state: CaseState, withdrawn: boolean): string {
  if (withdrawn) return '已撤回';
  if (state === 'submitted') return '已收到';
  if (state === 'closed') return '已完成';
  return '处理中';
}

/** What an audit entry records: every staff action on a case, and every reading of the log itself. */
export const AUDIT_ACTIONS = ['read', 'accept', 'assign', 'action', 'close', 'visit', 'audit_read'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Staff labels of audit actions. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  read: '查看详情',
  accept: '受理',
  assign: '指派',
  action: '记录处理',
  close: '结案',
  visit: '来访登记',
  audit_read: '查看操作记录',
};

/** What she is told before she confirms 撤回: it erases, at once. */
export const WITHDRAW_NOTICE = '撤回后，您填写的情况说明、联系方式和工作人员给您的留言会立即删除，工作人员不再跟进，这条记录也不会再出现在您的服务记录里。';

/** The consent to processing sensitive personal information (个人信息保护法 第二十九条) now in force. */
export const CONSENT_VERSION = '2026-11-29';

/** The consent text shown (unticked) before a request can be sent; changing it means a new version. */
export const CONSENT_TEXT =
  '我同意潼南区妇联及所在村（社区）“暖心刘妈”工作室为处理本次求助，收集和使用我填写的求助内容和联系方式（属于敏感个人信息）。这些信息加密保存，只有负责的工作人员可以查看，每次查看都会记录；结案 180 天后个人信息将被删除。我可以随时撤回求助。';

/** Hours within which a request must be accepted before it is escalated (station → town → district). */
export const ACCEPT_HOURS: Record<Urgency, number> = { normal: 24, urgent: 4 };

/** Days after a warning letter or a protection order when a follow-up visit is due. */
export const FOLLOW_UP_DAYS = 7;

/** Actions after which a follow-up visit is due. */
export const NEEDS_FOLLOW_UP: ReadonlySet<CaseActionType> = new Set(['协助申请人身安全保护令', '协助公安出具告诫书']);

/** A phone number shown in lists: 138****5678. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** A mainland mobile or landline number, digits and dashes only. */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
