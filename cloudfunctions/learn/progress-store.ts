import type { QuizResult } from '../../shared/contracts/quiz';
import { nextStreak } from '../../shared/domain/quiz';
import { chinaDay } from '../../shared/time';
import { COLL } from '../_lib/collections';
import { config } from '../_lib/config';
import { copyDoc, getById, insert, isDuplicateKey, updateWhere } from '../_lib/db-helpers';
import type { CallContext } from '../_lib/handler';
import type { AttemptDoc } from './shared';

const HISTORY = 20;

/** A person's learning record: one document, so progress reads are one operation. */
export interface ProgressDoc {
  _id: string;
  v: number;
  points: number;
  /** The China day `pointsToday` counts (the daily cap on points). */
  pointsDay?: string | null;
  pointsToday?: number;
  streak: number;
  lastDay: string | null;
  attempts: number;
  perLaw: Record<string, { attempts: number; answered: number; correct: number; bestScore: number }>;
  history: Array<{ attemptId: string; mode: string; title: string; score: number; correct: number; total: number; passed: boolean | null; at: Date }>;
  campaignBest: Record<string, number>;
  rankingOptIn: boolean;
  displayName: string | null;
  townName: string | null;
}

/** An empty record for someone who has not taken a quiz. */
export function emptyProgress(openid: string): ProgressDoc {
  return { _id: openid, v: 0, points: 0, streak: 0, lastDay: null, attempts: 0, perLaw: {}, history: [], campaignBest: {}, rankingOptIn: false, displayName: null, townName: null };
}

/**
 * Applies `change` to a person's progress with optimistic versioning (read, compute, write if the
 * version is unchanged; retry otherwise), so two submissions at once never lose an update.
 * `read`: the document as the caller just read it, for the first try.
 */
export async function updateProgress(openid: string, change: (p: ProgressDoc) => ProgressDoc, read?: { doc: ProgressDoc | null }): Promise<ProgressDoc> {
  for (let tries = 0; tries < 5; tries += 1) {
    // The first try may use a read the caller made together with its other reads.
    const current = tries === 0 && read ? read.doc : ((await getById<ProgressDoc>(COLL.progress, openid)) ?? null);
    const next = change(current ? copyDoc(current) : emptyProgress(openid));
    if (!current) {
      try {
        await insert(COLL.progress, { ...next, v: 1 });
        return { ...next, v: 1 };
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        continue;
      }
    }
    const { _id: _ignored, ...fields } = next;
    if ((await updateWhere(COLL.progress, { _id: openid, v: current.v }, { ...fields, v: current.v + 1 })) > 0) return { ...next, v: current.v + 1 };
  }
  throw new Error('progress update kept conflicting');
}

/**
 * Adds a graded attempt to the person's progress: points (within the day's cap), streak, per-law
 * figures, history. Returns the points awarded.
 */
export async function recordProgress(ctx: CallContext, attempt: AttemptDoc, result: QuizResult, lawOfQuestion: Map<string, string>, read?: { doc: ProgressDoc | null }): Promise<number> {
  const today = chinaDay(ctx.now);
  let awarded = 0;
  await updateProgress(
    ctx.openid,
    (p) => {
      const earnedToday = p.pointsDay === today ? (p.pointsToday ?? 0) : 0;
      awarded = Math.max(0, Math.min(result.pointsEarned, config.learnPointsPerDay - earnedToday));
      p.points += awarded;
      p.pointsDay = today;
      p.pointsToday = earnedToday + awarded;
      p.streak = nextStreak(p.lastDay, today, p.streak);
      p.lastDay = today;
      p.attempts += 1;
      for (const lawId of attempt.lawIds) {
        const mine = result.items.filter((i) => lawOfQuestion.get(i.questionId) === lawId);
        const law = p.perLaw[lawId] ?? { attempts: 0, answered: 0, correct: 0, bestScore: 0 };
        law.attempts += 1;
        law.answered += mine.length;
        law.correct += mine.filter((i) => i.correct).length;
        // A score belongs to a law only when the whole quiz was on it.
        if (attempt.lawIds.length === 1) law.bestScore = Math.max(law.bestScore, result.score);
        p.perLaw[lawId] = law;
      }
      if (attempt.campaignId) p.campaignBest[attempt.campaignId] = Math.max(p.campaignBest[attempt.campaignId] ?? 0, result.score);
      p.history = [{ attemptId: attempt._id, mode: attempt.mode, title: attempt.title, score: result.score, correct: result.correct, total: result.total, passed: result.passed, at: ctx.now }, ...p.history].slice(0, HISTORY);
      return p;
    },
    read,
  );
  return awarded;
}
