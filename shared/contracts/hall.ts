import * as z from '../zod';
import { SUGGESTION_STATES } from '../domain/suggestion-status';
import { action } from './define';
import { CursorSchema, IdSchema, NextSchema, PageInputSchema } from './common';

const STAFF = ['station', 'town', 'district'] as const;

/** Where a topic belongs: the whole district, a town, or a village. */
export const ScopeSchema = z.strictObject({
  level: z.enum(['district', 'town', 'village']),
  town: z.nullable(IdSchema),
  village: z.nullable(IdSchema),
});
export type Scope = z.infer<typeof ScopeSchema>;

export const TopicSchema = z.strictObject({
  id: IdSchema,
  title: z.string(),
  description: z.string(),
  scope: ScopeSchema,
  scopeName: z.string(),
  deadline: z.string(),
  open: z.boolean(),
  suggestionCount: z.int(),
  createdAt: z.string(),
});
export type Topic = z.infer<typeof TopicSchema>;

const ReplySchema = z.nullable(z.strictObject({ text: z.string(), at: z.string() }));

/** A suggestion as any resident sees it: no author identity when anonymous. */
export const PublicSuggestionSchema = z.strictObject({
  id: IdSchema,
  topicId: z.nullable(IdSchema),
  title: z.string(),
  content: z.string(),
  authorName: z.string(),
  townName: z.nullable(z.string()),
  status: z.enum(SUGGESTION_STATES),
  supports: z.int(),
  supportedByMe: z.boolean(),
  /** The reader's own suggestion (she cannot support it); tells nobody else anything. */
  mine: z.boolean(),
  reply: ReplySchema,
  createdAt: z.string(),
});
export type PublicSuggestion = z.infer<typeof PublicSuggestionSchema>;

/** A suggestion as its author sees it: the status history, the reply and her rating. */
export const OwnSuggestionSchema = z.strictObject({
  id: IdSchema,
  topicId: z.nullable(IdSchema),
  topicTitle: z.nullable(z.string()),
  title: z.string(),
  content: z.string(),
  anonymous: z.boolean(),
  status: z.enum(SUGGESTION_STATES),
  supports: z.int(),
  history: z.array(z.strictObject({ status: z.enum(SUGGESTION_STATES), at: z.string(), note: z.nullable(z.string()) })),
  reply: ReplySchema,
  rating: z.nullable(z.strictObject({ score: z.int(), comment: z.string() })),
  createdAt: z.string(),
});

/** A suggestion as staff handle it (the author stays hidden when anonymous). */
export const StaffSuggestionSchema = z.strictObject({
  ...PublicSuggestionSchema.shape,
  topicTitle: z.nullable(z.string()),
  scopeName: z.string(),
  heldReason: z.nullable(z.string()),
});

const TopicDraftSchema = z.strictObject({
  title: z.string().check(z.minLength(4, '标题至少 4 个字'), z.maxLength(40, '标题最多 40 个字')),
  description: z.string().check(z.maxLength(1000, '说明最多 1000 个字')),
  scope: ScopeSchema,
  deadline: z.string().check(z.minLength(10)),
});

