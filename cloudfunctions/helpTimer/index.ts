import { ACCEPT_HOURS } from '../../shared/domain/help';
import { _, db } from '../_lib/cloud';
import { chinaDay } from '../../shared/time';
import { eraseHelpQuotas, eraseNotices, erasure, staffAt, tellStaff, type CaseDoc } from '../_lib/cases';
import { COLL } from '../_lib/collections';
import { config } from '../_lib/config';
import { list, updateWhere } from '../_lib/db-helpers';
import { createTimer } from '../_lib/handler';
import { later } from '../../shared/time';

const BATCH = 100;

/** Reads every matching case, a page at a time (a timer may face a backlog). */
async function all(where: Record<string, unknown>, order: string): Promise<CaseDoc[]> {
  const out: CaseDoc[] = [];
  for (let page = 0; page < 50; page += 1) {
    const docs = await list<CaseDoc>(db.collection(COLL.cases).where(where).orderBy(order, 'asc').skip(page * BATCH).limit(BATCH));
    out.push(...docs);
    if (docs.length < BATCH) break;
  }
  return out;
}

/** Requests not accepted in time move up: station → town → district; those staff are told. */
async function escalate(now: Date): Promise<number> {
  const late = await all({ status: 'submitted', dueAt: _.lt(now) }, 'dueAt');
  let moved = 0;
  for (const c of late) {
    if (c.escalation === 'district') continue;
    const next = c.escalation === 'station' ? 'town' : 'district';
    const dueAt = later(now, ACCEPT_HOURS[c.urgency], 'hour');
    if ((await updateWhere(COLL.cases, { _id: c._id, status: 'submitted', escalation: c.escalation }, { escalation: next, dueAt, escalatedAt: now })) === 0) continue;
    moved += 1;
    await tellStaff(await staffAt(next, c.town, c.village), '有服务记录超时未受理', `编号 ${c.reference}，请尽快安排`, c._id, now);
  }
  return moved;
}

/** Staff are reminded of follow-up visits that are due (after a warning letter or a protection order). */
async function remindFollowUps(now: Date): Promise<number> {
  const due = await all({ followUpAt: _.lte(now), followUpReminded: false, status: _.neq('closed') }, 'followUpAt');
  let reminded = 0;
  for (const c of due) {
    if ((await updateWhere(COLL.cases, { _id: c._id, followUpReminded: false }, { followUpReminded: true })) === 0) continue;
    reminded += 1;
    const who = c.assignee ? [{ _id: c.assignee, role: 'station', name: null, town: c.town, village: c.village, createdAt: now } as const] : await staffAt('station', c.town, c.village);
    await tellStaff([...who], '有回访到期', `编号 ${c.reference}`, c._id, now);
  }
  return reminded;
}

/**
 * Personal details are deleted a set time after closure (default 180 days); what statistics need
 * (category, place, dates, outcome, action types) stays. Her notices about the case go with them,
 * and so do the help-request allowances of earlier days.
 */
async function purge(now: Date): Promise<number> {
  const before = later(now, -config.helpPurgeDays, 'day');
  const old = await all({ status: 'closed', closedAt: _.lt(before), purgedAt: null }, 'closedAt');
  let purged = 0;
  for (const c of old) {
    const done = await updateWhere(COLL.cases, { _id: c._id, purgedAt: null }, erasure(c, now));
    await eraseNotices(c._id);
    purged += done;
  }
  await eraseHelpQuotas(chinaDay(now));
  return purged;
}

export const main = createTimer('helpTimer', async (now) => {
  const escalated = await escalate(now);
  const reminded = await remindFollowUps(now);
  const purged = await purge(now);
  return { escalated, reminded, purged };
});
