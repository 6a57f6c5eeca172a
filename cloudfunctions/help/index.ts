import { randomBytes } from 'node:crypto';
import { helpContract } from '../../shared/contracts/help';
import { ACCEPT_HOURS, CONSENT_VERSION, FOLLOW_UP_DAYS, NEEDS_FOLLOW_UP, maskPhone, neutralStatus, type CaseState } from '../../shared/domain/help';
import { AppError } from '../../shared/result';
import { metricVariant } from '../../shared/stats-keys';
import { _, db } from '../_lib/cloud';
import { COLL } from '../_lib/collections';
import { config } from '../_lib/config';
import { bumpCounters, claimBeside, countEvent, countEvents, markersOf, readMarkers, type CountedEvent } from '../_lib/counters';
import { casePlace, eraseNotices, erasure, staffAt, staffCanHandle, tellStaff, type CaseDoc, type CaseSecret, type SealedField } from '../_lib/cases';
import { getById, insert, list, updateWhere } from '../_lib/db-helpers';
import { createFunction, type CallContext } from '../_lib/handler';
import type { UserDoc } from '../_lib/identity';
import { lookupHash, requesterKey } from '../_lib/lookup';
import { notify } from '../_lib/notify';
import { takeQuota, type QuotaDoc } from '../_lib/quota';
import { liveVillage, placeName, townsById } from '../_lib/regions';
import { seal, unseal, type Sealed } from '../_lib/seal';
import { addDays, chinaDay, chinaInstant, later, msBetween } from '../../shared/time';
import { audit, staffName, type AuditDoc } from './audit';
import { allOf, areaOf, pageOfSegments, paging } from './pages';

/** A short neutral reference she can quote on the phone: 服务编号 FW-XXXXXX. */
const newReference = () => `FW-${randomBytes(4).toString('hex').slice(0, 6).toUpperCase()}`;
const newCaseId = () => `c${Date.now().toString(36)}${randomBytes(8).toString('hex')}`;

/** The case, if this staff member may handle it; otherwise it is as good as missing. */
async function handledCase(ctx: CallContext, id: string): Promise<{ c: CaseDoc; me: UserDoc }> {
  const [c, me] = await Promise.all([getById<CaseDoc>(COLL.cases, id), ctx.profile()]);
  if (!c || !staffCanHandle(me, c)) throw new AppError('NOT_FOUND', '没有找到这条记录');
  return { c, me };
}

/** Her own request, found through the keyed hash of her identity. */
async function ownCase(ctx: CallContext, id: string): Promise<CaseDoc> {
  const c = await getById<CaseDoc>(COLL.cases, id);
  if (!c || c.requester === null || c.requester !== requesterKey(ctx.openid)) throw new AppError('NOT_FOUND', '没有找到这条记录');
  return c;
}

function myView(c: CaseDoc) {
  return {
    id: c._id,
    reference: c.reference,
    status: neutralStatus(c.status, c.withdrawn),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    messages: c.messages.map((m) => ({ at: m.at.toISOString(), text: typeof m.text === 'string' ? m.text : unseal<string>(m.text, casePlace(c._id, 'messages')) })),
    canWithdraw: c.status !== 'closed',
  };
}

