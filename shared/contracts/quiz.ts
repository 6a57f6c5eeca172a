import * as z from '../zod';
import { QUESTION_TYPES } from '../domain/quiz';
import { ArticleSchema } from './content';
import { IdSchema } from './common';

/** An option of a question as shown: its key (stable across shuffles) and text. */
export const OptionSchema = z.strictObject({
  key: z.string().check(z.regex(/^[A-FT]$/)),
  text: z.string().check(z.minLength(1), z.maxLength(200)),
});

/** A question as stored in content and the bank, answer key included: never sent before grading. */
export const QuestionSchema = z.strictObject({
  id: IdSchema,
  lawId: IdSchema,
  type: z.enum(QUESTION_TYPES),
  stem: z.string().check(z.minLength(4), z.maxLength(300)),
  options: z.array(OptionSchema).check(z.minLength(2), z.maxLength(6)),
  answer: z.array(z.string().check(z.regex(/^[A-FT]$/))).check(z.minLength(1), z.maxLength(6)),
  explanation: z.string().check(z.minLength(4), z.maxLength(600)),
  article: ArticleSchema,
  lessonId: z.optional(IdSchema),
  difficulty: z.int().check(z.minimum(1), z.maximum(3)),
  checked: z.string().check(z.minLength(1)),
});
export type Question = z.infer<typeof QuestionSchema>;

/** The consistency rules a question must meet beyond its shape; returns the problems in Chinese. */
export function questionProblems(q: Pick<Question, 'type' | 'options' | 'answer'>): string[] {
  const problems: string[] = [];
  const keys = q.options.map((o) => o.key);
  if (new Set(keys).size !== keys.length) problems.push('选项字母重复');
  if (q.type === 'judge') {
    if (keys.join(',') !== 'T,F') problems.push('判断题的选项应为“正确”“错误”');
    if (q.answer.length !== 1) problems.push('判断题只能有一个答案');
  } else {
    if (q.options.length < 3) problems.push('选择题至少需要三个选项');
    if (keys.some((k) => k === 'T')) problems.push('选择题选项字母应为 A–F');
  }
  if (q.type === 'single' && q.answer.length !== 1) problems.push('单选题只能有一个答案');
  if (q.type === 'multiple' && q.answer.length < 2) problems.push('多选题至少有两个正确答案');
  if (new Set(q.answer).size !== q.answer.length) problems.push('答案重复');
  for (const a of q.answer) if (!keys.includes(a)) problems.push(`答案 ${a} 不在选项中`);
  return problems;
}

/** A question as a quiz shows it: options in this attempt's order, no answer, no explanation. */
export const QuizQuestionSchema = z.strictObject({
  id: IdSchema,
  type: z.enum(QUESTION_TYPES),
  lawId: IdSchema,
  lawShort: z.string(),
  stem: z.string(),
  options: z.array(OptionSchema),
});
export type QuizQuestion = z.infer<typeof QuizQuestionSchema>;

export const QUIZ_MODES = ['practice', 'campaign', 'daily', 'drill'] as const;

/** A quiz ready to answer. */
export const QuizSchema = z.strictObject({
  attemptId: IdSchema,
  mode: z.enum(QUIZ_MODES),
  title: z.string(),
  questions: z.array(QuizQuestionSchema),
  /** ISO time after which answers are no longer accepted; null without a time limit. */
  deadline: z.nullable(z.string()),
  timeLimitSec: z.nullable(z.int()),
  passMark: z.nullable(z.int()),
});
export type Quiz = z.infer<typeof QuizSchema>;

/** One graded question of a result. */
export const GradedItemSchema = z.strictObject({
  questionId: IdSchema,
  type: z.enum(QUESTION_TYPES),
  lawShort: z.string(),
  stem: z.string(),
  options: z.array(OptionSchema),
  chosen: z.array(z.string()),
  answer: z.array(z.string()),
  correct: z.boolean(),
  explanation: z.string(),
  article: ArticleSchema,
});

/** A graded attempt. */
export const QuizResultSchema = z.strictObject({
  attemptId: IdSchema,
  mode: z.enum(QUIZ_MODES),
  title: z.string(),
  /** The laws the attempt drew from (one for a practice quiz: 再练一次 needs no lookup). */
  lawIds: z.array(IdSchema),
  score: z.int(),
  correct: z.int(),
  total: z.int(),
  passed: z.nullable(z.boolean()),
  passMark: z.nullable(z.int()),
  /** Submitted after the time limit: nothing counts as answered. */
  expired: z.boolean(),
  pointsEarned: z.int(),
  items: z.array(GradedItemSchema),
  submittedAt: z.string(),
});
export type QuizResult = z.infer<typeof QuizResultSchema>;

/** A result read again later: also the name for its certificate, masked (李*), null when she gave none. */
export const StoredResultSchema = z.strictObject({ ...QuizResultSchema.shape, holderName: z.nullable(z.string()) });

/** One answer graded at once: what counts (the first answer given), whether it is right, and why. */
export const CheckedAnswerSchema = z.strictObject({
  questionId: IdSchema,
  chosen: z.array(z.string()),
  answer: z.array(z.string()),
  correct: z.boolean(),
  explanation: z.string(),
  article: ArticleSchema,
});
export type CheckedAnswer = z.infer<typeof CheckedAnswerSchema>;

export const AnswerSchema = z.strictObject({
  questionId: IdSchema,
  keys: z.array(z.string().check(z.regex(/^[A-FT]$/))).check(z.maxLength(6)),
});

/** A campaign (答题活动) as users see it. */
export const CampaignSchema = z.strictObject({
  id: IdSchema,
  title: z.string().check(z.minLength(2), z.maxLength(40)),
  description: z.string().check(z.maxLength(500)),
  startsAt: z.string(),
  endsAt: z.string(),
  dailyCap: z.int().check(z.minimum(1), z.maximum(20)),
  questionCount: z.int().check(z.minimum(1), z.maximum(50)),
  ratio: z.record(IdSchema, z.number().check(z.minimum(0), z.maximum(100))),
  passMark: z.int().check(z.minimum(0), z.maximum(100)),
  timeLimitSec: z.nullable(z.int().check(z.minimum(30), z.maximum(7200))),
  published: z.boolean(),
});
export type Campaign = z.infer<typeof CampaignSchema>;

export const REPORT_REASONS = ['答案有误', '法条引用有误', '题目表述不清', '其他'] as const;
