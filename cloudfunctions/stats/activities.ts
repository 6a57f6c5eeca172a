import { randomBytes } from 'node:crypto';
import type { statsContract } from '../../shared/contracts/stats';
import type { ActivityType } from '../../shared/domain/stats-catalog';
import { AppError } from '../../shared/result';
import { NO_TOWN } from '../../shared/stats-keys';
import { chinaInstant, later, yearOfDay } from '../../shared/time';
import { _, db } from '../_lib/cloud';
import { COLL } from '../_lib/collections';
import { shiftOwnEvent } from '../_lib/counters';
import { getById, insert, list, updateWhere } from '../_lib/db-helpers';
import type { CallContext, Handlers } from '../_lib/handler';
import { liveVillage, placeName, townsById } from '../_lib/regions';
import type { Scope } from './figures';

/** What staff fill in for an activity. */
interface ActivityFields {
  type: ActivityType;
  date: string;
  title: string;
  town?: string;
  village?: string;
  reached: number;
  materials: number;
  note: string;
}

/** One correction or the removal of an activity, as kept on its record. */
interface ActivityChange {
  kind: 'edit' | 'remove';
  at: Date;
  by: string;
  byName: string;
  /** The figures and place as they were before the change. */
  before: { type: ActivityType; date: string; title: string; town: string | null; village: string | null; reached: number; materials: number };
}

/** An offline activity as stored. */
interface ActivityDoc {
  _id: string;
  type: ActivityType;
  date: string;
  year: number;
  title: string;
  town: string | null;
  village: string | null;
  reached: number;
  materials: number;
  note: string;
  by: string;
  byName: string;
  createdAt: Date;
  /** Moves with every change: a correction applies only to the version it was made on. */
  rev?: number;
  changes?: ActivityChange[];
  removed?: boolean;
  removedAt?: Date;
  removedByName?: string;
}

type S = Handlers<typeof statsContract>;

/** Counted on the day it happened; an activity counts once (its own id as the "person"). */
function counted(a: Pick<ActivityDoc, '_id' | 'type' | 'date' | 'town' | 'village' | 'reached' | 'materials'>) {
  const at = chinaInstant(a.date, '12:00');
  if (!at) throw new AppError('INVALID_INPUT', '活动日期不正确');
  return { metric: 'activity', person: a._id, town: a.town ?? NO_TOWN, village: a.village, at, dims: { type: a.type }, sums: { reached: a.reached, materials: a.materials } };
}

/** Where an activity of this caller takes place: a station its own village, town staff their town. */
async function placeOf(ctx: CallContext, fields: ActivityFields): Promise<{ town: string | null; village: string | null }> {
  const me = await ctx.profile();
  let town: string | null = fields.town ?? null;
  let village: string | null = fields.village ?? null;
  if (me.role === 'station') {
    town = me.town;
    village = me.village;
  } else if (me.role === 'town') {
    town = me.town;
  }
  const towns = await townsById(ctx.now);
  const t = town ? towns.get(town) : undefined;
  if (town && !t) throw new AppError('INVALID_INPUT', '没有这个镇街');
  if (village && !liveVillage(t, village)) throw new AppError('INVALID_INPUT', '这个村（社区）不在该镇街');
  return { town, village };
}

function checkDate(date: string, now: Date): void {
  const at = chinaInstant(date, '12:00');
  if (!at || at.getTime() > later(now, 1, 'day').getTime()) throw new AppError('INVALID_INPUT', '活动日期不正确');
}

/** Whether an activity lies within the reader's scope (a station its village, town staff their town). */
function inScope(a: Pick<ActivityDoc, 'town' | 'village'>, scope: Scope): boolean {
  if (scope.village) return a.village === scope.village;
  if (scope.town) return a.town === scope.town;
  return true;
}

/** The caller's own activity to change, or NOT_FOUND (another area's is as good as missing). */
async function ownActivity(id: string, scope: Scope): Promise<ActivityDoc> {
  const a = await getById<ActivityDoc>(COLL.activities, id);
  if (!a || a.removed || !inScope(a, scope)) throw new AppError('NOT_FOUND', '没有找到这场活动，它可能已被删除');
  return a;
}

function changeOf(kind: ActivityChange['kind'], a: ActivityDoc, ctx: CallContext, byName: string): ActivityChange {
  return { kind, at: ctx.now, by: ctx.openid, byName, before: { type: a.type, date: a.date, title: a.title, town: a.town, village: a.village, reached: a.reached, materials: a.materials } };
}

