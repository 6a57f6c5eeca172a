import type { Role } from '../../shared/roles';
import { cloud } from './cloud';
import { COLL } from './collections';
import { getById } from './db-helpers';

/** A person's stored profile; `_id` is the OPENID. Written only by functions. */
export interface UserDoc {
  _id: string;
  role: Role;
  name: string | null;
  town: string | null;
  village: string | null;
  /** She skipped the first-use place prompt. */
  placeSkipped?: boolean;
  createdAt: Date;
}

/** The caller's OPENID as WeChat injected it, or null. Never read identity from the event. */
export function callerOpenid(): string | null {
  const openid = cloud.getWXContext().OPENID;
  return typeof openid === 'string' && openid.length > 0 ? openid : null;
}

/** The caller's profile; a person without one is a plain user with no place yet. */
export async function loadProfile(openid: string): Promise<UserDoc> {
  const doc = await getById<UserDoc>(COLL.users, openid);
  return doc ?? { _id: openid, role: 'user', name: null, town: null, village: null, createdAt: new Date() };
}
