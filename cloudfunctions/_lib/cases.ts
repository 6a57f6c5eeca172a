import type { CaseActionType, CaseOutcome, CaseState, HelpCategory, Urgency } from '../../shared/domain/help';
import { _, db } from './cloud';
import { COLL } from './collections';
import { list } from './db-helpers';
import type { UserDoc } from './identity';
import { notify } from './notify';
import type { Place, Sealed } from './seal';

/** What is sealed of a request: everything that could identify or endanger her. */
export interface CaseSecret {
  description: string;
  phone: string | null;
  safeTimes: string | null;
  note: string | null;
  /** Her OPENID, kept only sealed: needed to tell her about progress. */
  openid: string | null;
}

/** A help request or walk-in visit as stored. Sensitive fields are sealed; lists use masks. */
export interface CaseDoc {
  _id: string;
  reference: string;
  channel: 'online' | 'visit';
  /** A keyed hash of her OPENID, for 我的服务记录 without storing who she is. */
  requester: string | null;
  category: HelpCategory;
  urgency: Urgency;
  town: string;
  village: string | null;
  status: CaseState;
  withdrawn: boolean;
  escalation: 'station' | 'town' | 'district';
  dueAt: Date | null;
  acceptedAt: Date | null;
  assignee: string | null;
  assigneeName: string | null;
  contactMethod: 'phone' | 'in_app' | 'none';
  phoneMask: string | null;
  secret: Sealed | null;
  age: 'adult' | '14to17' | null;
  consentVersion: string | null;
  actions: Array<{ type: CaseActionType; date: string; note: Sealed | null; message: Sealed | null; by: string; byName: string; at: Date }>;
  /** Lines she sees, newest last: sealed (staff write some of them); plain text in records from before. */
  messages: Array<{ at: Date; text: Sealed | string }>;
  followUpAt: Date | null;
  followUpReminded: boolean;
  outcome: CaseOutcome | null;
  closeNote: Sealed | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  purgedAt: Date | null;
}

/** The sealed fields of a case. */
export type SealedField = 'secret' | 'messages' | 'actions.note' | 'actions.message' | 'closeNote';

/** Where a sealed field of a case belongs (its additional authenticated data). */
export const casePlace = (id: string, field: SealedField): Place => ({ coll: COLL.cases, id, field });

/**
 * The change that erases a case's personal details, as the purge does after closure and a
 * withdrawal does at once: what statistics need (category, place, dates, outcome, action types)
 * stays; nothing that says who she is or what she wrote.
 */
export function erasure(c: Pick<CaseDoc, 'actions'>, now: Date): Record<string, unknown> {
  return {
    secret: null,
    phoneMask: null,
    requester: null,
    closeNote: null,
    assignee: null,
    assigneeName: null,
    actions: c.actions.map((a) => ({ type: a.type, date: a.date, note: null, message: null, by: '', byName: '', at: a.at })),
    messages: [],
    purgedAt: now,
  };
}

/** Removes her notices about a case (they are filed under her requester key, never her OPENID). */
export async function eraseNotices(caseId: string): Promise<void> {
  await (db.collection(COLL.inbox).where({ case: caseId }).remove() as Promise<unknown>);
}

/** The help-request allowances of days before `day` are removed: they would show who asked when. */
export async function eraseHelpQuotas(day: string): Promise<void> {
  await (db.collection(COLL.quotas).where({ kind: 'help', day: _.lt(day) }).remove() as Promise<unknown>);
}

/** Whether a staff member may read and handle a case: district all; town its town; station its village or cases assigned to her. */
export function staffCanHandle(staff: UserDoc, c: Pick<CaseDoc, 'town' | 'village' | 'assignee'>): boolean {
  if (staff.role === 'district' || staff.role === 'admin') return true;
  if (staff.role === 'town') return staff.town !== null && staff.town === c.town;
  if (staff.role === 'station') return (staff.village !== null && staff.village === c.village) || c.assignee === staff._id;
  return false;
}

/** Staff to tell at a level: the village's station, the town's staff, or district staff. */
export async function staffAt(level: 'station' | 'town' | 'district', town: string, village: string | null): Promise<UserDoc[]> {
  const where = level === 'station' ? { role: 'station', village } : level === 'town' ? { role: 'town', town } : { role: 'district' };
  if (level === 'station' && !village) return [];
  return list<UserDoc>(db.collection(COLL.users).where(where).limit(50));
}

/** Tells staff that something needs them, in words that say nothing about the person. */
export async function tellStaff(staff: UserDoc[], title: string, body: string, caseId: string, at: Date): Promise<void> {
  await Promise.all(staff.map((s) => notify({ openid: s._id, title, status: '待处理', body, page: `pkg-staff/pages/case/index?id=${caseId}`, at })));
}

