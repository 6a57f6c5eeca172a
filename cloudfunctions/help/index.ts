import { randomBytes } from 'node:crypto';
import { helpContract } from '../../shared/contracts/help';
import { ACCEPT_HOURS, CONSENT_VERSION, FOLLOW_UP_DAYS, NEEDS_FOLLOW_UP, maskPhone, neutralStatus, type CaseState } from '../../shared/domain/help';
import { AppError } from '../../shared/result';
import { metricVariant } from '../../shared/stats-keys';
import { _, db } from '../_lib/cloud';
import { COLL } from '../_lib/collections';
import { countEvent, countEvents, type CountedEvent } from '../_lib/counters';
import { staffAt, staffCanHandle, tellStaff, type CaseDoc, type CaseSecret } from '../_lib/cases';
import { getById, insert, list, updateWhere } from '../_lib/db-helpers';
import { createFunction, type CallContext } from '../_lib/handler';
import type { UserDoc } from '../_lib/identity';
import { notify } from '../_lib/notify';
import { placeName, townsById } from '../_lib/regions';
import { lookupHash, seal, unseal, type Sealed } from '../_lib/seal';
import { addDays, chinaInstant, later, msBetween } from '../../shared/time';

/** A short neutral reference she can quote on the phone: 服务编号 FW-XXXXXX. */
const newReference = () => `FW-${randomBytes(4).toString('hex').slice(0, 6).toUpperCase()}`;
const newCaseId = () => `c${Date.now().toString(36)}${randomBytes(8).toString('hex')}`;
const staffName = (u: UserDoc) => u.name ?? '工作人员';

/** The case, if this staff member may handle it; otherwise it is as good as missing. */
async function handledCase(ctx: CallContext, id: string): Promise<{ c: CaseDoc; me: UserDoc }> {
  const [c, me] = await Promise.all([getById<CaseDoc>(COLL.cases, id), ctx.profile()]);
  if (!c || !staffCanHandle(me, c)) throw new AppError('NOT_FOUND', '没有找到这条记录');
  return { c, me };
}

/** Her own request, found through the keyed hash of her identity. */
async function ownCase(ctx: CallContext, id: string): Promise<CaseDoc> {
  const c = await getById<CaseDoc>(COLL.cases, id);
  if (!c || c.requester === null || c.requester !== lookupHash('r', ctx.openid)) throw new AppError('NOT_FOUND', '没有找到这条记录');
  return c;
}

function myView(c: CaseDoc) {
  return {
    id: c._id,
    reference: c.reference,
    status: neutralStatus(c.status, c.withdrawn),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    messages: c.messages.map((m) => ({ at: m.at.toISOString(), text: m.text })),
    canWithdraw: c.status !== 'closed',
  };
}

async function summaryOf(c: CaseDoc, now: Date) {
  const towns = await townsById(now);
  return {
    id: c._id,
    reference: c.reference,
    channel: c.channel,
    category: c.category,
    urgency: c.urgency,
    status: c.status,
    withdrawn: c.withdrawn,
    placeName: placeName(towns, c.town, c.village),
    phoneMask: c.phoneMask,
    contactMethod: c.contactMethod,
    escalation: c.escalation,
    dueAt: c.dueAt ? c.dueAt.toISOString() : null,
    overdue: c.status === 'submitted' && c.dueAt !== null && c.dueAt.getTime() < now.getTime(),
    followUpAt: c.followUpAt ? c.followUpAt.toISOString() : null,
    assigneeName: c.assigneeName,
    createdAt: c.createdAt.toISOString(),
  };
}

const open = <T>(s: Sealed | null): T | null => (s ? unseal<T>(s) : null);

/** Tells her there is news, in neutral words, with nothing about what it is. */
async function tellRequester(c: CaseDoc, at: Date): Promise<void> {
  const secret = open<CaseSecret>(c.secret);
  if (!secret?.openid) return;
  await notify({ openid: secret.openid, title: '服务记录有更新', status: '有更新', body: '请在小程序中查看', page: `pkg-help/pages/record/index?id=${c._id}`, at });
}

/** Applies a change only if the case is still in the state it was read in (no lost updates). */
async function change(c: CaseDoc, data: Record<string, unknown>): Promise<void> {
  const done = await updateWhere(COLL.cases, { _id: c._id, status: c.status, updatedAt: c.updatedAt }, data);
  if (done === 0) throw new AppError('CONFLICT', '这条记录刚被更新过，请刷新后再试');
}

const person = (c: CaseDoc, at: Date) => ({ person: c.requester ?? c._id, town: c.town, village: c.village, at });

