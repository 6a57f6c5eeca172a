import * as z from '../zod';
import { CASE_ACTIONS, CASE_OUTCOMES, HELP_CATEGORIES } from '../domain/help';
import { ACTIVITY_MAX, ACTIVITY_TYPES } from '../domain/stats-catalog';
import { action } from './define';
import { IdSchema } from './common';

const STAFF = ['station', 'town', 'district'] as const;
const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'));

/** Which figures: a day, week, month or year containing `date`, or a custom range of days (≤ 92). */
export const PeriodInputSchema = z.strictObject({
  kind: z.enum(['day', 'week', 'month', 'year', 'custom']),
  date: z.optional(Day),
  from: z.optional(Day),
  to: z.optional(Day),
});

/** 人次 and 人数; 人数 is null over custom ranges (distinct people do not add up across periods). */
const Count = z.strictObject({ times: z.int(), people: z.nullable(z.int()) });

export const DashboardSchema = z.strictObject({
  scope: z.strictObject({ level: z.enum(['district', 'town', 'village']), name: z.string() }),
  period: z.strictObject({ kind: z.enum(['day', 'week', 'month', 'year', 'custom']), key: z.string(), from: z.string(), to: z.string(), label: z.string() }),
  totals: z.strictObject({
    lessonReads: Count,
    quizAttempts: Count,
    suggestions: Count,
    helpRequests: Count,
    visits: z.int(),
    activities: z.strictObject({ count: z.int(), reached: z.int(), materials: z.int() }),
  }),
  trends: z.array(z.strictObject({ metric: z.string(), label: z.string(), points: z.array(z.strictObject({ key: z.string(), label: z.string(), times: z.int() })) })),
  towns: z.array(
    z.strictObject({
      town: IdSchema,
      name: z.string(),
      lessonReads: z.int(),
      quizAttempts: z.int(),
      quizPeople: z.nullable(z.int()),
      women: z.nullable(z.int()),
      rate: z.nullable(z.number()),
      suggestions: z.int(),
      helpRequests: z.int(),
      activities: z.int(),
    }),
  ),
  /** Villages and communities of the towns shown (the district's: those with any figure). */
  villages: z.array(
    z.strictObject({
      town: IdSchema,
      village: IdSchema,
      name: z.string(),
      lessonReads: z.int(),
      quizAttempts: z.int(),
      quizPeople: z.nullable(z.int()),
      suggestions: z.int(),
      helpRequests: z.int(),
    }),
  ),
  learn: z.strictObject({
    perLaw: z.array(z.strictObject({ lawId: IdSchema, lawShort: z.string(), reads: z.int(), attempts: z.int(), people: z.nullable(z.int()), answered: z.int(), correct: z.int(), accuracy: z.nullable(z.number()), passes: z.int() })),
    averageScore: z.nullable(z.number()),
    passRate: z.nullable(z.number()),
    hardest: z.array(z.strictObject({ questionId: IdSchema, stem: z.string(), lawShort: z.string(), answered: z.int(), wrong: z.int(), wrongRate: z.number() })),
    hardestScope: z.string(),
  }),
  hall: z.strictObject({
    submitted: z.int(),
    published: z.int(),
    held: z.int(),
    rejected: z.int(),
    accepted: z.int(),
    adopted: z.int(),
    declined: z.int(),
    answered: z.int(),
    adoptionRate: z.nullable(z.number()),
    supports: z.int(),
    averageReplyHours: z.nullable(z.number()),
    averageRating: z.nullable(z.number()),
  }),
  help: z.strictObject({
    byCategory: z.array(z.strictObject({ category: z.enum(HELP_CATEGORIES), times: z.int() })),
    online: z.int(),
    visits: z.int(),
    accepted: z.int(),
    averageAcceptHours: z.nullable(z.number()),
    byOutcome: z.array(z.strictObject({ outcome: z.enum(CASE_OUTCOMES), times: z.int() })),
    actions: z.array(z.strictObject({ type: z.enum(CASE_ACTIONS), times: z.int(), cases: z.nullable(z.int()) })),
    followUpsDone: z.int(),
  }),
  offline: z.array(z.strictObject({ type: z.enum(ACTIVITY_TYPES), count: z.int(), reached: z.int(), materials: z.int() })),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

/** The fields staff fill in for an offline activity; the server refuses figures no activity can have. */
const ActivityFieldsSchema = z.strictObject({
  type: z.enum(ACTIVITY_TYPES),
  date: Day,
  title: z.string().check(z.minLength(2, '请填写活动名称'), z.maxLength(40, '最多 40 个字')),
  town: z.optional(IdSchema),
  village: z.optional(IdSchema),
  reached: z.int().check(z.minimum(0, '不能是负数'), z.maximum(ACTIVITY_MAX.reached, `一场活动覆盖人数不能超过 ${ACTIVITY_MAX.reached} 人，请核对；大型宣传请按场次分别登记`)),
  materials: z.int().check(z.minimum(0, '不能是负数'), z.maximum(ACTIVITY_MAX.materials, `一场活动发放资料不能超过 ${ACTIVITY_MAX.materials} 份，请核对；大型宣传请按场次分别登记`)),
  note: z.string().check(z.maxLength(500, '最多 500 个字')),
});

const ActivitySchema = z.strictObject({
  id: z.string(),
  type: z.enum(ACTIVITY_TYPES),
  date: z.string(),
  title: z.string(),
  /** Where it took place, for the edit form (never shown as such). */
  town: z.nullable(IdSchema),
  village: z.nullable(IdSchema),
  placeName: z.string(),
  reached: z.int(),
  materials: z.int(),
  note: z.string(),
  byName: z.string(),
  /** The last change, when it was edited: how many times, by whom, when. */
  edited: z.nullable(z.strictObject({ times: z.int(), byName: z.string(), at: z.string() })),
  /** Removed: by whom and when (no longer counted). */
  removed: z.nullable(z.strictObject({ byName: z.string(), at: z.string() })),
});

/** The `stats` function: participation figures per area and town, the year-end report, offline work. */
export const statsContract = {
  dashboard: action({
    doc: "Figures of a period for the reader's scope (station: its village; town: its town; district: all), from counters only.",
    roles: STAFF,
    input: PeriodInputSchema,
    output: DashboardSchema,
  }),
  annualReport: action({
    doc: 'The year-end figures in the report’s own terms, online and offline together, with ready-to-paste paragraphs.',
    roles: STAFF,
    input: z.strictObject({ year: z.int().check(z.minimum(2020), z.maximum(2100)) }),
    output: z.strictObject({
      year: z.int(),
      scopeName: z.string(),
      figures: z.array(z.strictObject({ key: z.string(), label: z.string(), value: z.number(), unit: z.string() })),
      paragraphs: z.array(z.string()),
    }),
  }),
  exportXlsx: action({
    doc: "The dashboard's tables as an .xlsx workbook: a temporary download link.",
    roles: STAFF,
    input: PeriodInputSchema,
    output: z.strictObject({ fileName: z.string(), url: z.string(), fileID: z.string() }),
  }),
  logActivity: action({
    doc: 'Records offline work (讲座, 培训, 宣传资料发放, 走访, 其他): date, place, people reached, materials handed out; absurd figures are refused.',
    roles: STAFF,
    input: ActivityFieldsSchema,
    output: z.strictObject({ id: z.string() }),
  }),
  updateActivity: action({
    doc: 'Corrects an activity in my scope: the figures move with it, and the change (who, when, what it was before) is kept on the record.',
    roles: STAFF,
    input: z.strictObject({ id: IdSchema, ...ActivityFieldsSchema.shape }),
    output: z.strictObject({ id: z.string() }),
  }),
  removeActivity: action({
    doc: 'Removes an activity in my scope: it is no longer counted; the record stays with who removed it and when.',
    roles: STAFF,
    input: z.strictObject({ id: IdSchema }),
    output: z.strictObject({ id: z.string() }),
  }),
  listActivities: action({
    doc: 'Offline work logged in my scope, newest first, removed ones marked.',
    roles: STAFF,
    input: z.strictObject({ year: z.int().check(z.minimum(2020), z.maximum(2100)), page: z.int().check(z.minimum(1), z.maximum(100)) }),
    output: z.strictObject({ activities: z.array(ActivitySchema), hasMore: z.boolean() }),
  }),
};