/** The `hall` function: the online deliberation hall (网上议事厅). */
export const hallContract = {
  listTopics: action({
    doc: "Open and closed topics for the reader's village, town and the whole district, latest deadline first, a page at a time.",
    roles: 'any',
    input: PageInputSchema,
    output: z.strictObject({ topics: z.array(TopicSchema), next: NextSchema }),
  }),
  getTopic: action({
    doc: 'One topic.',
    roles: 'any',
    input: z.strictObject({ topicId: IdSchema }),
    output: TopicSchema,
  }),
  submitSuggestion: action({
    doc: 'A suggestion to a topic or a free one; checked by content security first: held for staff unless it passes.',
    roles: 'any',
    input: z.strictObject({
      topicId: z.optional(IdSchema),
      title: z.optional(z.string().check(z.maxLength(40, '标题最多 40 个字'))),
      content: z.string().check(z.minLength(10, '建议至少写 10 个字'), z.maxLength(1000, '建议最多 1000 个字')),
      anonymous: z.boolean(),
    }),
    output: z.strictObject({ id: IdSchema, status: z.enum(SUGGESTION_STATES), held: z.boolean() }),
  }),
  listSuggestions: action({
    doc: "Public suggestions of a topic (or the free ones), by supports or time; no author identity when anonymous.",
    roles: 'any',
    input: z.strictObject({ topicId: z.nullable(IdSchema), sort: z.enum(['supports', 'time']), page: z.int().check(z.minimum(1), z.maximum(100)) }),
    output: z.strictObject({ suggestions: z.array(PublicSuggestionSchema), hasMore: z.boolean() }),
  }),
  support: action({
    doc: "附议: once per person per suggestion; refused on a closed topic. `topicId`: the suggestion's topic as the page knows it (null: a free suggestion), checked against the suggestion (a wrong one is refused); it spares a round trip.",
    roles: 'any',
    input: z.strictObject({ suggestionId: IdSchema, topicId: z.optional(z.nullable(IdSchema)) }),
    output: z.strictObject({ supports: z.int(), counted: z.boolean() }),
  }),
  mySuggestions: action({
    doc: 'My suggestions with their status history, replies and my ratings, newest first, a page at a time.',
    roles: 'any',
    input: PageInputSchema,
    output: z.strictObject({ suggestions: z.array(OwnSuggestionSchema), next: NextSchema }),
  }),
  rateReply: action({
    doc: '满意度 1–5 with an optional comment: once, by the author, after the reply.',
    roles: 'any',
    input: z.strictObject({ suggestionId: IdSchema, score: z.int().check(z.minimum(1), z.maximum(5)), comment: z.optional(z.string().check(z.maxLength(200))) }),
    output: z.strictObject({ score: z.int() }),
  }),
  createTopic: action({
    doc: "Staff post a topic within their own area (station: its village; town: the town or its villages; district: anywhere).",
    roles: STAFF,
    input: TopicDraftSchema,
    output: z.strictObject({ id: IdSchema }),
  }),
  updateTopic: action({
    doc: 'Staff edit or close a topic in their area.',
    roles: STAFF,
    input: z.strictObject({ topicId: IdSchema, title: z.optional(TopicDraftSchema.shape.title), description: z.optional(TopicDraftSchema.shape.description), deadline: z.optional(z.string()), close: z.optional(z.boolean()) }),
    output: z.strictObject({ id: IdSchema }),
  }),
  staffTopics: action({
    doc: 'Topics of the staff member’s area, for editing, a page at a time (or the one topic asked for).',
    roles: STAFF,
    input: z.strictObject({ cursor: z.optional(CursorSchema), topicId: z.optional(IdSchema) }),
    output: z.strictObject({ topics: z.array(TopicSchema), next: NextSchema }),
  }),
  moderationQueue: action({
    doc: 'Suggestions held by the content check, in the staff member’s area, oldest first, a page at a time, with how many there are.',
    roles: STAFF,
    input: PageInputSchema,
    output: z.strictObject({ suggestions: z.array(StaffSuggestionSchema), total: z.int(), next: NextSchema }),
  }),
  handlingQueue: action({
    doc: 'Public suggestions in the staff member’s area still waiting for a reply, oldest first, a page at a time, with how many there are.',
    roles: STAFF,
    input: PageInputSchema,
    output: z.strictObject({ suggestions: z.array(StaffSuggestionSchema), total: z.int(), next: NextSchema }),
  }),
  moderate: action({
    doc: 'Publishes a held suggestion or rejects it with a reason the author sees.',
    roles: STAFF,
    input: z.strictObject({ suggestionId: IdSchema, decision: z.enum(['publish', 'reject']), reason: z.optional(z.string().check(z.maxLength(200))) }),
    output: z.strictObject({ status: z.enum(SUGGESTION_STATES) }),
  }),
  reply: action({
    doc: 'Moves a suggestion along 已受理 → 办理中 → 已采纳/未采纳 → 已答复 with an official note; the author is told.',
    roles: STAFF,
    input: z.strictObject({ suggestionId: IdSchema, status: z.enum(SUGGESTION_STATES), text: z.optional(z.string().check(z.maxLength(1000))) }),
    output: z.strictObject({ status: z.enum(SUGGESTION_STATES) }),
  }),
};

export type InboxItem = z.infer<typeof InboxItemSchema>;
export const InboxItemSchema = z.strictObject({ id: z.string(), title: z.string(), body: z.string(), page: z.nullable(z.string()), read: z.boolean(), createdAt: z.string() });

/** The in-app inbox (我的消息): every notice also sent as a subscribe message. */
export const inboxActions = {
  inbox: action({
    doc: 'My notices, newest first, a page at a time, and how many of all of them are unread.',
    roles: 'any',
    input: PageInputSchema,
    output: z.strictObject({ items: z.array(InboxItemSchema), unread: z.int(), next: NextSchema }),
  }),
  markInboxRead: action({
    doc: 'Marks my notices as read.',
    roles: 'any',
    input: z.strictObject({ ids: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(100)) }),
    output: z.strictObject({ read: z.int() }),
  }),
};
