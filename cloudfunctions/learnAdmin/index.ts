import { randomBytes } from 'node:crypto';
import { learnAdminContract, type QuestionDraft } from '../../shared/contracts/learn-admin';
import { QuestionSchema, questionProblems } from '../../shared/contracts/quiz';
import { parseQuestionRows } from '../../shared/domain/question-import';
import { sheetRows } from '../_lib/sheet';
import { AppError } from '../../shared/result';
import { _, db } from '../_lib/cloud';
import { campaignOut, type CampaignDoc } from '../_lib/campaigns';
import { COLL } from '../_lib/collections';
import { lessonOf, recountLessons, type LessonDoc } from '../_lib/lessons';
import { questionsChanged } from '../_lib/question-version';
import { countWhere, getById, insert, insertAll, isDuplicateKey, list, listByIds, pageOf, setById, updateById, updateWhere } from '../_lib/db-helpers';
import { hashId } from '../_lib/ids';
import type { CallContext } from '../_lib/handler';
import { createFunction } from '../_lib/handler';
import { chinaDay, parseInstant } from '../../shared/time';

type LawDoc = { _id: string; short: string; name: string; version: string; order: number; intro: string; lessonCount: number; questionCount?: number };
type QuestionDoc = Omit<QuestionDraft, 'id'> & { _id: string; status: 'active' | 'retired'; origin?: 'seed' | 'staff' | 'import'; updatedAt?: Date; editedAt?: Date; retiredAt?: Date; retiredByName?: string };
type StaffCampaignDoc = CampaignDoc & { removed?: boolean; removedAt?: Date; removedByName?: string };