/**
 * Applies a change to the version read, once: two corrections at once cannot both move the
 * figures. Returns false when someone else changed it first.
 */
async function applyOnce(a: ActivityDoc, data: Record<string, unknown>): Promise<boolean> {
  const rev = a.rev ?? 0;
  const changed = await updateWhere(COLL.activities, { _id: a._id, removed: _.neq(true), rev: a.rev === undefined ? _.exists(false) : rev }, { ...data, rev: rev + 1 });
  return changed > 0;
}

/** Offline activities: log, correct, remove, list. */
export function activityHandlers(scopeOf: (ctx: CallContext) => Promise<Scope>): Pick<S, 'logActivity' | 'updateActivity' | 'removeActivity' | 'listActivities'> {
  return {
    async logActivity(fields, ctx) {
      checkDate(fields.date, ctx.now);
      const [me, place] = await Promise.all([ctx.profile(), placeOf(ctx, fields)]);
      const id = `act${Date.now().toString(36)}${randomBytes(6).toString('hex')}`;
      const doc: ActivityDoc = {
        _id: id,
        type: fields.type,
        date: fields.date,
        year: yearOfDay(fields.date),
        title: fields.title.trim(),
        ...place,
        reached: fields.reached,
        materials: fields.materials,
        note: fields.note.trim(),
        by: ctx.openid,
        byName: me.name ?? '工作人员',
        createdAt: ctx.now,
        rev: 0,
      };
      await insert(COLL.activities, doc as unknown as Record<string, unknown>);
      await shiftOwnEvent(counted(doc), 1);
      return { id };
    },

    async updateActivity({ id, ...fields }, ctx) {
      checkDate(fields.date, ctx.now);
      const [me, scope] = await Promise.all([ctx.profile(), scopeOf(ctx)]);
      const current = await ownActivity(id, scope);
      const place = await placeOf(ctx, fields);
      const next = { type: fields.type, date: fields.date, year: yearOfDay(fields.date), title: fields.title.trim(), ...place, reached: fields.reached, materials: fields.materials, note: fields.note.trim() };
      if (!(await applyOnce(current, { ...next, changes: _.push([changeOf('edit', current, ctx, me.name ?? '工作人员')]), updatedAt: ctx.now }))) {
        throw new AppError('CONFLICT', '这场活动刚被别人修改过，请返回列表重新打开再改');
      }
      // The figures follow: the old version taken back, the corrected one counted.
      await shiftOwnEvent(counted(current), -1);
      await shiftOwnEvent(counted({ _id: id, ...next }), 1);
      return { id };
    },

    async removeActivity({ id }, ctx) {
      const [me, scope] = await Promise.all([ctx.profile(), scopeOf(ctx)]);
      const current = await ownActivity(id, scope);
      const byName = me.name ?? '工作人员';
      if (!(await applyOnce(current, { removed: true, removedAt: ctx.now, removedBy: ctx.openid, removedByName: byName, changes: _.push([changeOf('remove', current, ctx, byName)]) }))) {
        throw new AppError('CONFLICT', '这场活动刚被别人修改过，请返回列表重新打开');
      }
      await shiftOwnEvent(counted(current), -1);
      return { id };
    },

    async listActivities({ year, page }, ctx) {
      const scope = await scopeOf(ctx);
      const where: Record<string, unknown> = { year };
      if (scope.town) where.town = scope.town;
      if (scope.village) where.village = scope.village;
      const docs = await list<ActivityDoc>(db.collection(COLL.activities).where(where).orderBy('date', 'desc').skip((page - 1) * 20).limit(21));
      const towns = await townsById(ctx.now);
      return {
        activities: docs.slice(0, 20).map((a) => {
          const edits = (a.changes ?? []).filter((c) => c.kind === 'edit');
          const last = edits[edits.length - 1];
          return {
            id: a._id,
            type: a.type,
            date: a.date,
            title: a.title,
            town: a.town,
            village: a.village,
            placeName: placeName(towns, a.town, a.village),
            reached: a.reached,
            materials: a.materials,
            note: a.note,
            byName: a.byName,
            edited: last ? { times: edits.length, byName: last.byName, at: last.at.toISOString() } : null,
            removed: a.removed && a.removedAt ? { byName: a.removedByName ?? '工作人员', at: a.removedAt.toISOString() } : null,
          };
        }),
        hasMore: docs.length > 20,
      };
    },
  };
}
