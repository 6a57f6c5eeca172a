import * as z from '../zod';
import { QUESTION_TYPES } from '../domain/quiz';
import { action } from './define';
import { CursorSchema, IdSchema, NextSchema, RemovedSchema } from './common';
import { LawSchema, LessonSchema } from './content';
import { CampaignSchema, QuestionSchema, REPORT_REASONS } from './quiz';

const STAFF = ['district'] as const;

/** A question as staff see it in lists: content plus status and when it changed. */
const AdminQuestionSchema = z.strictObject({
  ...QuestionSchema.shape,
  status: z.enum(['active', 'retired']),
  origin: z.enum(['seed', 'staff', 'import']),
  updatedAt: z.nullable(z.string()),
  ...RemovedSchema.shape,
});

/** A lesson of a law as staff see it: visible or removed, with its number as readers see it. */
const AdminLessonSchema = z.strictObject({
  id: IdSchema,
  order: z.int(),
  /** The number readers see (its place among the visible lessons); null once removed. */
  number: z.nullable(z.int()),
  title: z.string(),
  summary: z.string(),
  status: z.enum(['active', 'retired']),
  ...RemovedSchema.shape,
});

/** A campaign as staff see it: drafts and removed ones included. */
const AdminCampaignSchema = z.strictObject({ ...CampaignSchema.shape, removed: z.boolean(), ...RemovedSchema.shape });

/** A question as staff write it: the id is given by the server for new ones. */
export const QuestionDraftSchema = z.strictObject({
  ...QuestionSchema.shape,
  id: z.optional(IdSchema),
  checked: z.optional(z.string().check(z.maxLength(300))),
});
export type QuestionDraft = z.infer<typeof QuestionDraftSchema>;

/** One row of an import's validation report. */
export const ImportRowSchema = z.strictObject({ row: z.int(), ok: z.boolean(), errors: z.array(z.string()) });

