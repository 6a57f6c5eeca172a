import { useCallback, useState } from 'react';
import type { Output } from '@shared/contracts';
import { useStaffAction } from './use-staff-action';

/** The code as typed or scanned: upper case, look-alikes and spaces removed. */
export function normalizeCode(raw: string): string {
  return raw.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 10);
}

/** Accepting a staff invitation: the code (from the link, the scene, or typed) and one call. */
export function useJoin(initial: string) {
  const [code, setCode] = useState(normalizeCode(initial));
  const [joined, setJoined] = useState<Output<'staff', 'redeemInvitation'> | null>(null);
  const redeem = useStaffAction('staff', 'redeemInvitation');
  const { run } = redeem;
  const accept = useCallback(async () => {
    const out = await run({ code });
    if (out) setJoined(out);
  }, [code, run]);
  return { code, setCode: (v: string) => setCode(normalizeCode(v)), joined, redeem, accept };
}
