import { randomBytes } from 'node:crypto';
import { hashId } from '../_lib/ids';

export { hashId };
import type { Question, Quiz, QuizResult } from '../../shared/contracts/quiz';
import { optionOrder } from '../../shared/domain/quiz';
import { db } from '../_lib/cloud';
import { COLL } from '../_lib/collections';
import { msBetween } from '../../shared/time';
import { list, listByIds } from '../_lib/db-helpers';
import { questionsVersion } from '../_lib/question-version';
import type { LawDoc } from './lessons';

/** A question as stored: the content plus its status in the bank. */
export type QuestionDoc = Question & { _id: string; status: 'active' | 'retired' };
/** The ids of a law's active questions, kept by seed and staff actions, so a draw never scans. */
export interface BankDoc {
  _id: string;
  ids: string[];
}
export type { CampaignDoc } from '../_lib/campaigns';

/** An attempt: what was drawn, in which option order, and, once submitted, the result. */
export interface AttemptDoc {
  _id: string;
  openid: string;
  mode: Quiz['mode'];
  title: string;
  lawIds: string[];
  campaignId: string | null;
  town: string | null;
  village?: string | null;
  questions: Array<{ id: string; order: string[] }>;
  startedAt: Date;
  deadline: Date | null;
  timeLimitSec: number | null;
  passMark: number | null;
  day: string;
  status: 'open' | 'submitted';
  /** Answers already graded one by one (practice and drills): locked, 交卷 counts these. */
  checked?: Record<string, string[]>;
  /** The grading, kept compact: the full result is rebuilt from the questions when read. */
  graded?: GradedDoc;
}

/** A submitted attempt's grading as stored. */
export interface GradedDoc {
  score: number;
  correct: number;
  passed: boolean | null;
  expired: boolean;
  pointsEarned: number;
  submittedAt: Date;
  answers: Array<{ questionId: string; chosen: string[]; correct: boolean }>;
}

/** What is stored of a result. */
export function compactResult(result: QuizResult): GradedDoc {
  return {
    score: result.score,
    correct: result.correct,
    passed: result.passed,
    expired: result.expired,
    pointsEarned: result.pointsEarned,
    submittedAt: new Date(result.submittedAt),
    answers: result.items.map((i) => ({ questionId: i.questionId, chosen: i.chosen, correct: i.correct })),
  };
}

/** The full result of a graded attempt: right answers, explanations and articles from the bank. */
export function expandResult(attempt: AttemptDoc, graded: GradedDoc, questions: Map<string, QuestionDoc>, laws: Map<string, LawDoc>): QuizResult {
  const byQuestion = new Map(graded.answers.map((a) => [a.questionId, a]));
  const items = attempt.questions.flatMap(({ id, order }) => {
    const q = questions.get(id);
    const a = byQuestion.get(id);
    if (!q || !a) return [];
    const byKey = new Map(q.options.map((o) => [o.key, o.text]));
    return [
      {
        questionId: id,
        type: q.type,
        lawShort: laws.get(q.lawId)?.short ?? '',
        stem: q.stem,
        options: order.map((key) => ({ key, text: byKey.get(key) ?? '' })),
        chosen: a.chosen,
        answer: q.answer,
        correct: a.correct,
        explanation: q.explanation,
        article: q.article,
      },
    ];
  });
  return {
    attemptId: attempt._id,
    mode: attempt.mode,
    title: attempt.title,
    lawIds: attempt.lawIds,
    score: graded.score,
    correct: graded.correct,
    total: attempt.questions.length,
    passed: graded.passed,
    passMark: attempt.passMark,
    expired: graded.expired,
    pointsEarned: graded.pointsEarned,
    items,
    submittedAt: graded.submittedAt.toISOString(),
  };
}

/** A random attempt id. */
export function newAttemptId(): string {
  return `a${randomBytes(12).toString('hex')}`;
}

/** Picks `n` distinct items at random (crypto-random: draws must not be predictable). */
export function pick<T>(items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) {
    const i = randomBytes(4).readUInt32BE(0) % pool.length;
    out.push(pool.splice(i, 1)[0] as T);
  }
  return out;
}