export const main = createFunction('help', helpContract, {
  async submitRequest(input, ctx) {
    if (input.age === 'under14') {
      // 个人信息保护法 第三十一条: no personal details from a child under 14 without a guardian's consent.
      throw new AppError('CONFLICT', '小朋友，遇到危险请马上拨打 110；也可以拨打 12355 青少年服务台，或者告诉老师、你信任的大人，请他们帮你联系妇联。');
    }
    if (input.consentVersion !== CONSENT_VERSION) throw new AppError('CONFLICT', '告知同意书已更新，请重新阅读并勾选同意');
    if (input.contact.method === 'phone' && !input.contact.phone) throw new AppError('INVALID_INPUT', '选择电话联系时请填写电话号码');
    const towns = await townsById(ctx.now);
    const town = towns.get(input.town);
    if (!town || !town.villages.some((v) => v.id === input.village)) throw new AppError('INVALID_INPUT', '请选择所在的镇街和村（社区）');
    const secret: CaseSecret = {
      description: input.description.trim(),
      phone: input.contact.method === 'phone' ? (input.contact.phone ?? null) : null,
      safeTimes: input.contact.safeTimes?.trim() || null,
      note: input.contact.note?.trim() || null,
      openid: ctx.openid,
    };
    const c: CaseDoc = {
      _id: newCaseId(),
      reference: newReference(),
      channel: 'online',
      requester: lookupHash('r', ctx.openid),
      category: input.category,
      urgency: input.urgency,
      town: input.town,
      village: input.village,
      status: 'submitted',
      withdrawn: false,
      escalation: 'station',
      dueAt: later(ctx.now, ACCEPT_HOURS[input.urgency], 'hour'),
      acceptedAt: null,
      assignee: null,
      assigneeName: null,
      contactMethod: input.contact.method,
      phoneMask: secret.phone ? maskPhone(secret.phone) : null,
      secret: seal(secret),
      age: input.age,
      consentVersion: CONSENT_VERSION,
      actions: [],
      messages: [{ at: ctx.now, text: '已收到您的登记，工作人员会按您选择的方式与您联系。' }],
      followUpAt: null,
      followUpReminded: false,
      outcome: null,
      closeNote: null,
      closedAt: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      purgedAt: null,
    };
    await insert(COLL.cases, c as unknown as Record<string, unknown>);
    await Promise.all([
      countEvent({ ...person(c, ctx.now), metric: 'help_request', dims: { category: c.category, channel: 'online' } }),
      staffAt('station', c.town, c.village).then((staff) => tellStaff(staff, '有新的服务记录待受理', `编号 ${c.reference}`, c._id, ctx.now)),
    ]);
    return { id: c._id, reference: c.reference };
  },

  async myRequests(_input, ctx) {
    const cases = await list<CaseDoc>(db.collection(COLL.cases).where({ requester: lookupHash('r', ctx.openid) }).orderBy('createdAt', 'desc').limit(20));
    return { requests: cases.map(myView) };
  },

  async getMyRequest({ id }, ctx) {
    return myView(await ownCase(ctx, id));
  },

  async withdraw({ id }, ctx) {
    const c = await ownCase(ctx, id);
    if (c.status === 'closed') throw new AppError('CONFLICT', '这条记录已经结束');
    await change(c, {
      status: 'closed',
      withdrawn: true,
      outcome: '求助人撤回',
      closedAt: ctx.now,
      updatedAt: ctx.now,
      messages: _.push([{ at: ctx.now, text: '您已撤回这条记录。' }]),
    });
    await countEvent({ ...person(c, ctx.now), metric: metricVariant('help_closed', ['outcome', '求助人撤回']) });
    return { id, status: neutralStatus('closed', true) };
  },

  async caseQueue({ status, category }, ctx) {
    const me = await ctx.profile();
    const filter: Record<string, unknown> = {};
    if (status === 'open') filter.status = _.neq('closed');
    if (status === 'closed') filter.status = 'closed';
    if (category) filter.category = category;
    const queries =
      me.role === 'district' || me.role === 'admin'
        ? [filter]
        : me.role === 'town'
          ? [{ ...filter, town: me.town }]
          : [
              { ...filter, village: me.village },
              { ...filter, assignee: me._id },
            ];
    const found = (await Promise.all(queries.map((q) => list<CaseDoc>(db.collection(COLL.cases).where(q).orderBy('createdAt', 'desc').limit(100))))).flat();
    const seen = new Set<string>();
    const cases = found.filter((c) => !seen.has(c._id) && seen.add(c._id) && staffCanHandle(me, c));
    // Overdue and urgent first, then by due time.
    cases.sort((a, b) => Number(b.urgency === 'urgent') - Number(a.urgency === 'urgent') || (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity));
    return { cases: await Promise.all(cases.map((c) => summaryOf(c, ctx.now))) };
  },

  async getCase({ id }, ctx) {
    const { c, me } = await handledCase(ctx, id);
    // Every staff read leaves an entry, before anything is shown.
    await insert(COLL.caseAudit, { _id: `au${randomBytes(12).toString('hex')}`, caseId: c._id, reference: c.reference, staff: me._id, staffName: staffName(me), role: me.role, at: ctx.now, action: 'read' });
    const secret = open<CaseSecret>(c.secret);
    return {
      ...(await summaryOf(c, ctx.now)),
      description: secret?.description ?? '（个人信息已按规定删除）',
      phone: secret?.phone ?? null,
      safeTimes: secret?.safeTimes ?? null,
      contactNote: secret?.note ?? null,
      actions: c.actions.map((a) => ({
        type: a.type,
        date: a.date,
        note: open<string>(a.note) ?? '（已删除）',
        messageToRequester: open<string>(a.message),
        byName: a.byName,
        at: a.at.toISOString(),
      })),
      outcome: c.outcome,
      closedAt: c.closedAt ? c.closedAt.toISOString() : null,
      purged: c.purgedAt !== null,
      auditNote: '您的这次查看已记录（查看人、时间、记录编号），仅区妇联管理员可见。',
    };
  },

  async accept({ id }, ctx) {
    const { c, me } = await handledCase(ctx, id);
    if (c.status !== 'submitted') throw new AppError('CONFLICT', '这条记录已经受理过了');
    await change(c, {
      status: 'accepted',
      acceptedAt: ctx.now,
      acceptedBy: me._id,
      assignee: c.assignee ?? me._id,
      assigneeName: c.assigneeName ?? staffName(me),
      updatedAt: ctx.now,
      messages: _.push([{ at: ctx.now, text: '已有工作人员负责您的事项。' }]),
    });
    await Promise.all([countEvent({ ...person(c, ctx.now), metric: 'help_accepted', sums: { acceptMs: msBetween(c.createdAt, ctx.now) } }), tellRequester(c, ctx.now)]);
    return { id, status: 'accepted' as CaseState };
  },

  async listAssignees({ id }, ctx) {
    const { c } = await handledCase(ctx, id);
    const [stations, town] = await Promise.all([
      list<UserDoc>(db.collection(COLL.users).where({ role: 'station', town: c.town }).limit(50)),
      list<UserDoc>(db.collection(COLL.users).where({ role: 'town', town: c.town }).limit(50)),
    ]);
    return { staff: [...stations, ...town].map((u) => ({ openid: u._id, name: staffName(u), role: u.role })) };
  },

  async assign({ id, assignee }, ctx) {
    const { c } = await handledCase(ctx, id);
    if (c.status === 'closed') throw new AppError('CONFLICT', '这条记录已经结案');
    const target = await getById<UserDoc>(COLL.users, assignee);
    if (!target || !['station', 'town'].includes(target.role) || target.town !== c.town) throw new AppError('INVALID_INPUT', '只能指派给本镇街的工作室或镇街工作人员');
    await change(c, { assignee: target._id, assigneeName: staffName(target), updatedAt: ctx.now });
    await tellStaff([target], '有服务记录指派给您', `编号 ${c.reference}`, c._id, ctx.now);
    return { id, assigneeName: staffName(target) };
  },

  async addAction({ id, type, date, note, messageToRequester }, ctx) {
    const { c, me } = await handledCase(ctx, id);
    if (c.status === 'closed') throw new AppError('CONFLICT', '这条记录已经结案');
    if (c.purgedAt) throw new AppError('CONFLICT', '这条记录的个人信息已删除');
    const message = messageToRequester?.trim();
    const followUpAt = NEEDS_FOLLOW_UP.has(type) ? chinaInstant(addDays(date, FOLLOW_UP_DAYS)) : type === '回访' ? null : c.followUpAt;
    const data: Record<string, unknown> = {
      status: c.status === 'submitted' || c.status === 'accepted' ? 'in_progress' : c.status,
      actions: _.push([{ type, date, note: seal(note.trim()), message: message ? seal(message) : null, by: me._id, byName: staffName(me), at: ctx.now }]),
      followUpAt,
      followUpReminded: false,
      updatedAt: ctx.now,
    };
    if (c.status === 'submitted') {
      data.acceptedAt = ctx.now;
      data.assignee = c.assignee ?? me._id;
      data.assigneeName = c.assigneeName ?? staffName(me);
    }
    if (message) data.messages = _.push([{ at: ctx.now, text: message }]);
    await change(c, data);
    const events: CountedEvent[] = [{ ...person(c, ctx.now), metric: metricVariant('help_action', ['type', type]) }];
    if (type === '回访' && c.followUpAt) events.push({ ...person(c, ctx.now), metric: 'help_followup_done' });
    if (c.status === 'submitted') events.push({ ...person(c, ctx.now), metric: 'help_accepted', sums: { acceptMs: msBetween(c.createdAt, ctx.now) } });
    const jobs: Array<Promise<unknown>> = [countEvents(events)];
    if (message) jobs.push(tellRequester(c, ctx.now));
    await Promise.all(jobs);
    return { id, status: data.status as CaseState, followUpAt: followUpAt ? followUpAt.toISOString() : null };
  },

  async close({ id, outcome, note }, ctx) {
    const { c } = await handledCase(ctx, id);
    if (c.status === 'closed') throw new AppError('CONFLICT', '这条记录已经结案');
    await change(c, {
      status: 'closed',
      outcome,
      closeNote: _.set(seal(note.trim())), // whole object: a dotted write into the null field fails on CloudBase
      closedAt: ctx.now,
      followUpAt: null,
      updatedAt: ctx.now,
      messages: _.push([{ at: ctx.now, text: '您的事项已办结。如还需要帮助，可以再次登记。' }]),
    });
    await Promise.all([countEvent({ ...person(c, ctx.now), metric: metricVariant('help_closed', ['outcome', outcome]) }), tellRequester(c, ctx.now)]);
    return { id, status: 'closed' as CaseState };
  },

  async logVisit({ category, date, village, note, outcome }, ctx) {
    const me = await ctx.profile();
    const villageId = village ?? me.village;
    const town = me.town;
    if (!town) throw new AppError('CONFLICT', '您的账号还没有设置所在镇街，请联系管理员');
    if (me.role === 'station' && villageId !== me.village) throw new AppError('FORBIDDEN', '只能登记本村（社区）的来访');
    const towns = await townsById(ctx.now);
    if (villageId && !towns.get(town)?.villages.some((v) => v.id === villageId)) throw new AppError('INVALID_INPUT', '这个村（社区）不在您的镇街');
    const at = chinaInstant(date, '12:00');
    if (!at || at.getTime() > later(ctx.now, 1, 'day').getTime()) throw new AppError('INVALID_INPUT', '来访日期不正确');
    const c: CaseDoc = {
      _id: newCaseId(),
      reference: newReference(),
      channel: 'visit',
      requester: null,
      category,
      urgency: 'normal',
      town,
      village: villageId ?? null,
      status: outcome ? 'closed' : 'in_progress',
      withdrawn: false,
      escalation: 'station',
      dueAt: null,
      acceptedAt: at,
      assignee: me._id,
      assigneeName: staffName(me),
      contactMethod: 'none',
      phoneMask: null,
      secret: seal({ description: note.trim(), phone: null, safeTimes: null, note: null, openid: null } satisfies CaseSecret),
      age: null,
      consentVersion: null,
      actions: [],
      messages: [],
      followUpAt: null,
      followUpReminded: false,
      outcome: outcome ?? null,
      closeNote: null,
      closedAt: outcome ? at : null,
      createdAt: at,
      updatedAt: ctx.now,
      purgedAt: null,
    };
    await insert(COLL.cases, c as unknown as Record<string, unknown>);
    const jobs = [countEvent({ person: c._id, town, village: c.village, at, metric: 'help_request', dims: { category, channel: 'visit' } })];
    if (outcome) jobs.push(countEvent({ person: c._id, town, village: c.village, at, metric: metricVariant('help_closed', ['outcome', outcome]) }));
    await Promise.all(jobs);
    return { id: c._id };
  },

  async followUps(_input, ctx) {
    const me = await ctx.profile();
    const horizon = later(ctx.now, 3, 'day');
    const where: Record<string, unknown> = { followUpAt: _.lte(horizon), status: _.neq('closed') };
    if (me.role === 'town') where.town = me.town;
    if (me.role === 'station') where.village = me.village;
    const cases = (await list<CaseDoc>(db.collection(COLL.cases).where(where).orderBy('followUpAt', 'asc').limit(100))).filter((c) => staffCanHandle(me, c));
    return { cases: await Promise.all(cases.map((c) => summaryOf(c, ctx.now))) };
  },

  async auditLog({ caseId }) {
    const entries = await list<{ caseId: string; reference: string; staffName: string; role: string; at: Date; action: string }>(
      db.collection(COLL.caseAudit).where(caseId ? { caseId } : {}).orderBy('at', 'desc').limit(100),
    );
    return { entries: entries.map((e) => ({ caseId: e.caseId, reference: e.reference, staffName: e.staffName, role: e.role, at: e.at.toISOString(), action: e.action })) };
  },
});

