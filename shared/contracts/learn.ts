import * as z from '../zod';
import { action } from './define';
import { CursorSchema, EmptySchema, IdSchema, NextSchema } from './common';
import { LawSchema, LessonSchema } from './content';
import { AnswerSchema, CampaignSchema, CheckedAnswerSchema, QuestionSchema, QuizResultSchema, StoredResultSchema, QuizSchema, REPORT_REASONS } from './quiz';

export { ArticleSchema, ContactSchema, LawSchema, LessonSchema, type Article, type Law, type Lesson } from './content';

const LawSummarySchema = z.strictObject({ ...LawSchema.shape, lessonCount: z.int(), questionCount: z.int() });
/** A lesson in a law's list; `order` is the number readers see (its place among the visible lessons). */
const LessonSummarySchema = z.strictObject({ id: IdSchema, order: z.int(), title: z.string(), summary: z.string() });
const LessonLinkSchema = z.nullable(z.strictObject({ id: IdSchema, title: z.string() }));

const MistakeGroupSchema = z.strictObject({
  lawId: IdSchema,
  lawShort: z.string(),
  items: z.array(
    z.strictObject({
      question: QuestionSchema,
      wrongCount: z.int(),
      lastWrongAt: z.string(),
    }),
  ),
});

const ProgressSchema = z.strictObject({
  points: z.int(),
  streak: z.int(),
  attempts: z.int(),
  rankingOptIn: z.boolean(),
  perLaw: z.array(
    z.strictObject({ lawId: IdSchema, lawShort: z.string(), attempts: z.int(), answered: z.int(), correct: z.int(), bestScore: z.int(), mistakes: z.int() }),
  ),
  history: z.array(
    z.strictObject({ attemptId: IdSchema, mode: z.string(), title: z.string(), score: z.int(), correct: z.int(), total: z.int(), passed: z.nullable(z.boolean()), at: z.string() }),
  ),
});

const RankingSchema = z.strictObject({
  period: z.enum(['month', 'year']),
  key: z.string(),
  /** How the towns are ranked: by participation rate when every town listed has its number of women, else by participants. */
  by: z.enum(['rate', 'people']),
  /** Towns with participants, ranked (equal figures share a rank); towns with none are left out and counted here. */
  towns: z.array(z.strictObject({ rank: z.int(), town: IdSchema, name: z.string(), people: z.int(), women: z.nullable(z.int()), rate: z.nullable(z.number()) })),
  quietTowns: z.int(),
  people: z.array(z.strictObject({ rank: z.int(), name: z.string(), townName: z.nullable(z.string()), points: z.int(), me: z.boolean() })),
});

const CampaignViewSchema = z.strictObject({
  ...CampaignSchema.shape,
  remainingToday: z.int(),
  bestScore: z.nullable(z.int()),
  running: z.boolean(),
});

