import { accountContract, type Profile } from '../../shared/contracts/account';
import { AppError } from '../../shared/result';
import { _, db } from '../_lib/cloud';
import { COLL } from '../_lib/collections';
import { countWhere, getById, insert, isDuplicateKey, list, pageOf, updateWhere } from '../_lib/db-helpers';
import { createFunction, type CallContext } from '../_lib/handler';
import type { UserDoc } from '../_lib/identity';
import { requesterKey } from '../_lib/lookup';
import { liveVillage, liveVillages, type TownDoc } from '../_lib/regions';
import { rightsHandlers } from './rights';

/** Notices per page of 我的消息. */
const INBOX_PAGE = 30;

/** Her inbox: notices filed under her OPENID, and those about help filed under her requester key. */
const inboxOwners = (openid: string) => _.in([openid, requesterKey(openid)]);

async function profileOf(user: UserDoc): Promise<Profile> {
  const town = user.town ? await getById<TownDoc>(COLL.regions, user.town) : null;
  const village = town?.villages.find((v) => v.id === user.village) ?? null;
  return {
    role: user.role,
    name: user.name,
    town: town ? town.id : null,
    village: village ? village.id : null,
    townName: town ? town.name : null,
    villageName: village ? village.name : null,
    placeSkipped: user.placeSkipped === true,
  };
}

/** A resident's own profile; staff (administrators too) have their places set by an administrator. */
async function userOnly(ctx: CallContext): Promise<UserDoc> {
  const me = await ctx.profile();
  if (me.role !== 'user') throw new AppError('FORBIDDEN', '工作人员的所在地由管理员设置');
  return me;
}

/**
 * Only her place fields change, and only while she is a plain user: a whole-document write could
 * undo a role (and its place) an administrator set meanwhile.
 */
async function savePlace(ctx: CallContext, fields: Pick<Partial<UserDoc>, 'town' | 'village' | 'placeSkipped'>): Promise<Profile> {
  const user = await userOnly(ctx);
  if ((await updateWhere(COLL.users, { _id: ctx.openid, role: 'user' }, fields)) === 0) {
    const stored = await getById<UserDoc>(COLL.users, ctx.openid);
    if (stored && stored.role !== 'user') throw new AppError('CONFLICT', '您的账号刚被设置为工作人员，所在地由管理员设置');
    // No stored profile yet (or the same values again): written as `me` would create it.
    if (!stored) {
      await insert(COLL.users, { ...user, ...fields, createdAt: db.serverDate() }).catch(async (err: unknown) => {
        if (!isDuplicateKey(err)) throw err;
        await updateWhere(COLL.users, { _id: ctx.openid, role: 'user' }, fields);
      });
    }
  }
  return profileOf({ ...user, ...fields });
}

export const main = createFunction('account', accountContract, {
  ...rightsHandlers,

  async me(_input, ctx) {
    const user = await ctx.profile();
    const stored = await getById<UserDoc>(COLL.users, ctx.openid);
    if (!stored) await insert(COLL.users, { ...user, createdAt: db.serverDate() }).catch((err: unknown) => {
      // Two first calls at once: the other one created it.
      if (!isDuplicateKey(err)) throw err;
    });
    return profileOf(user);
  },

  async listRegions() {
    const docs = await list<TownDoc>(db.collection(COLL.regions).orderBy('order', 'asc').limit(100));
    const towns = docs.filter((t) => !t.retired).map((t) => ({ id: t.id, name: t.name, kind: t.kind, villages: liveVillages(t), women: typeof t.women === 'number' ? t.women : null }));
    return { towns };
  },

  async setRegion({ town, village }, ctx) {
    const region = await getById<TownDoc>(COLL.regions, town);
    if (!region || region.retired) throw new AppError('NOT_FOUND', '没有这个镇街');
    if (village && !liveVillage(region, village)) throw new AppError('NOT_FOUND', '这个镇街下没有这个村（社区）');
    return savePlace(ctx, { town, village: village ?? null });
  },

  async skipRegion(_input, ctx) {
    return savePlace(ctx, { placeSkipped: true });
  },

  async inbox({ cursor }, ctx) {
    const [page, unread] = await Promise.all([
      pageOf<{ _id: string; title: string; body: string; page: string | null; read: boolean; createdAt: Date }>(COLL.inbox, { openid: inboxOwners(ctx.openid) }, { field: 'createdAt', dir: 'desc' }, cursor, INBOX_PAGE),
      countWhere(COLL.inbox, { openid: inboxOwners(ctx.openid), read: false }),
    ]);
    return {
      items: page.items.map((i) => ({ id: i._id, title: i.title, body: i.body, page: i.page, read: i.read, createdAt: i.createdAt.toISOString() })),
      unread,
      next: page.next,
    };
  },

  async markInboxRead({ ids }, ctx) {
    if (ids.length === 0) return { read: 0 };
    // Only her own notices: the owner is part of the condition.
    const read = await updateWhere(COLL.inbox, { _id: _.in(ids), openid: inboxOwners(ctx.openid), read: false }, { read: true });
    return { read };
  },
});
