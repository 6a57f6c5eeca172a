import { randomBytes } from 'node:crypto';
import type { AuditAction } from '../../shared/domain/help';
import { COLL } from '../_lib/collections';
import { insert } from '../_lib/db-helpers';
import type { UserDoc } from '../_lib/identity';

/** An audit entry as stored: who did what to which case, and when. Never anything of her. */
export interface AuditDoc {
  _id: string;
  caseId: string | null;
  reference: string | null;
  staff: string;
  staffName: string;
  role: string;
  at: Date;
  action: AuditAction;
  /** What was done, in staff words (an action type, an outcome, an assignee); never her details. */
  detail?: string | null;
}

/** The name staff are shown by. */
export const staffName = (u: UserDoc): string => u.name ?? '工作人员';

/** Appends an entry to the audit trail. */
export async function audit(me: UserDoc, c: { _id: string; reference: string } | null, action: AuditAction, at: Date, detail: string | null = null): Promise<void> {
  const entry: AuditDoc = { _id: `au${randomBytes(12).toString('hex')}`, caseId: c?._id ?? null, reference: c?.reference ?? null, staff: me._id, staffName: staffName(me), role: me.role, at, action, detail };
  await insert(COLL.caseAudit, entry as unknown as Record<string, unknown>);
}
