import { randomBytes } from 'node:crypto';
import { learnAdminContract, type QuestionDraft } from '../../shared/contracts/learn-admin';
import { QuestionSchema, questionProblems } from '../../shared/contracts/quiz';
import { parseQuestionRows } from '../../shared/domain/question-import';
import { parseCsv, parseXlsx, type Rows } from '../../shared/domain/spreadsheet';
import { AppError } from '../../shared/result';
import { _, db } from '../_lib/cloud';
import { campaignOut, type CampaignDoc } from '../_lib/campaigns';
import { COLL } from '../_lib/collections';
import { lessonOf, recountLessons, type LessonDoc } from '../_lib/lessons';
import { questionsChanged } from '../_lib/question-version';
import { getById, insert, isDuplicateKey, list, listByIds, setById, updateById, updateWhere } from '../_lib/db-helpers';
import type { CallContext } from '../_lib/handler';
import { createFunction } from '../_lib/handler';
import { chinaDay } from '../../shared/time';

type LawDoc = { _id: string; short: string; name: string; version: string; order: number; intro: string; lessonCount: number; questionCount?: number };
type QuestionDoc = Omit<QuestionDraft, 'id'> & { _id: string; status: 'active' | 'retired'; origin?: 'seed' | 'staff' | 'import'; updatedAt?: Date; editedAt?: Date; retiredAt?: Date; retiredByName?: string };
type StaffCampaignDoc = CampaignDoc & { removed?: boolean; removedAt?: Date; removedByName?: string };

const newId = (prefix: string) => `${prefix}${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

async function requireLaw(lawId: string): Promise<LawDoc> {
  const law = await getById<LawDoc>(COLL.laws, lawId);
  if (!law) throw new AppError('NOT_FOUND', '没有这部法律');
  return law;
}

/** Adds or removes question ids in a law's bank and in 'all', keeping the law's count in step. */
async function bankChange(lawId: string, ids: string[], add: boolean): Promise<void> {
  if (ids.length === 0) return;
  for (const bankId of [lawId, 'all']) {
    const change = add ? { ids: _.push(ids) } : { ids: _.pullAll(ids) };
    if ((await updateById(COLL.bank, bankId, change)) === 0 && add) {
      try {
        await insert(COLL.bank, { _id: bankId, ids });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        await updateById(COLL.bank, bankId, change);
      }
    }
  }
  await updateById(COLL.laws, lawId, { questionCount: _.inc(add ? ids.length : -ids.length) });
}

function checkQuestion(draft: QuestionDraft): void {
  const problems = questionProblems(draft);
  if (problems.length > 0) throw new AppError('INVALID_INPUT', problems.join('；'));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function sheetRows(fileName: string, base64: string): Rows {
  const bytes = Uint8Array.from(Buffer.from(base64, 'base64'));
  try {
    if (/\.csv$/i.test(fileName)) return parseCsv(new TextDecoder('utf-8').decode(bytes));
    return parseXlsx(bytes);
  } catch {
    throw new AppError('INVALID_INPUT', '文件无法读取：请上传 .xlsx 或 UTF-8 编码的 .csv 文件');
  }
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

  async listCampaigns() {
    const docs = await list<StaffCampaignDoc>(db.collection(COLL.campaigns).orderBy('startsAt', 'desc').limit(100));
    return { campaigns: docs.map((c) => ({ ...campaignOut(c), removed: c.removed === true, ...removedOut(c.removed ? c.removedAt : undefined, c.removedByName) })) };
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
    const startsAt = new Date(campaign.startsAt);
    const endsAt = new Date(campaign.endsAt);
    if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime())) throw new AppError('INVALID_INPUT', '开始和结束时间格式不正确');
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
    if (headerErrors.length > 0) return { imported: 0, rows: 0, report: [{ row: 1, ok: false, errors: headerErrors }] };
    if (parsed.length === 0) return { imported: 0, rows: 0, report: [{ row: 2, ok: false, errors: ['表格里没有题目'] }] };
    if (parsed.length > 500) throw new AppError('INVALID_INPUT', '一次最多导入 500 题');
    const report = parsed.map((p) => ({ row: p.row, ok: p.errors.length === 0, errors: p.errors }));
    // All or nothing: a single bad row and nothing is imported.
    if (dryRun || report.some((r) => !r.ok)) return { imported: 0, rows: parsed.length, report };
    const byLaw = new Map<string, string[]>();
    for (const p of parsed) {
      if (!p.draft) continue;
      const id = newId(`${p.draft.lawId}-i`);
      await insert(COLL.questions, { _id: id, ...p.draft, status: 'active', origin: 'import', createdAt: ctx.now, ...stamp(ctx) });
      byLaw.set(p.draft.lawId, [...(byLaw.get(p.draft.lawId) ?? []), id]);
    }
    for (const [lawId, ids] of byLaw) await bankChange(lawId, ids, true);
    await questionsChanged();
    return { imported: parsed.length, rows: parsed.length, report };
  },

  async listReports({ status }) {
    const reports = await list<{ _id: string; questionId: string; lawId: string; reason: string; note: string; status: string; resolution: string | null; createdAt: Date }>(
      db.collection(COLL.reports).where({ status }).orderBy('createdAt', 'desc').limit(100),
    );
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