/** Question documents this instance has read, valid for one version of the questions. */
interface QuestionCache {
  version: string;
  at: number;
  docs: Map<string, QuestionDoc>;
}
let questionCache: QuestionCache | undefined;
/** A backstop for changes made outside the functions (a console import): re-read after this long. */
const QUESTION_CACHE_MS = 10 * 60_000;
const QUESTION_CACHE_MAX = 5_000;

/**
 * Question documents by id, in the order asked (missing ones left out). Kept in memory per
 * function instance and checked against the questions' version on every call: one small read
 * instead of ten full questions, with the current content always. `knownVersion`: the version
 * just read by the caller (read it with its other first reads to save a round trip).
 */
export async function questionsByIds(ids: readonly string[], now: Date, knownVersion?: string): Promise<QuestionDoc[]> {
  // The version may come from a read made together with the call's first ones.
  const version = knownVersion ?? (await questionsVersion());
  let cache = questionCache;
  if (!cache || cache.version !== version || msBetween(cache.at, now) > QUESTION_CACHE_MS || cache.docs.size > QUESTION_CACHE_MAX) {
    cache = { version, at: now.getTime(), docs: new Map() };
    questionCache = cache;
  }
  const docs = cache.docs;
  const missing = [...new Set(ids)].filter((id) => !docs.has(id));
  // Filled into the cache of the version read above, even if a newer one replaced it meanwhile.
  for (let i = 0; i < missing.length; i += 100) {
    for (const q of await listByIds<QuestionDoc>(COLL.questions, missing.slice(i, i + 100))) docs.set(q._id, q);
  }
  return ids.map((id) => docs.get(id)).filter((q): q is QuestionDoc => q !== undefined);
}

let lawCache: { at: number; laws: Map<string, LawDoc> } | undefined;

/** The laws by id, cached for a minute per function instance (they change rarely). */
export async function lawsById(now: Date): Promise<Map<string, LawDoc>> {
  if (lawCache && msBetween(lawCache.at, now) < 60_000) return lawCache.laws;
  const docs = await list<LawDoc>(db.collection(COLL.laws).orderBy('order', 'asc').limit(100));
  lawCache = { at: now.getTime(), laws: new Map(docs.map((d) => [d._id, d])) };
  return lawCache.laws;
}

/** The quiz payload of an attempt: options in the attempt's order, no answer key. */
export function quizOf(attempt: AttemptDoc, questions: Map<string, QuestionDoc>, laws: Map<string, LawDoc>): Quiz {
  return {
    attemptId: attempt._id,
    mode: attempt.mode,
    title: attempt.title,
    deadline: attempt.deadline ? attempt.deadline.toISOString() : null,
    timeLimitSec: attempt.timeLimitSec,
    passMark: attempt.passMark,
    questions: attempt.questions.flatMap(({ id, order }) => {
      const q = questions.get(id);
      if (!q) return [];
      const byKey = new Map(q.options.map((o) => [o.key, o.text]));
      return [
        {
          id,
          type: q.type,
          lawId: q.lawId,
          lawShort: laws.get(q.lawId)?.short ?? '',
          stem: q.stem,
          options: order.map((key) => ({ key, text: byKey.get(key) ?? '' })),
        },
      ];
    }),
  };
}

/** The stored shape of an attempt's questions, with options shuffled for this attempt. */
export function drawnQuestions(attemptId: string, questions: QuestionDoc[]): AttemptDoc['questions'] {
  return questions.map((q) => ({ id: q._id, order: optionOrder(attemptId, q._id, q.options.map((o) => o.key), q.type) }));
}

/** A question as the contract shows it (answer included: only after grading or in the mistake book). */
export function questionOf(doc: QuestionDoc): Question {
  const q: Question = {
    id: doc._id,
    lawId: doc.lawId,
    type: doc.type,
    stem: doc.stem,
    options: doc.options,
    answer: doc.answer,
    explanation: doc.explanation,
    article: doc.article,
    difficulty: doc.difficulty,
    checked: doc.checked,
  };
  if (doc.lessonId) q.lessonId = doc.lessonId;
  return q;
}