function summaryOf(c: CaseDoc, now: Date, towns: Awaited<ReturnType<typeof townsById>>) {
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

/** Seals a value into a field of a case (bound to that case and field). */
const sealAt = (c: Pick<CaseDoc, '_id'>, field: SealedField, value: unknown): Sealed => seal(value, casePlace(c._id, field));
const openAt = <T>(c: Pick<CaseDoc, '_id'>, field: SealedField, s: Sealed | null): T | null => (s ? unseal<T>(s, casePlace(c._id, field)) : null);
/** A line she reads in her record, sealed. */
const messageTo = (c: Pick<CaseDoc, '_id'>, at: Date, text: string) => ({ at, text: sealAt(c, 'messages', text) });

/**
 * Tells her there is news, in neutral words, with nothing about what it is: the notice opens her
 * list of records (no case id), and her inbox files it under her requester key, with the case only
 * so it is erased with the case's personal details.
 */
async function tellRequester(c: CaseDoc, at: Date): Promise<void> {
  const secret = openAt<CaseSecret>(c, 'secret', c.secret);
  if (!secret?.openid || !c.requester) return;
  await notify({ openid: secret.openid, owner: c.requester, caseId: c._id, title: '服务记录有更新', status: '有更新', body: '请在小程序中查看', page: 'pkg-help/pages/records/index', at });
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
    const day = chinaDay(ctx.now);
    const requester = requesterKey(ctx.openid);
    // Keyed by a hash: the allowance must not say who asked for help on which day.
    const allowance = lookupHash('q', `${ctx.openid}|${day}`);
    const counted: CountedEvent = { person: requester, town: input.town, village: input.village ?? null, at: ctx.now, metric: 'help_request', dims: { category: input.category, channel: 'online' } };
    // First, everything that depends on nothing else: the places, her allowance, her markers, the station.
    const [towns, used, known, station] = await Promise.all([
      townsById(ctx.now),
      getById<QuotaDoc>(COLL.quotas, allowance),
      readMarkers(markersOf([counted])),
      staffAt('station', input.town, input.village ?? null),
    ]);
    const town = towns.get(input.town);
    if (!town || town.retired || (input.village !== undefined && !liveVillage(town, input.village))) throw new AppError('INVALID_INPUT', '请选择所在的镇街和村（社区）');
    const allowanceGone = () =>
      new AppError('RATE_LIMITED', `今天已经登记了 ${config.helpRequestsPerDay} 次，工作人员会尽快联系您。如果情况紧急，请马上拨打 110 报警，或拨打 12338 妇女维权热线。`);
    // Her allowance, as read, is used up: refused before anything is written or claimed.
    if ((used?.count ?? 0) >= config.helpRequestsPerDay) throw allowanceGone();
    // No village (none entered, or she prefers not to say), or no open station there: the town's staff take it.
    const open = input.village !== undefined && liveVillage(town, input.village)?.station?.active !== false;
    const level = open && station.length > 0 ? 'station' : 'town';
    // Second, the allowance, which decides whether anything is written at all, with her markers
    // (read in the first) claimed beside it and let go again if it refuses; and, for a request
    // that goes to the town, the town's staff (only then: a station's request reads nothing more).
    // A failed staff read does not fail her request once the allowance is taken: it is read again to tell them.
    const [claim, staff] = await Promise.all([
      claimBeside(takeQuota(allowance, config.helpRequestsPerDay, day, { doc: used }, 'help'), [counted], known),
      level === 'station' ? Promise.resolve(station) : staffAt('town', input.town, null).catch(() => null),
    ]);
    if (!claim) throw allowanceGone();
    const id = newCaseId();
    const secret: CaseSecret = {
      description: input.description.trim(),
      phone: input.contact.method === 'phone' ? (input.contact.phone ?? null) : null,
      safeTimes: input.contact.safeTimes?.trim() || null,
      note: input.contact.note?.trim() || null,
      openid: ctx.openid,
    };
    const c: CaseDoc = {
      _id: id,
      reference: newReference(),
      channel: 'online',
      requester,
      category: input.category,
      urgency: input.urgency,
      town: input.town,
      village: input.village ?? null,
      status: 'submitted',
      withdrawn: false,
      escalation: level,
      dueAt: later(ctx.now, ACCEPT_HOURS[input.urgency], 'hour'),
      acceptedAt: null,
      assignee: null,
      assigneeName: null,
      contactMethod: input.contact.method,
      phoneMask: secret.phone ? maskPhone(secret.phone) : null,
      secret: sealAt({ _id: id }, 'secret', secret),
      age: input.age,
      consentVersion: CONSENT_VERSION,
      actions: [],
      messages: [messageTo({ _id: id }, ctx.now, '已收到您的登记，工作人员会按您选择的方式与您联系。')],
      followUpAt: null,
      followUpReminded: false,
      outcome: null,
      closeNote: null,
      closedAt: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      purgedAt: null,
    };
    // Third, the case, the counters and the notice to the staff who take it.
    await Promise.all([
      insert(COLL.cases, c as unknown as Record<string, unknown>),
      bumpCounters([counted], claim),
      (staff ? Promise.resolve(staff) : staffAt('town', c.town, null)).then((to) => tellStaff(to, '有新的服务记录待受理', `编号 ${c.reference}`, c._id, ctx.now)),
    ]);
    return { id: c._id, reference: c.reference };
  },

  async myRequests(_input, ctx) {
    const cases = await list<CaseDoc>(db.collection(COLL.cases).where({ requester: requesterKey(ctx.openid) }).orderBy('createdAt', 'desc').limit(20));
    return { requests: cases.map(myView) };
  },

  async getMyRequest({ id }, ctx) {
    return myView(await ownCase(ctx, id));
  },

  async withdraw({ id }, ctx) {
    const c = await ownCase(ctx, id);
    if (c.status === 'closed') throw new AppError('CONFLICT', '这条记录已经结束');
    // Withdrawing erases at once what the purge would erase later (个人信息保护法 第十五条, 第四十七条).
    await change(c, { ...erasure(c, ctx.now), status: 'closed', withdrawn: true, outcome: '求助人撤回', closedAt: ctx.now, followUpAt: null, updatedAt: ctx.now });
    await Promise.all([eraseNotices(c._id), countEvent({ ...person(c, ctx.now), metric: metricVariant('help_closed', ['outcome', '求助人撤回']) })]);
    return { id, status: neutralStatus('closed', true), erased: true };
  },

  async caseQueue({ status, category, ...rest }, ctx) {
    const me = await ctx.profile();
    const { page, pageSize } = paging(rest);
    const area = areaOf(me);
    if (!area) return { cases: [], total: 0, page, pageSize };
    const filter: Record<string, unknown> = {};
    if (status === 'open') filter.status = _.neq('closed');
    if (status === 'closed') filter.status = 'closed';
    if (category) filter.category = category;
    const base = [area, filter];
    // Open: urgent first, then the earliest due; walk-in visits (no due time) after them, newest first.
    // Closed: the latest closed first. The database orders and pages; nothing is sorted here.
    const segments =
      status === 'closed'
        ? [{ where: allOf(base), order: [['closedAt', 'desc']] as Array<[string, 'asc' | 'desc']> }]
        : [
            { where: allOf([...base, { dueAt: _.neq(null) }]), order: [['urgency', 'desc'], ['dueAt', 'asc']] as Array<[string, 'asc' | 'desc']> },
            { where: allOf([...base, { dueAt: null }]), order: [['createdAt', 'desc']] as Array<[string, 'asc' | 'desc']> },
          ];
    const { docs, total } = await pageOfSegments(segments, page, pageSize);
    const towns = await townsById(ctx.now);
    return { cases: docs.map((c) => summaryOf(c, ctx.now, towns)), total, page, pageSize };
  },

  async caseSummary({ id }, ctx) {
    const { c } = await handledCase(ctx, id);
    return summaryOf(c, ctx.now, await townsById(ctx.now));
  },

  async getCase({ id }, ctx) {
    const { c, me } = await handledCase(ctx, id);
    // Every staff read leaves an entry, before anything is shown.
    await audit(me, c, 'read', ctx.now);
    const secret = openAt<CaseSecret>(c, 'secret', c.secret);
    return {
      ...summaryOf(c, ctx.now, await townsById(ctx.now)),
      description: secret?.description ?? '（个人信息已按规定删除）',
      phone: secret?.phone ?? null,
      safeTimes: secret?.safeTimes ?? null,
      contactNote: secret?.note ?? null,
      actions: c.actions.map((a) => ({
        type: a.type,
        date: a.date,
        note: openAt<string>(c, 'actions.note', a.note) ?? '（已删除）',
        messageToRequester: openAt<string>(c, 'actions.message', a.message),
        byName: a.byName,
        at: a.at.toISOString(),
      })),
      outcome: c.outcome,
      closedAt: c.closedAt ? c.closedAt.toISOString() : null,
      purged: c.purgedAt !== null,
      auditNote: '您的这次查看已记录（查看人、时间、记录编号），受理、指派、处理和结案也都会记录，仅区妇联管理员可见。',
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
      messages: _.push([messageTo(c, ctx.now, '已有工作人员负责您的事项。')]),
    });
    await Promise.all([
      audit(me, c, 'accept', ctx.now),
      countEvent({ ...person(c, ctx.now), metric: 'help_accepted', sums: { acceptMs: msBetween(c.createdAt, ctx.now) } }),
      tellRequester(c, ctx.now),
    ]);
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
    const { c, me } = await handledCase(ctx, id);
    if (c.status === 'closed') throw new AppError('CONFLICT', '这条记录已经结案');
    const target = await getById<UserDoc>(COLL.users, assignee);
    if (!target || !['station', 'town'].includes(target.role) || target.town !== c.town) throw new AppError('INVALID_INPUT', '只能指派给本镇街的工作室或镇街工作人员');
    await change(c, { assignee: target._id, assigneeName: staffName(target), updatedAt: ctx.now });
    await Promise.all([audit(me, c, 'assign', ctx.now, `指派给${staffName(target)}`), tellStaff([target], '有服务记录指派给您', `编号 ${c.reference}`, c._id, ctx.now)]);
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
      actions: _.push([{ type, date, note: sealAt(c, 'actions.note', note.trim()), message: message ? sealAt(c, 'actions.message', message) : null, by: me._id, byName: staffName(me), at: ctx.now }]),
      followUpAt,
      followUpReminded: false,
      updatedAt: ctx.now,
    };
    if (c.status === 'submitted') {
      data.acceptedAt = ctx.now;
      data.assignee = c.assignee ?? me._id;
      data.assigneeName = c.assigneeName ?? staffName(me);
    }
    if (message) data.messages = _.push([messageTo(c, ctx.now, message)]);
    await change(c, data);
    const events: CountedEvent[] = [{ ...person(c, ctx.now), metric: metricVariant('help_action', ['type', type]) }];
    if (type === '回访' && c.followUpAt) events.push({ ...person(c, ctx.now), metric: 'help_followup_done' });
    if (c.status === 'submitted') events.push({ ...person(c, ctx.now), metric: 'help_accepted', sums: { acceptMs: msBetween(c.createdAt, ctx.now) } });
    const jobs: Array<Promise<unknown>> = [countEvents(events), audit(me, c, 'action', ctx.now, type)];
    if (message) jobs.push(tellRequester(c, ctx.now));
    await Promise.all(jobs);
    return { id, status: data.status as CaseState, followUpAt: followUpAt ? followUpAt.toISOString() : null };
  },

  async close({ id, outcome, note }, ctx) {
    const { c, me } = await handledCase(ctx, id);
    if (c.status === 'closed') throw new AppError('CONFLICT', '这条记录已经结案');
    await change(c, {
      status: 'closed',
      outcome,
      closeNote: _.set(sealAt(c, 'closeNote', note.trim())), // whole object: a dotted write into the null field fails on CloudBase
      closedAt: ctx.now,
      followUpAt: null,
      updatedAt: ctx.now,
      messages: _.push([messageTo(c, ctx.now, '您的事项已办结。如还需要帮助，可以再次登记。')]),
    });
    await Promise.all([audit(me, c, 'close', ctx.now, outcome), countEvent({ ...person(c, ctx.now), metric: metricVariant('help_closed', ['outcome', outcome]) }), tellRequester(c, ctx.now)]);
    return { id, status: 'closed' as CaseState };
  },

  async logVisit({ category, date, village, note, outcome }, ctx) {
    const me = await ctx.profile();
    const villageId = village ?? me.village;
    const town = me.town;
    if (!town) throw new AppError('CONFLICT', '您的账号还没有设置所在镇街，请联系管理员');
    if (me.role === 'station' && villageId !== me.village) throw new AppError('FORBIDDEN', '只能登记本村（社区）的来访');
    const towns = await townsById(ctx.now);
    if (villageId && !liveVillage(towns.get(town), villageId)) throw new AppError('INVALID_INPUT', '这个村（社区）不在您的镇街');
    const at = chinaInstant(date, '12:00');
    if (!at || at.getTime() > later(ctx.now, 1, 'day').getTime()) throw new AppError('INVALID_INPUT', '来访日期不正确');
    const visitId = newCaseId();
    const c: CaseDoc = {
      _id: visitId,
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
      secret: sealAt({ _id: visitId }, 'secret', { description: note.trim(), phone: null, safeTimes: null, note: null, openid: null } satisfies CaseSecret),
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
    const jobs = [audit(me, c, 'visit', ctx.now, category), countEvent({ person: c._id, town, village: c.village, at, metric: 'help_request', dims: { category, channel: 'visit' } })];
    if (outcome) jobs.push(countEvent({ person: c._id, town, village: c.village, at, metric: metricVariant('help_closed', ['outcome', outcome]) }));
    await Promise.all(jobs);
    return { id: c._id };
  },

  async followUps(input, ctx) {
    const me = await ctx.profile();
    const { page, pageSize } = paging(input);
    const area = areaOf(me);
    if (!area) return { cases: [], total: 0, page, pageSize };
    const horizon = later(ctx.now, 3, 'day');
    const where = allOf([area, { followUpAt: _.lte(horizon), status: _.neq('closed') }]);
    const { docs, total } = await pageOfSegments([{ where, order: [['followUpAt', 'asc']] }], page, pageSize);
    const towns = await townsById(ctx.now);
    return { cases: docs.map((c) => summaryOf(c, ctx.now, towns)), total, page, pageSize };
  },

  async auditLog({ caseId, reference, staff, from, to, ...rest }, ctx) {
    const me = await ctx.profile();
    const { page, pageSize } = paging(rest);
    const where: Record<string, unknown> = {};
    if (caseId) where.caseId = caseId;
    if (reference) where.reference = reference;
    if (staff) where.staff = staff;
    const after = from ? chinaInstant(from) : null;
    const before = to ? chinaInstant(addDays(to, 1)) : null;
    if (after && before) where.at = _.gte(after).and(_.lt(before));
    else if (after) where.at = _.gte(after);
    else if (before) where.at = _.lt(before);
    const filters = [reference ?? caseId, staff ? `工作人员 ${staff}` : null, from || to ? `${from ?? '…'} 至 ${to ?? '…'}` : null].filter(Boolean).join('，');
    // Reading the trail is itself on the trail, before anything is shown.
    await audit(me, null, 'audit_read', ctx.now, filters || null);
    const query = db.collection(COLL.caseAudit).where(where);
    const [entries, counted] = await Promise.all([
      list<AuditDoc>(query.orderBy('at', 'desc').orderBy('_id', 'desc').skip((page - 1) * pageSize).limit(pageSize)),
      query.count() as Promise<{ total: number }>,
    ]);
    return {
      entries: entries.map((e) => ({ caseId: e.caseId, reference: e.reference, staff: e.staff, staffName: e.staffName, role: e.role, at: e.at.toISOString(), action: e.action, detail: e.detail ?? null })),
      total: counted.total,
      page,
      pageSize,
    };
  },
});