/** The `learn` function: lessons, quizzes, the mistake book, progress and ranking. */
export const learnContract = {
  listLaws: action({
    doc: 'The laws one can learn (with lessons or questions), in display order, with their numbers of lessons and questions; `all` lists every law (staff pickers); and whether to ask the caller her place.',
    roles: 'any',
    input: z.strictObject({ all: z.optional(z.boolean()) }),
    output: z.strictObject({
      laws: z.array(LawSummarySchema),
      /** A resident who has neither chosen her place nor skipped: the first screen asks once (no second call). */
      askPlace: z.boolean(),
    }),
  }),
  listLessons: action({
    doc: 'The visible lessons of one law, numbered as shown, and how many practice questions it has.',
    roles: 'any',
    input: z.strictObject({ lawId: IdSchema }),
    output: z.strictObject({ law: LawSchema, lessons: z.array(LessonSummarySchema), questionCount: z.int() }),
  }),
  getLesson: action({
    doc: 'One visible lesson in full, its number among the visible lessons of its law and their count; counts a lesson read (人次 and 人数).',
    roles: 'any',
    input: z.strictObject({ lessonId: IdSchema }),
    output: z.strictObject({ lesson: LessonSchema, law: LawSchema, number: z.int(), count: z.int(), prev: LessonLinkSchema, next: LessonLinkSchema }),
  }),
  startQuiz: action({
    doc: 'Starts a quiz: practice on one law, a campaign (window and daily cap enforced) or 每日一题; options shuffled per attempt; no answer key in the reply.',
    roles: 'any',
    input: z.discriminatedUnion('mode', [
      z.strictObject({ mode: z.literal('practice'), lawId: IdSchema, count: z.optional(z.int().check(z.minimum(1), z.maximum(20))) }),
      z.strictObject({ mode: z.literal('campaign'), campaignId: IdSchema }),
      z.strictObject({ mode: z.literal('daily') }),
    ]),
    output: QuizSchema,
  }),
  checkAnswer: action({
    doc: 'Practice and drills only: grades one answer at once and locks it (交卷 counts the locked answer); the key, explanation and article come back only now.',
    roles: 'any',
    input: z.strictObject({ attemptId: IdSchema, questionId: IdSchema, keys: z.array(z.string().check(z.regex(/^[A-FT]$/))).check(z.minLength(1), z.maxLength(6)) }),
    output: CheckedAnswerSchema,
  }),
  submitQuiz: action({
    doc: "Grades an attempt in one call (idempotent on the attempt): score, every question's right answer, explanation and article.",
    roles: 'any',
    input: z.strictObject({ attemptId: IdSchema, answers: z.array(AnswerSchema).check(z.maxLength(50)) }),
    output: QuizResultSchema,
  }),
  getResult: action({
    doc: 'The graded result of one of my submitted attempts.',
    roles: 'any',
    input: z.strictObject({ attemptId: IdSchema }),
    output: StoredResultSchema,
  }),
  listMistakes: action({
    doc: 'My mistake book: every question I answered wrong and have not yet put right in a drill, grouped by law; the latest mistakes first, a page at a time; `total` counts the whole book.',
    roles: 'any',
    input: z.strictObject({ lawId: z.optional(IdSchema), cursor: z.optional(CursorSchema) }),
    /** `setAside`: entries not shown while a campaign that draws their law is open (their answers would be its answers); `total` leaves them out. */
    output: z.strictObject({ total: z.int(), groups: z.array(MistakeGroupSchema), next: NextSchema, setAside: z.int() }),
  }),
  drillMistakes: action({
    doc: 'A quiz from my mistake book; a question leaves the book once answered right here.',
    roles: 'any',
    input: z.strictObject({ lawId: z.optional(IdSchema), count: z.optional(z.int().check(z.minimum(1), z.maximum(20))) }),
    output: QuizSchema,
  }),
  myProgress: action({
    doc: 'My history, progress per law, points and streak.',
    roles: 'any',
    input: EmptySchema,
    output: ProgressSchema,
  }),
  ranking: action({
    doc: "Towns with participants, by participation rate (distinct participants ÷ the town's women) when every one has that number, else by participants; and, for those who opt in, people by points.",
    roles: 'any',
    input: z.strictObject({ period: z.enum(['month', 'year']) }),
    output: RankingSchema,
  }),
  setRankingOptIn: action({
    doc: 'Opts in to (or out of) the person ranking, shown under a masked name.',
    roles: 'any',
    input: z.strictObject({ optIn: z.boolean() }),
    output: z.strictObject({ optIn: z.boolean() }),
  }),
  listCampaigns: action({
    doc: 'Published campaigns that are running or coming, with my remaining attempts today.',
    roles: 'any',
    input: EmptySchema,
    output: z.strictObject({ campaigns: z.array(CampaignViewSchema) }),
  }),
  reportQuestion: action({
    doc: '纠错: reports a question as wrong, with a reason; one open report per person and question.',
    roles: 'any',
    input: z.strictObject({ questionId: IdSchema, reason: z.enum(REPORT_REASONS), note: z.optional(z.string().check(z.maxLength(200))) }),
    output: z.strictObject({ reportId: z.string() }),
  }),
};