/** The columns of the import template, in order (UI text: the header row staff fill in). */
export const IMPORT_COLUMNS = ['法律', '题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '答案', '解析', '法条', '法条原文', '核对来源', '难度'] as const;

const ReportViewSchema = z.strictObject({
  id: z.string(),
  questionId: IdSchema,
  lawId: IdSchema,
  stem: z.string(),
  reason: z.enum(REPORT_REASONS),
  note: z.string(),
  status: z.enum(['open', 'resolved', 'rejected']),
  resolution: z.nullable(z.string()),
  createdAt: z.string(),
});

/** The `learnAdmin` function: staff manage lessons, questions, campaigns and 纠错 reports. */
export const learnAdminContract = {
  listQuestions: action({
    doc: 'A page of the question bank, filtered, with the total.',
    roles: STAFF,
    input: z.strictObject({
      lawId: z.optional(IdSchema),
      status: z.optional(z.enum(['active', 'retired'])),
      type: z.optional(z.enum(QUESTION_TYPES)),
      keyword: z.optional(z.string().check(z.maxLength(40))),
      page: z.int().check(z.minimum(1), z.maximum(1000)),
      pageSize: z.int().check(z.minimum(1), z.maximum(50)),
    }),
    output: z.strictObject({ items: z.array(AdminQuestionSchema), total: z.int(), page: z.int(), pageSize: z.int() }),
  }),
  saveQuestion: action({
    doc: 'Creates a question (no id) or edits one; checked for consistency; the bank is updated in the same call.',
    roles: STAFF,
    input: z.strictObject({ question: QuestionDraftSchema }),
    output: z.strictObject({ id: IdSchema }),
  }),
  retireQuestion: action({
    doc: 'Takes a question out of every future draw (kept for past results, with who and when); restore puts it back.',
    roles: STAFF,
    input: z.strictObject({ id: IdSchema, restore: z.optional(z.boolean()) }),
    output: z.strictObject({ id: IdSchema, status: z.enum(['active', 'retired']) }),
  }),
  saveLesson: action({
    doc: 'Creates or edits a lesson of a law.',
    roles: STAFF,
    input: z.strictObject({ lesson: LessonSchema }),
    output: z.strictObject({ id: IdSchema }),
  }),
  retireLesson: action({
    doc: 'Hides a lesson from readers (kept with who and when; its reads stay counted); restore shows it again.',
    roles: STAFF,
    input: z.strictObject({ id: IdSchema, restore: z.optional(z.boolean()) }),
    output: z.strictObject({ id: IdSchema, status: z.enum(['active', 'retired']) }),
  }),
  listLessons: action({
    doc: 'Every lesson of a law, removed ones included, in order.',
    roles: STAFF,
    input: z.strictObject({ lawId: IdSchema }),
    output: z.strictObject({ law: LawSchema, lessons: z.array(AdminLessonSchema) }),
  }),
  getLesson: action({
    doc: 'One lesson in full for the edit form (not counted as a read), removed or not.',
    roles: STAFF,
    input: z.strictObject({ id: IdSchema }),
    output: z.strictObject({ lesson: LessonSchema, status: z.enum(['active', 'retired']) }),
  }),
  listCampaigns: action({
    doc: 'Every campaign, drafts and removed ones included, latest start first, a page at a time (or the one campaign asked for).',
    roles: STAFF,
    input: z.strictObject({ cursor: z.optional(CursorSchema), id: z.optional(IdSchema) }),
    output: z.strictObject({ campaigns: z.array(AdminCampaignSchema), next: NextSchema }),
  }),
  removeCampaign: action({
    doc: 'Hides a campaign from everyone (kept with who and when; attempts and figures stay); restore brings it back.',
    roles: STAFF,
    input: z.strictObject({ id: IdSchema, restore: z.optional(z.boolean()) }),
    output: z.strictObject({ id: IdSchema, removed: z.boolean() }),
  }),
  saveCampaign: action({
    doc: 'Creates (no id) or edits a campaign: window, daily cap, question count, per-law ratio, pass mark, optional time limit.',
    roles: STAFF,
    input: z.strictObject({ campaign: z.strictObject({ ...CampaignSchema.shape, id: z.optional(IdSchema) }) }),
    output: z.strictObject({ id: IdSchema }),
  }),
  importQuestions: action({
    doc: 'Imports questions from an .xlsx or .csv file (base64) with a row-by-row report; nothing is imported when any row is invalid. Safe to repeat with the same file: questions already there (by law and stem) are not added again; `complete: false` says the import stopped part-way and may be run again.',
    roles: STAFF,
    input: z.strictObject({
      fileName: z.string().check(z.regex(/\.(xlsx|csv)$/i), z.maxLength(100)),
      contentBase64: z.string().check(z.minLength(4), z.maxLength(90_000)),
      dryRun: z.optional(z.boolean()),
    }),
    output: z.strictObject({
      /** Questions this call added. */
      imported: z.int(),
      /** Questions of the file found already there (an earlier import of them). */
      alreadyPresent: z.int(),
      /** False when the import stopped part-way: running it again with the same file finishes it. */
      complete: z.boolean(),
      rows: z.int(),
      report: z.array(ImportRowSchema),
    }),
  }),
  listReports: action({
    doc: 'The 纠错 queue: reports on questions, newest first, a page at a time, with how many there are.',
    roles: STAFF,
    input: z.strictObject({ status: z.enum(['open', 'resolved', 'rejected']), cursor: z.optional(CursorSchema) }),
    output: z.strictObject({ reports: z.array(ReportViewSchema), total: z.int(), next: NextSchema }),
  }),
  resolveReport: action({
    doc: 'Closes a 纠错 report as resolved (the question was fixed) or rejected, with a note.',
    roles: STAFF,
    input: z.strictObject({ id: z.string().check(z.minLength(1), z.maxLength(64)), decision: z.enum(['resolved', 'rejected']), note: z.string().check(z.minLength(1), z.maxLength(300)) }),
    output: z.strictObject({ id: z.string(), status: z.enum(['resolved', 'rejected']) }),
  }),
  setTownWomen: action({
    doc: "Sets a street's or town's number of women, the denominator of its participation rate (null clears it).",
    roles: STAFF,
    input: z.strictObject({ town: IdSchema, women: z.nullable(z.int().check(z.minimum(1), z.maximum(1_000_000))) }),
    output: z.strictObject({ town: IdSchema, women: z.nullable(z.int()) }),
  }),
};
