import { useCallback, useState } from 'react';
import type { Input, Output } from '@shared/contracts';
import type { Role } from '@shared/roles';
import { useCall } from './use-call';
import { useStaffAction, type StaffAction } from './use-staff-action';

export type StaffMember = Output<'staff', 'listStaff'>['staff'][number];
export type Invitation = Output<'staff', 'createInvitation'>;
export type InviteDraft = { role: Input<'staff', 'createInvitation'>['role'] | null; town: string; village: string; name: string };

/** Roles a person may invite: never more than she holds (the server checks the same). */
export function invitableRoles(role: Role | null): Array<InviteDraft['role'] & string> {
  if (role === 'admin') return ['admin', 'district', 'town', 'station'];
  if (role === 'district') return ['town', 'station'];
  if (role === 'town') return ['station'];
  return [];
}

/** 工作人员: the staff list of my scope, switching off and on, moving, and inviting. */
export function useStaffPeople() {
  const list = useCall('staff', 'listStaff', {});
  const activate = useStaffAction('staff', 'setStaffActive');
  const move = useStaffAction('staff', 'moveStaff');
  const invite = useStaffAction('staff', 'createInvitation');
  const [invitation, setInvitation] = useState<Invitation | null>(null);

  const { retry } = list;
  const setActive = useCallback(
    async (id: string, active: boolean) => {
      if (await activate.run({ id, active })) retry();
    },
    [activate, retry],
  );
  const moveTo = useCallback(
    async (id: string, town: string, village: string) => {
      const done = await move.run({ id, ...(town ? { town } : {}), ...(village ? { village } : {}) });
      if (done) retry();
      return done !== null;
    },
    [move, retry],
  );
  const send = useCallback(
    async (draft: InviteDraft) => {
      if (!draft.role) return;
      // In WeChat the server makes a 小程序码 that opens the join page; the browser draws a QR code of the link itself.
      const qr = process.env.TARO_ENV === 'weapp' ? 'wxacode' : 'none';
      const out = await invite.run({ role: draft.role, ...(draft.town ? { town: draft.town } : {}), ...(draft.village ? { village: draft.village } : {}), ...(draft.name.trim() ? { name: draft.name.trim() } : {}), qr });
      if (out) setInvitation(out);
    },
    [invite],
  );
  return { list, activate, move, invite: invite as StaffAction<unknown, Invitation>, invitation, setActive, moveTo, send, clearInvitation: () => setInvitation(null) };
}