const newId = (prefix: string) => `${prefix}${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

async function requireLaw(lawId: string): Promise<LawDoc> {
  const law = await getById<LawDoc>(COLL.laws, lawId);
  if (!law) throw new AppError('NOT_FOUND', '没有这部法律');
  return law;
}

/** Adds ids to a bank (never twice), creating the bank on its first question. */
async function bankAdd(bankId: string, ids: string[]): Promise<void> {
  const change = { ids: _.addToSet({ $each: ids }) };
  if ((await updateById(COLL.bank, bankId, change)) > 0) return;
  try {
    await insert(COLL.bank, { _id: bankId, ids });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    await updateById(COLL.bank, bankId, change);
  }
}

/** Adds or removes question ids in a law's bank and in 'all', keeping the law's count in step. */
async function bankChange(lawId: string, ids: string[], add: boolean): Promise<void> {
  if (ids.length === 0) return;
  for (const bankId of [lawId, 'all']) {
    if (add) await bankAdd(bankId, ids);
    else await updateById(COLL.bank, bankId, { ids: _.pullAll(ids) });
  }
  await updateById(COLL.laws, lawId, { questionCount: _.inc(add ? ids.length : -ids.length) });
}

/** Entries per page of the staff lists. */
const STAFF_PAGE = 30;

/** Questions written per insert request: one request per hundred rows keeps an import of 500 within the function's timeout. */
const IMPORT_BATCH = 100;

/**
 * The id of an imported question, from its law and stem: importing the same file again (a retry
 * after a timeout or a failure half-way) finds the questions the first try wrote instead of adding
 * copies. A file cannot hold one stem twice.
 */
const importedId = (draft: QuestionDraft) => hashId(`${draft.lawId}-i`, draft.lawId, draft.stem);

/**
 * Puts active imported questions into their laws' banks and 'all', those not there yet (a retry
 * may find some there), with one read of the banks; the laws' counts move by what was added.
 */
async function bankImported(byLaw: Map<string, string[]>): Promise<void> {
  const banks = new Map((await listByIds<{ ids: string[] }>(COLL.bank, [...byLaw.keys(), 'all'])).map((b) => [b._id, new Set(b.ids)]));
  const missing = (bankId: string, ids: string[]) => ids.filter((id) => !banks.get(bankId)?.has(id));
  const toAll = missing('all', [...byLaw.values()].flat());
  await Promise.all([
    ...[...byLaw].map(async ([lawId, ids]) => {
      const added = missing(lawId, ids);
      if (added.length === 0) return;
      await bankAdd(lawId, added);
      await updateById(COLL.laws, lawId, { questionCount: _.inc(added.length) });
    }),
    toAll.length > 0 ? bankAdd('all', toAll) : Promise.resolve(),
  ]);
}

function checkQuestion(draft: QuestionDraft): void {
  const problems = questionProblems(draft);
  if (problems.length > 0) throw new AppError('INVALID_INPUT', problems.join('；'));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const stamp = (ctx: CallContext) => ({ updatedAt: ctx.now, updatedBy: ctx.openid });

/** Who removed something and when, kept on the record so that staff can see it and undo it. */
async function removal(ctx: CallContext, prefix: 'retired' | 'removed'): Promise<Record<string, unknown>> {
  const me = await ctx.profile();
  return { [`${prefix}At`]: ctx.now, [`${prefix}By`]: ctx.openid, [`${prefix}ByName`]: me.name ?? '工作人员' };
}

/** The removal fields taken off a restored record. */
const unremoval = (prefix: 'retired' | 'removed') => ({ [`${prefix}At`]: _.remove(), [`${prefix}By`]: _.remove(), [`${prefix}ByName`]: _.remove() });

/** Who removed a record and when, as the contracts show it. */
function removedOut(at: Date | undefined, byName: string | undefined): { removedAt: string | null; removedBy: string | null } {
  return { removedAt: at ? at.toISOString() : null, removedBy: at ? (byName ?? '工作人员') : null };
}

export const main = createFunction('learnAdmin', learnAdminContract, {
  async listQuestions({ lawId, status, type, keyword, page, pageSize }) {
    const where: Record<string, unknown> = {};
    if (lawId) where.lawId = lawId;
    if (status) where.status = status;
    if (type) where.type = type;
    if (keyword) where.stem = db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' });
    const [docs, count] = await Promise.all([
      list<QuestionDoc>(db.collection(COLL.questions).where(where).orderBy('_id', 'asc').skip((page - 1) * pageSize).limit(pageSize)),
      db.collection(COLL.questions).where(where).count() as Promise<{ total: number }>,
    ]);
    const items = docs.map((d) => {
      const q = QuestionSchema.parse({
        id: d._id,
        lawId: d.lawId,
        type: d.type,
        stem: d.stem,
        options: d.options,
        answer: d.answer,
        explanation: d.explanation,
        article: d.article,
        difficulty: d.difficulty,
        checked: d.checked ?? '',
        ...(d.lessonId ? { lessonId: d.lessonId } : {}),
      });
      return { ...q, status: d.status, origin: d.origin ?? 'seed', updatedAt: d.updatedAt ? d.updatedAt.toISOString() : null, ...removedOut(d.status === 'retired' ? d.retiredAt : undefined, d.retiredByName) };
    });
    return { items, total: count.total, page, pageSize };
  },

  async saveQuestion({ question }, ctx) {
    checkQuestion(question);
    const law = await requireLaw(question.lawId);
    const { id: givenId, ...fields } = question;
    const content = { ...fields, checked: fields.checked ?? `${chinaDay(ctx.now)}: 工作人员录入`, article: { ...fields.article, law: fields.article.law || law.name } };
    if (!givenId) {
      const id = newId(`${law._id}-s`);
      await insert(COLL.questions, { _id: id, ...content, status: 'active', origin: 'staff', createdAt: ctx.now, ...stamp(ctx) });
      try {
        await bankChange(law._id, [id], true);
      } finally {
        await questionsChanged();
      }
      return { id };
    }
    const current = await getById<QuestionDoc>(COLL.questions, givenId);
    if (!current) throw new AppError('NOT_FOUND', '没有找到这道题');
    await setById(COLL.questions, givenId, { ...content, status: current.status, origin: current.origin ?? 'seed', createdAt: (current as { createdAt?: Date }).createdAt ?? ctx.now, editedAt: ctx.now, ...stamp(ctx) });
    // The version moves once the content is written, even if keeping the bank in step fails.
    try {
      if (current.status === 'active' && current.lawId !== law._id) {
        await bankChange(current.lawId, [givenId], false);
        await bankChange(law._id, [givenId], true);
      }
    } finally {
      await questionsChanged();
    }
    return { id: givenId };
  },

  async retireQuestion({ id, restore }, ctx) {
    const current = await getById<QuestionDoc>(COLL.questions, id);
    if (!current) throw new AppError('NOT_FOUND', '没有找到这道题');
    const next = restore ? 'active' : 'retired';
    if (current.status === next) return { id, status: next };
    // Conditional, so two clicks at once change the bank once.
    const changed = await updateWhere(COLL.questions, { _id: id, status: current.status }, restore ? { status: 'active', ...unremoval('retired'), ...stamp(ctx) } : { status: 'retired', ...(await removal(ctx, 'retired')), ...stamp(ctx) });
    if (changed > 0) {
      try {
        await bankChange(current.lawId, [id], Boolean(restore));
      } finally {
        await questionsChanged();
      }
    }
    return { id, status: next };
  },

  async saveLesson({ lesson }, ctx) {
    await requireLaw(lesson.lawId);
    const current = await getById<LessonDoc>(COLL.lessons, lesson.id);
    // Editing keeps a removed lesson removed (and who removed it): only 恢复 brings it back.
    const kept = current?.status === 'retired' ? { status: 'retired', retiredAt: current.retiredAt, retiredBy: current.retiredBy, retiredByName: current.retiredByName } : {};
    await setById(COLL.lessons, lesson.id, { ...lesson, ...kept, ...stamp(ctx) });
    await recountLessons(lesson.lawId);
    if (current && current.lawId !== lesson.lawId) await recountLessons(current.lawId);
    return { id: lesson.id };
  },

  async retireLesson({ id, restore }, ctx) {
    const current = await getById<LessonDoc>(COLL.lessons, id);
    if (!current) throw new AppError('NOT_FOUND', '没有找到这一课');
    const next = restore ? 'active' : 'retired';
    if ((current.status ?? 'active') === next) return { id, status: next };
    await updateById(COLL.lessons, id, restore ? { status: _.remove(), ...unremoval('retired'), ...stamp(ctx) } : { status: 'retired', ...(await removal(ctx, 'retired')), ...stamp(ctx) });
    await recountLessons(current.lawId);
    return { id, status: next };
  },

  async listLessons({ lawId }) {
    const law = await requireLaw(lawId);
    const docs = await list<LessonDoc>(
      db
        .collection(COLL.lessons)
        .where({ lawId })
        .orderBy('order', 'asc')
        .field({ _id: true, order: true, title: true, summary: true, status: true, retiredAt: true, retiredByName: true })
        .limit(100),
    );
    let number = 0;
    const lessons = docs.map((d) => {
      const removed = d.status === 'retired';
      if (!removed) number += 1;
      return {
        id: d._id,
        order: d.order,
        number: removed ? null : number,
        title: d.title,
        summary: d.summary,
        status: removed ? ('retired' as const) : ('active' as const),
        ...removedOut(removed ? d.retiredAt : undefined, d.retiredByName),
      };
    });
    return { law: { id: law._id, name: law.name, short: law.short, version: law.version, order: law.order, intro: law.intro }, lessons };
  },

  async getLesson({ id }) {
    const doc = await getById<LessonDoc>(COLL.lessons, id);
    if (!doc) throw new AppError('NOT_FOUND', '没有找到这一课');
    const lesson = lessonOf(doc);
    return { lesson, status: doc.status === 'retired' ? ('retired' as const) : ('active' as const) };
  },

  async listCampaigns({ cursor, id }) {
    const out = (c: StaffCampaignDoc) => ({ ...campaignOut(c), removed: c.removed === true, ...removedOut(c.removed ? c.removedAt : undefined, c.removedByName) });
    if (id) {
      const one = await getById<StaffCampaignDoc>(COLL.campaigns, id);
      return { campaigns: one ? [out(one)] : [], next: null };
    }
    const page = await pageOf<StaffCampaignDoc>(COLL.campaigns, {}, { field: 'startsAt', dir: 'desc' }, cursor, STAFF_PAGE);
    return { campaigns: page.items.map(out), next: page.next };
  },

  async removeCampaign({ id, restore }, ctx) {
    const current = await getById<StaffCampaignDoc>(COLL.campaigns, id);
    if (!current) throw new AppError('NOT_FOUND', '没有找到这个活动');
    const removed = !restore;
    if ((current.removed === true) === removed) return { id, removed };
    await updateById(COLL.campaigns, id, removed ? { removed: true, ...(await removal(ctx, 'removed')), ...stamp(ctx) } : { removed: false, ...unremoval('removed'), ...stamp(ctx) });
    return { id, removed };
  },

  async saveCampaign({ campaign }, ctx) {
    const startsAt = parseInstant(campaign.startsAt);
    const endsAt = parseInstant(campaign.endsAt);
    if (!startsAt || !endsAt) throw new AppError('INVALID_INPUT', '开始和结束时间格式不正确');
    if (endsAt <= startsAt) throw new AppError('INVALID_INPUT', '结束时间要晚于开始时间');
    const weighted = Object.entries(campaign.ratio).filter(([, w]) => w > 0);
    if (weighted.length === 0) throw new AppError('INVALID_INPUT', '至少给一部法律设置出题比例');
    const laws = await listByIds<LawDoc>(COLL.laws, weighted.map(([l]) => l));
    if (laws.length !== weighted.length) throw new AppError('INVALID_INPUT', '出题比例里有不存在的法律');
    const { id: givenId, ...fields } = campaign;
    const id = givenId ?? newId('c');
    const current = givenId ? await getById<StaffCampaignDoc>(COLL.campaigns, givenId) : null;
    if (givenId && !current) throw new AppError('NOT_FOUND', '没有找到这个活动');
    // Editing keeps a removed campaign removed (and who removed it): only 恢复 brings it back.
    const kept = current?.removed ? { removed: true, removedAt: current.removedAt, removedBy: (current as { removedBy?: string }).removedBy, removedByName: current.removedByName } : {};
    await setById(COLL.campaigns, id, { ...fields, ratio: Object.fromEntries(weighted), startsAt, endsAt, ...kept, ...stamp(ctx) });
    return { id };
  },

  async importQuestions({ fileName, contentBase64, dryRun }, ctx) {
    const rows = sheetRows(fileName, contentBase64);
    const laws = await list<LawDoc>(db.collection(COLL.laws).limit(100));
    const { headerErrors, parsed } = parseQuestionRows(
      rows,
      laws.map((l) => ({ id: l._id, short: l.short, name: l.name })),
      `${chinaDay(ctx.now)}: 由工作人员导入（${fileName}）`,
    );
    const none = { imported: 0, alreadyPresent: 0, complete: true };
    if (headerErrors.length > 0) return { ...none, rows: 0, report: [{ row: 1, ok: false, errors: headerErrors }] };
    if (parsed.length === 0) return { ...none, rows: 0, report: [{ row: 2, ok: false, errors: ['表格里没有题目'] }] };
    if (parsed.length > 500) throw new AppError('INVALID_INPUT', '一次最多导入 500 题');
    const report = parsed.map((p) => ({ row: p.row, ok: p.errors.length === 0, errors: p.errors }));
    // All or nothing: a single bad row and nothing is imported.
    if (dryRun || report.some((r) => !r.ok)) return { ...none, rows: parsed.length, report };
    const docs = parsed.flatMap((p) => (p.draft ? [{ _id: importedId(p.draft), ...p.draft, status: 'active', origin: 'import', createdAt: ctx.now, ...stamp(ctx) }] : []));
    const ids = docs.map((d) => d._id);
    // What a previous try (or an earlier file) already put in the bank is found, not added twice.
    const chunks = (xs: string[]) => Array.from({ length: Math.ceil(xs.length / IMPORT_BATCH) }, (_v, i) => xs.slice(i * IMPORT_BATCH, (i + 1) * IMPORT_BATCH));
    const found = new Map((await Promise.all(chunks(ids).map((c) => listByIds<{ status: string }>(COLL.questions, c)))).flat().map((q) => [q._id, q.status]));
    const fresh = docs.filter((d) => !found.has(d._id));
    let imported = 0;
    try {
      for (let i = 0; i < fresh.length; i += IMPORT_BATCH) {
        const batch = fresh.slice(i, i + IMPORT_BATCH);
        // One request for the batch; an id that turns out to exist was written by a concurrent try.
        const existed = new Set(await insertAll(COLL.questions, batch));
        for (const d of batch) if (existed.has(d._id)) found.set(d._id, 'active');
        imported += batch.length - existed.size;
      }
      // Every active question of the file belongs in the bank; a retired one stays retired.
      const byLaw = new Map<string, string[]>();
      for (const d of docs) if ((found.get(d._id) ?? 'active') === 'active') byLaw.set(d.lawId, [...(byLaw.get(d.lawId) ?? []), d._id]);
      await bankImported(byLaw);
    } catch (err) {
      // Safe to run again with the same file: nothing is added twice. Say how far it got.
      console.error(`[learnAdmin.importQuestions] stopped after ${imported} of ${fresh.length} new questions: ${err instanceof Error ? err.message : String(err)}`);
      return { imported, alreadyPresent: found.size, complete: false, rows: parsed.length, report };
    } finally {
      // Whatever landed (now or in an earlier try) is content: readers must see a new version.
      await questionsChanged();
    }
    return { imported, alreadyPresent: found.size, complete: true, rows: parsed.length, report };
  },

  async listReports({ status, cursor }) {
    const [page, total] = await Promise.all([
      pageOf<{ _id: string; questionId: string; lawId: string; reason: string; note: string; status: string; resolution: string | null; createdAt: Date }>(COLL.reports, { status }, { field: 'createdAt', dir: 'desc' }, cursor, STAFF_PAGE),
      countWhere(COLL.reports, { status }),
    ]);
    const reports = page.items;
    const questions = await listByIds<QuestionDoc>(COLL.questions, [...new Set(reports.map((r) => r.questionId))]);
    const stems = new Map(questions.map((q) => [q._id, q.stem]));
    return {
      reports: reports.map((r) => ({
        id: r._id,
        questionId: r.questionId,
        lawId: r.lawId,
        stem: stems.get(r.questionId) ?? '（题目已删除）',
        reason: r.reason as '答案有误',
        note: r.note,
        status: r.status as 'open',
        resolution: r.resolution,
        createdAt: r.createdAt.toISOString(),
      })),
      total,
      next: page.next,
    };
  },

  async resolveReport({ id, decision, note }, ctx) {
    const changed = await updateWhere(COLL.reports, { _id: id, status: 'open' }, { status: decision, resolution: note, resolvedAt: ctx.now, resolvedBy: ctx.openid });
    if (changed === 0) throw new AppError('NOT_FOUND', '没有找到待处理的这条纠错');
    return { id, status: decision };
  },

  async setTownWomen({ town, women }, ctx) {
    if ((await updateById(COLL.regions, town, { women, ...stamp(ctx) })) === 0 && !(await getById(COLL.regions, town))) throw new AppError('NOT_FOUND', '没有这个镇街');
    return { town, women };
  },
});
