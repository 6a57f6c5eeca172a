import { randomBytes } from 'node:crypto';
import type { staffContract } from '../../shared/contracts/staff';
import { parseVillageRows } from '../../shared/domain/village-import';
import { AppError } from '../../shared/result';
import { ROLE_LABELS } from '../../shared/roles';
import { _, db } from '../_lib/cloud';
import { COLL } from '../_lib/collections';
import { getById, insert, list, updateById, updateWhere } from '../_lib/db-helpers';
import type { CallContext, Handlers } from '../_lib/handler';
import { newId } from '../_lib/ids';
import { forgetTowns, type TownDoc, type VillageDoc } from '../_lib/regions';
import { sheetRows } from '../_lib/sheet';

type S = Handlers<typeof staffContract>;

const villageOut = (v: VillageDoc) => ({ id: v.id, name: v.name, retired: v.retired === true, mergedInto: v.mergedInto ?? null, station: v.station ?? null });
const newVillageId = (town: string) => `${town}-${randomBytes(4).toString('hex')}`;

async function townDoc(id: string): Promise<TownDoc> {
  const town = await getById<TownDoc>(COLL.regions, id);
  if (!town) throw new AppError('NOT_FOUND', '没有这个镇街');
  return town;
}

function villageOf(town: TownDoc, id: string): VillageDoc {
  const v = town.villages.find((x) => x.id === id);
  if (!v) throw new AppError('NOT_FOUND', '这个镇街下没有这个村（社区）');
  return v;
}

const nameTaken = (town: TownDoc, name: string, except?: string) => town.villages.some((v) => !v.retired && v.name === name && v.id !== except);

/** Writes a town's villages and leaves an audit line (the staff audit log covers places too). */
async function saveVillages(ctx: CallContext, town: TownDoc, villages: VillageDoc[], text: string): Promise<void> {
  await updateById(COLL.regions, town._id, { villages });
  forgetTowns();
  const me = await ctx.profile();
  await insert(COLL.staffAudit, { _id: newId('sa'), at: ctx.now, by: me._id, byName: me.name ?? ROLE_LABELS[me.role], action: 'place', text: `${town.name}：${text}`, target: null });
}

/** Changes one village of a town and returns it. */
async function changeVillage(ctx: CallContext, townId: string, id: string, change: (v: VillageDoc, town: TownDoc) => VillageDoc, text: (v: VillageDoc) => string) {
  const town = await townDoc(townId);
  const next = change(villageOf(town, id), town);
  await saveVillages(ctx, town, town.villages.map((v) => (v.id === id ? next : v)), text(next));
  return villageOut(next);
}

export const placeHandlers: Pick<S, 'listPlaces' | 'addVillage' | 'renameVillage' | 'retireVillage' | 'mergeVillages' | 'setStation' | 'importVillages'> = {
  async listPlaces() {
    const towns = await list<TownDoc>(db.collection(COLL.regions).orderBy('order', 'asc').limit(100));
    return { towns: towns.map((t) => ({ id: t._id, name: t.name, kind: t.kind, villages: t.villages.map(villageOut) })) };
  },

  async addVillage({ town: townId, name, station }, ctx) {
    const town = await townDoc(townId);
    if (nameTaken(town, name.trim())) throw new AppError('CONFLICT', '这个镇街已经有同名的村（社区）');
    const v: VillageDoc = { id: newVillageId(town._id), name: name.trim(), station: station ? { name: station.name.trim(), active: station.active } : null };
    await saveVillages(ctx, town, [...town.villages, v], `新增${v.name}`);
    return villageOut(v);
  },

  renameVillage({ town, village, name }, ctx) {
    return changeVillage(
      ctx,
      town,
      village,
      (v, t) => {
        if (nameTaken(t, name.trim(), v.id)) throw new AppError('CONFLICT', '这个镇街已经有同名的村（社区）');
        return { ...v, name: name.trim() };
      },
      (v) => `改名为${v.name}`,
    );
  },

  retireVillage({ town, village, retired }, ctx) {
    return changeVillage(ctx, town, village, (v) => ({ ...v, retired }), (v) => `${retired ? '停用' : '恢复'}${v.name}`);
  },

  setStation({ town, village, station }, ctx) {
    return changeVillage(ctx, town, village, (v) => ({ ...v, station: { name: station.name.trim(), active: station.active } }), (v) => `${v.name}的工作室：${station.name}（${station.active ? '开放' : '暂停'}）`);
  },

  async mergeVillages({ town: townId, from, into }, ctx) {
    if (from === into) throw new AppError('INVALID_INPUT', '请选择两个不同的村（社区）');
    const town = await townDoc(townId);
    const [a, b] = [villageOf(town, from), villageOf(town, into)];
    if (b.retired) throw new AppError('CONFLICT', '不能合并到已停用的村（社区）');
    await saveVillages(ctx, town, town.villages.map((v) => (v.id === from ? { ...v, retired: true, mergedInto: into } : v)), `${a.name}并入${b.name}`);
    // People, staff and open cases follow; closed cases and counters keep the old village as history.
    const moved = await Promise.all([updateWhere(COLL.users, { town: townId, village: from }, { village: into }), updateWhere(COLL.cases, { village: from, status: _.neq('closed') }, { village: into })]);
    return { moved: moved[0] + moved[1] };
  },

  async importVillages({ fileName, contentBase64, dryRun }, ctx) {
    const rows = sheetRows(fileName, contentBase64);
    const towns = await list<TownDoc>(db.collection(COLL.regions).orderBy('order', 'asc').limit(100));
    const { headerErrors, parsed } = parseVillageRows(rows, towns.filter((t) => !t.retired).map((t) => ({ id: t._id, name: t.name })));
    if (headerErrors.length > 0) return { added: 0, updated: 0, rows: 0, report: [{ row: 1, ok: false, errors: headerErrors }] };
    if (parsed.length === 0) return { added: 0, updated: 0, rows: 0, report: [{ row: 2, ok: false, errors: ['表格里没有村（社区）'] }] };
    if (parsed.length > 2000) throw new AppError('INVALID_INPUT', '一次最多导入 2000 个村（社区）');
    const report = parsed.map((p) => ({ row: p.row, ok: p.errors.length === 0, errors: p.errors }));
    // All or nothing: a single bad row and nothing is imported.
    if (dryRun || report.some((r) => !r.ok)) return { added: 0, updated: 0, rows: parsed.length, report };
    let added = 0;
    let updated = 0;
    for (const town of towns) {
      const mine = parsed.filter((p) => p.town === town._id);
      if (mine.length === 0) continue;
      const villages = [...town.villages];
      for (const p of mine) {
        const station = p.station ? { name: p.station, active: true } : null;
        const i = villages.findIndex((v) => !v.retired && v.name === p.name);
        const existing = villages[i];
        if (existing) {
          // Already there: only its station is set from the list.
          villages[i] = { ...existing, station: station ?? existing.station ?? null };
          updated += 1;
        } else {
          villages.push({ id: newVillageId(town._id), name: p.name, station });
          added += 1;
        }
      }
      await saveVillages(ctx, town, villages, `从表格导入 ${mine.length} 个村（社区）（${fileName}）`);
    }
    return { added, updated, rows: parsed.length, report };
  },
};
