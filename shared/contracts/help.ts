import * as z from '../zod';
import { AUDIT_ACTIONS, CASE_ACTIONS, CASE_OUTCOMES, CASE_STATES, HELP_CATEGORIES, PHONE_PATTERN, URGENCIES } from '../domain/help';
import { action } from './define';
import { EmptySchema, IdSchema } from './common';

const STAFF = ['station', 'town', 'district'] as const;

const DaySchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'));
/** A page of a staff list: 1-based, at most 50 a page. */
const PagingInput = { page: z.optional(z.int().check(z.minimum(1), z.maximum(10_000))), pageSize: z.optional(z.int().check(z.minimum(1), z.maximum(50))) };
const PagingOutput = { total: z.int(), page: z.int(), pageSize: z.int() };

const ContactInputSchema = z.strictObject({
  /** 'in_app': she will only look in the mini-program; no call, no message. */
  method: z.enum(['phone', 'in_app']),
  phone: z.optional(z.string().check(z.regex(PHONE_PATTERN, '请填写正确的手机号或座机号'))),
  /** When it is safe to call, in her words (e.g. 工作日上午). */
  safeTimes: z.optional(z.string().check(z.maxLength(60, '最多 60 个字'))),
  /** What to say or not say if someone else answers. */
  note: z.optional(z.string().check(z.maxLength(100, '最多 100 个字'))),
});

/** A request as its requester sees it: neutral words only. */
const MyRequestSchema = z.strictObject({
  id: IdSchema,
  reference: z.string(),
  status: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  messages: z.array(z.strictObject({ at: z.string(), text: z.string() })),
  canWithdraw: z.boolean(),
});

/** A case in a staff list: masked, no description. */
const CaseSummarySchema = z.strictObject({
  id: IdSchema,
  reference: z.string(),
  channel: z.enum(['online', 'visit']),
  category: z.enum(HELP_CATEGORIES),
  urgency: z.enum(URGENCIES),
  status: z.enum(CASE_STATES),
  withdrawn: z.boolean(),
  placeName: z.string(),
  phoneMask: z.nullable(z.string()),
  contactMethod: z.enum(['phone', 'in_app', 'none']),
  escalation: z.enum(['station', 'town', 'district']),
  dueAt: z.nullable(z.string()),
  overdue: z.boolean(),
  followUpAt: z.nullable(z.string()),
  assigneeName: z.nullable(z.string()),
  createdAt: z.string(),
});

const CaseActionViewSchema = z.strictObject({ type: z.enum(CASE_ACTIONS), date: z.string(), note: z.string(), messageToRequester: z.nullable(z.string()), byName: z.string(), at: z.string() });

/** A case opened in full by staff (every opening is audited). */
const CaseDetailSchema = z.strictObject({
  ...CaseSummarySchema.shape,
  description: z.string(),
  phone: z.nullable(z.string()),
  safeTimes: z.nullable(z.string()),
  contactNote: z.nullable(z.string()),
  actions: z.array(CaseActionViewSchema),
  outcome: z.nullable(z.enum(CASE_OUTCOMES)),
  closedAt: z.nullable(z.string()),
  purged: z.boolean(),
  auditNote: z.string(),
});

