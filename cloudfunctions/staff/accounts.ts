import { randomInt } from 'node:crypto';
import type { StaffMember, staffContract } from '../../shared/contracts/staff';
import { grantProblem, manages, placeProblem, type Post } from '../../shared/domain/staff';
import { AppError } from '../../shared/result';
import { later } from '../../shared/time';
import { ROLE_LABELS, STAFF_ROLES, type Role } from '../../shared/roles';
import { _, db } from '../_lib/cloud';
import { COLL } from '../_lib/collections';
import { getById, insert, list, updateById, updateWhere } from '../_lib/db-helpers';
import type { CallContext, Handlers } from '../_lib/handler';
import type { UserDoc } from '../_lib/identity';
import { hashId, newId } from '../_lib/ids';
import { liveVillage, liveVillages, placeName, townsById } from '../_lib/regions';
import { invitationWxacode } from './wxacode';

type S = Handlers<typeof staffContract>;
type StaffRole = (typeof STAFF_ROLES)[number];

/** A staff account as stored; a switched-off one is a plain user that remembers what she was. */
export type StaffDoc = UserDoc & { staffOff?: { role: StaffRole; at: Date; by: string } | null };

interface InvitationDoc {
  _id: string;
  role: StaffRole;
  town: string | null;
  village: string | null;
  name: string | null;
  by: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  usedBy: string | null;
}

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** The page that redeems an invitation (h5: `#/<path>?code=`; WeChat: the 小程序码's `scene` is the code). */
export const JOIN_PAGE = 'pkg-me/pages/join/index';

const newCode = () => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
/** Invitations are stored under a hash of their code: reading the database does not let anyone redeem one. */
const invitationId = (code: string) => hashId('iv', code);
const postOf = (u: Pick<UserDoc, 'role' | 'town' | 'village'>): Post => ({ role: u.role, town: u.town, village: u.village });
const staffRoleOf = (u: StaffDoc): StaffRole | null => (u.role !== 'user' ? u.role : (u.staffOff?.role ?? null));

async function checkPlace(post: Post, now: Date): Promise<void> {
  const problem = placeProblem(post);
  if (problem) throw new AppError('INVALID_INPUT', problem);
  if (!post.town) return;
  const town = (await townsById(now)).get(post.town);
  if (!town || town.retired) throw new AppError('INVALID_INPUT', '没有这个镇街');
  if (post.village && !liveVillage(town, post.village)) throw new AppError('INVALID_INPUT', '这个镇街下没有这个村（社区）');
}

async function audit(ctx: CallContext, me: UserDoc, action: string, text: string, target: string | null): Promise<void> {
  await insert(COLL.staffAudit, { _id: newId('sa'), at: ctx.now, by: me._id, byName: me.name ?? ROLE_LABELS[me.role], action, text, target });
}

async function memberOf(u: StaffDoc, now: Date): Promise<StaffMember> {
  const towns = await townsById(now);
  const role = staffRoleOf(u) ?? 'station';
  return { id: u._id, name: u.name ?? '工作人员', role, town: u.town, village: u.village, placeName: placeName(towns, u.town, u.village), active: u.role !== 'user', since: u.createdAt.toISOString() };
}

/** A staff account the caller manages, or NOT_FOUND (as if it did not exist). */
async function managed(ctx: CallContext, id: string): Promise<{ me: UserDoc; target: StaffDoc; role: StaffRole }> {
  const [me, target] = await Promise.all([ctx.profile(), getById<StaffDoc>(COLL.users, id)]);
  const role = target ? staffRoleOf(target) : null;
  if (!target || !role || (target._id !== me._id && !manages(postOf(me), { role, town: target.town, village: target.village }))) throw new AppError('NOT_FOUND', '没有找到这位工作人员');
  return { me, target, role };
}

/** Every page of a query, 100 at a time (a district has a few hundred staff). */
async function all<T>(where: Record<string, unknown>): Promise<T[]> {
  const out: T[] = [];
  for (let page = 0; page < 10; page += 1) {
    const got = await list<T>(db.collection(COLL.users).where(where).orderBy('_id', 'asc').skip(page * 100).limit(100));
    out.push(...got);
    if (got.length < 100) break;
  }
  return out;
}

export const accountHandlers: Pick<S, 'createInvitation' | 'redeemInvitation' | 'listStaff' | 'setStaffActive' | 'moveStaff' | 'staffAudit'> = {
  async createInvitation({ role, town, village, name, days, qr }, ctx) {
    const me = await ctx.profile();
    const grant: Post = { role, town: town ?? null, village: village ?? null };
    const problem = grantProblem(postOf(me), grant);
    if (problem) throw new AppError('FORBIDDEN', problem);
    await checkPlace(grant, ctx.now);
    const code = newCode();
    const expiresAt = later(ctx.now, days ?? 7, 'day');
    const doc: InvitationDoc = { _id: invitationId(code), role, town: grant.town, village: grant.village, name: name?.trim() || null, by: me._id, createdAt: ctx.now, expiresAt, usedAt: null, usedBy: null };
    await insert(COLL.invitations, doc as unknown as Record<string, unknown>);
    const where = placeName(await townsById(ctx.now), grant.town, grant.village);
    await audit(ctx, me, 'invite', `邀请${ROLE_LABELS[role]}（${where}${doc.name ? `，${doc.name}` : ''}），${days ?? 7} 天内有效`, null);
    // In WeChat the 小程序码 is made in the same call; the invitation stands whether WeChat makes it or not.
    const image = qr === 'wxacode' ? await invitationWxacode(code, JOIN_PAGE, ctx.now) : { image: null, imageHint: null };
    return { code, role, name: doc.name, placeName: where, expiresAt: expiresAt.toISOString(), path: `${JOIN_PAGE}?code=${code}`, ...image };
  },

  async redeemInvitation({ code }, ctx) {
    const [inv, me] = await Promise.all([getById<InvitationDoc>(COLL.invitations, invitationId(code)), ctx.profile()]);
    if (!inv) throw new AppError('NOT_FOUND', '邀请码不对，请核对后再试');
    if (inv.usedAt) throw new AppError('CONFLICT', '这个邀请已经用过了，每个邀请只能用一次');
    if (inv.expiresAt.getTime() <= ctx.now.getTime()) throw new AppError('CONFLICT', '这个邀请已经过期，请联系邀请人重新邀请');
    if (me.role !== 'user') throw new AppError('CONFLICT', '您已经是工作人员；调整岗位请联系管理员');
    // The inviter must still hold what she gave when it is used.
    const inviter = await getById<UserDoc>(COLL.users, inv.by);
    const grant: Post = { role: inv.role, town: inv.town, village: inv.village };
    if (!inviter || grantProblem(postOf(inviter), grant)) throw new AppError('CONFLICT', '邀请人已没有这项权限，邀请失效');
    await checkPlace(grant, ctx.now);
    // Single use, even when two people redeem at once: only one update finds it unused.
    const claimed = await updateWhere(COLL.invitations, { _id: inv._id, usedAt: null }, { usedAt: ctx.now, usedBy: me._id });
    if (claimed === 0) throw new AppError('CONFLICT', '这个邀请已经用过了，每个邀请只能用一次');
    const next = { role: inv.role, town: inv.town, village: inv.village, name: inv.name ?? me.name, staffOff: null, createdAt: me.createdAt };
    const { _id: id } = me;
    await db.collection(COLL.users).doc(id).set({ data: next });
    const where = placeName(await townsById(ctx.now), inv.town, inv.village);
    await audit(ctx, { ...me, ...next }, 'redeem', `接受邀请，成为${ROLE_LABELS[inv.role]}（${where}）`, id);
    return { role: inv.role, placeName: where };
  },

  async listStaff({ town }, ctx) {
    const me = await ctx.profile();
    const area: Record<string, unknown> = me.role === 'town' ? { town: me.town } : town ? { town } : {};
    const [on, off] = await Promise.all([all<StaffDoc>({ ...area, role: _.in([...STAFF_ROLES]) }), all<StaffDoc>({ ...area, 'staffOff.role': _.in([...STAFF_ROLES]) })]);
    const mine = [...on, ...off].filter((u) => {
      const role = staffRoleOf(u);
      return role !== null && (u._id === me._id || manages(postOf(me), { role, town: u.town, village: u.village }));
    });
    const order = (r: Role) => STAFF_ROLES.indexOf(r as StaffRole);
    const members = await Promise.all(mine.map((u) => memberOf(u, ctx.now)));
    members.sort((a, b) => order(b.role) - order(a.role) || a.placeName.localeCompare(b.placeName, 'zh') || a.name.localeCompare(b.name, 'zh'));
    const towns = [...(await townsById(ctx.now)).values()].filter((t) => !t.retired && (me.role !== 'town' || t._id === me.town));
    return {
      staff: members,
      viewer: { role: me.role === 'user' ? 'station' : me.role, town: me.town },
      towns: towns.map((t) => ({ id: t._id, name: t.name, kind: t.kind, villages: liveVillages(t), women: typeof t.women === 'number' ? t.women : null })),
    };
  },

  async setStaffActive({ id, active }, ctx) {
    const { me, target, role } = await managed(ctx, id);
    if (target._id === me._id && active) return memberOf(target, ctx.now);
    if (!active) {
      if (target.role === 'user') return memberOf(target, ctx.now);
      if (role === 'admin') {
        const admins = (await (db.collection(COLL.users).where({ role: 'admin' }).count() as Promise<{ total: number }>)).total;
        if (admins <= 1) throw new AppError('CONFLICT', '这是最后一位管理员，不能停用；请先邀请另一位管理员');
      }
      if (target._id === me._id && role !== 'admin') throw new AppError('CONFLICT', '不能停用自己的账号，请联系管理员');
      // The whole field is replaced: a dotted update into a null field is refused (-502001).
      await updateById(COLL.users, id, { role: 'user', staffOff: _.set({ role, at: ctx.now, by: me._id }) });
      await audit(ctx, me, 'off', `停用${ROLE_LABELS[role]}账号：${target.name ?? '工作人员'}`, id);
      return memberOf({ ...target, role: 'user', staffOff: { role, at: ctx.now, by: me._id } }, ctx.now);
    }
    if (target.role !== 'user') return memberOf(target, ctx.now);
    await updateById(COLL.users, id, { role, staffOff: null });
    await audit(ctx, me, 'on', `重新启用${ROLE_LABELS[role]}账号：${target.name ?? '工作人员'}`, id);
    return memberOf({ ...target, role, staffOff: null }, ctx.now);
  },

  async moveStaff({ id, town, village }, ctx) {
    const { me, target, role } = await managed(ctx, id);
    const post: Post = { role, town: town ?? null, village: village ?? null };
    const problem = target._id === me._id ? '不能调整自己的岗位，请联系管理员' : grantProblem(postOf(me), post);
    if (problem) throw new AppError('FORBIDDEN', problem);
    await checkPlace(post, ctx.now);
    await updateById(COLL.users, id, { town: post.town, village: post.village });
    const towns = await townsById(ctx.now);
    await audit(ctx, me, 'move', `${target.name ?? '工作人员'}：从${placeName(towns, target.town, target.village)}调整到${placeName(towns, post.town, post.village)}`, id);
    return memberOf({ ...target, town: post.town, village: post.village }, ctx.now);
  },

  async staffAudit() {
    const docs = await list<{ at: Date; byName: string; action: string; text: string }>(db.collection(COLL.staffAudit).orderBy('at', 'desc').limit(100));
    return { entries: docs.map((d) => ({ at: d.at.toISOString(), byName: d.byName, action: d.action, text: d.text })) };
  },
};
