import { accountContract, type Profile } from '../../shared/contracts/account';
import { AppError } from '../../shared/result';
import { _, db } from '../_lib/cloud';
import { COLL } from '../_lib/collections';
import { countWhere, getById, insert, isDuplicateKey, list, pageOf, setById, updateWhere } from '../_lib/db-helpers';
import { createFunction } from '../_lib/handler';
import type { UserDoc } from '../_lib/identity';
import type { TownDoc } from '../_lib/regions';

/** Notices per page of 我的消息. */
const INBOX_PAGE = 30;

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
  };
}

export const main = createFunction('account', accountContract, {
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
    const towns = docs.map((t) => ({ id: t.id, name: t.name, kind: t.kind, villages: t.villages, women: typeof t.women === 'number' ? t.women : null }));
    return { towns };
  },

  async setRegion({ town, village }, ctx) {
    const region = await getById<TownDoc>(COLL.regions, town);
    if (!region) throw new AppError('NOT_FOUND', '没有这个镇街');
    if (village && !region.villages.some((v) => v.id === village)) throw new AppError('NOT_FOUND', '这个镇街下没有这个村（社区）');
    const user = await ctx.profile();
    const next: UserDoc = { ...user, town, village: village ?? null };
    const { _id: id, ...fields } = next;
    await setById(COLL.users, id, fields);
    return profileOf(next);
  },

  async inbox({ cursor }, ctx) {
    const [page, unread] = await Promise.all([
      pageOf<{ _id: string; title: string; body: string; page: string | null; read: boolean; createdAt: Date }>(COLL.inbox, { openid: ctx.openid }, { field: 'createdAt', dir: 'desc' }, cursor, INBOX_PAGE),
      countWhere(COLL.inbox, { openid: ctx.openid, read: false }),
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
    const read = await updateWhere(COLL.inbox, { _id: _.in(ids), openid: ctx.openid, read: false }, { read: true });
    return { read };
  },
});