/** The `help` function: asking for help safely, and the staff case workflow. */
export const helpContract = {
  submitRequest: action({
    doc: 'A request for help, routed to the station of her village (to the town staff when no village or no station); sensitive fields encrypted; needs the current consent version.',
    roles: 'any',
    input: z.strictObject({
      category: z.enum(HELP_CATEGORIES),
      description: z.string().check(z.minLength(5, '请至少写 5 个字'), z.maxLength(2000, '最多 2000 个字')),
      town: IdSchema,
      /** Left out when her town has no villages entered, or she prefers not to say: the town's staff take it. */
      village: z.optional(IdSchema),
      contact: ContactInputSchema,
      urgency: z.enum(URGENCIES),
      /** Her age band: a child under 14 is not asked for personal details (个人信息保护法 第三十一条). */
      age: z.enum(['adult', '14to17', 'under14']),
      consentVersion: z.string().check(z.maxLength(40)),
    }),
    output: z.strictObject({ id: IdSchema, reference: z.string() }),
  }),
  myRequests: action({
    doc: 'My requests, in neutral words.',
    roles: 'any',
    input: EmptySchema,
    output: z.strictObject({ requests: z.array(MyRequestSchema) }),
  }),
  getMyRequest: action({
    doc: 'One of my requests: status and staff messages, in neutral words.',
    roles: 'any',
    input: z.strictObject({ id: IdSchema }),
    output: MyRequestSchema,
  }),
  withdraw: action({
    doc: 'Withdraws my request: the case closes as 求助人撤回 and her personal details are erased at once, as the purge does.',
    roles: 'any',
    input: z.strictObject({ id: IdSchema }),
    output: z.strictObject({ id: IdSchema, status: z.string(), erased: z.boolean() }),
  }),
  caseQueue: action({
    doc: 'A page of the cases in my area (station: my village or assigned to me; town: my town; district: all), masked: urgent first, then by due time; closed ones newest first.',
    roles: STAFF,
    input: z.strictObject({ status: z.optional(z.enum(['open', 'closed'])), category: z.optional(z.enum(HELP_CATEGORIES)), ...PagingInput }),
    output: z.strictObject({ cases: z.array(CaseSummarySchema), ...PagingOutput }),
  }),
  caseSummary: action({
    doc: 'One case of my area, masked as in the queue (not audited: nothing personal is shown).',
    roles: STAFF,
    input: z.strictObject({ id: IdSchema }),
    output: CaseSummarySchema,
  }),
  getCase: action({
    doc: 'Opens a case in full; every call leaves an audit entry.',
    roles: STAFF,
    input: z.strictObject({ id: IdSchema }),
    output: CaseDetailSchema,
  }),
  accept: action({
    doc: 'Accepts a case (the time to accept is counted).',
    roles: STAFF,
    input: z.strictObject({ id: IdSchema }),
    output: z.strictObject({ id: IdSchema, status: z.enum(CASE_STATES) }),
  }),
  assign: action({
    doc: 'Assigns a case to a station or town staff member whose area covers it.',
    roles: STAFF,
    input: z.strictObject({ id: IdSchema, assignee: z.string().check(z.minLength(1), z.maxLength(64)) }),
    output: z.strictObject({ id: IdSchema, assigneeName: z.string() }),
  }),
  listAssignees: action({
    doc: 'Staff who may be assigned a case.',
    roles: STAFF,
    input: z.strictObject({ id: IdSchema }),
    output: z.strictObject({ staff: z.array(z.strictObject({ openid: z.string(), name: z.string(), role: z.string() })) }),
  }),
  addAction: action({
    doc: 'Records what was done (回访, 调解, 转介, 协助申请人身安全保护令, 协助公安出具告诫书, 其他) with date and note, and an optional neutral message to her.',
    roles: STAFF,
    input: z.strictObject({
      id: IdSchema,
      type: z.enum(CASE_ACTIONS),
      date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')),
      note: z.string().check(z.maxLength(1000, '最多 1000 个字')),
      messageToRequester: z.optional(z.string().check(z.maxLength(200, '最多 200 个字'))),
    }),
    output: z.strictObject({ id: IdSchema, status: z.enum(CASE_STATES), followUpAt: z.nullable(z.string()) }),
  }),
  close: action({
    doc: 'Closes a case with its outcome; personal details are purged a set time later.',
    roles: STAFF,
    input: z.strictObject({ id: IdSchema, outcome: z.enum(CASE_OUTCOMES), note: z.string().check(z.maxLength(500, '最多 500 个字')) }),
    output: z.strictObject({ id: IdSchema, status: z.enum(CASE_STATES) }),
  }),
  logVisit: action({
    doc: 'A walk-in visit (来访接待) recorded by station staff, counted like an online request.',
    roles: STAFF,
    input: z.strictObject({
      category: z.enum(HELP_CATEGORIES),
      date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')),
      village: z.optional(IdSchema),
      note: z.string().check(z.maxLength(1000, '最多 1000 个字')),
      outcome: z.optional(z.enum(CASE_OUTCOMES)),
    }),
    output: z.strictObject({ id: IdSchema }),
  }),
  followUps: action({
    doc: 'A page of the follow-up visits due in my area within three days (after a warning letter or a protection order), soonest first.',
    roles: STAFF,
    input: z.strictObject({ ...PagingInput }),
    output: z.strictObject({ cases: z.array(CaseSummarySchema), ...PagingOutput }),
  }),
  auditLog: action({
    doc: 'A page of the audit trail, newest first: who read or acted on which case and when, filtered by case, staff member and China dates (administrators only; reading it is audited too).',
    roles: ['admin'],
    input: z.strictObject({
      caseId: z.optional(IdSchema),
      reference: z.optional(z.string().check(z.regex(/^FW-[0-9A-F]{6}$/, '服务编号格式应为 FW-XXXXXX'))),
      staff: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
      from: z.optional(DaySchema),
      to: z.optional(DaySchema),
      ...PagingInput,
    }),
    output: z.strictObject({
      entries: z.array(
        z.strictObject({
          caseId: z.nullable(z.string()),
          reference: z.nullable(z.string()),
          staff: z.string(),
          staffName: z.string(),
          role: z.string(),
          at: z.string(),
          action: z.enum(AUDIT_ACTIONS),
          detail: z.nullable(z.string()),
        }),
      ),
      ...PagingOutput,
    }),
  }),
};
