import type { learnContract, Law, Lesson } from '../../shared/contracts/learn';
import { AppError } from '../../shared/result';
import { METRICS } from '../../shared/stats-keys';
import { db } from '../_lib/cloud';
import { COLL } from '../_lib/collections';
import { countEvent, markersOf, readMarkers } from '../_lib/counters';
import { getById, list } from '../_lib/db-helpers';
import type { Handlers } from '../_lib/handler';
import { lawsById } from './shared';

/** A law as stored: the content plus counts kept by the seed and staff actions. */
export type LawDoc = Law & { _id: string; lessonCount: number; questionCount?: number };
type LessonDoc = Lesson & { _id: string };

/** A law as the contract shows it. */
export function lawOf(doc: LawDoc): Law {
  return { id: doc.id, name: doc.name, short: doc.short, version: doc.version, order: doc.order, intro: doc.intro };
}

function lessonOf(doc: LessonDoc): Lesson {
  const { _id: _ignored, ...lesson } = doc;
  return lesson;
}

/** The law, or NOT_FOUND. */
export async function requireLaw(lawId: string): Promise<LawDoc> {
  const law = await getById<LawDoc>(COLL.laws, lawId);
  if (!law) throw new AppError('NOT_FOUND', '没有找到这部法律');
  return law;
}

type L = Handlers<typeof learnContract>;

/** Lessons: the laws, their lessons, and reading one (counted). */
export const lessonHandlers: Pick<L, 'listLaws' | 'listLessons' | 'getLesson'> = {
  async listLaws() {
    const docs = await list<LawDoc>(db.collection(COLL.laws).orderBy('order', 'asc').limit(100));
    const laws = docs.map((d) => ({ ...lawOf(d), lessonCount: d.lessonCount }));
    return { laws };
  },

  async listLessons({ lawId }) {
    const law = await requireLaw(lawId);
    const docs = await list<{ _id: string; order: number; title: string; summary: string }>(
      db.collection(COLL.lessons).where({ lawId }).orderBy('order', 'asc').field({ _id: true, order: true, title: true, summary: true }).limit(100),
    );
    const lessons = docs.map((d) => ({
      id: d._id,
      order: d.order,
      title: d.title,
      summary: d.summary,
    }));
    return { law: lawOf(law), lessons };
  },

  async getLesson({ lessonId }, ctx) {
    const read = (lawId: string) => ({ metric: METRICS.lessonRead, person: ctx.openid, at: ctx.now, dims: { law: lawId } });
    const laws = lawsById(ctx.now);
    // Her reading markers for a lesson of any law, read with the lesson: counting it then reads nothing.
    const known = laws.then((all) => readMarkers(markersOf([...all.keys()].map(read))));
    const [lesson, me, lawMap, markers] = await Promise.all([getById<LessonDoc>(COLL.lessons, lessonId), ctx.profile(), laws, known]);
    if (!lesson) throw new AppError('NOT_FOUND', '没有找到这一课');
    const law = lawMap.get(lesson.lawId);
    if (!law) throw new AppError('NOT_FOUND', '没有找到这部法律');
    const [siblings] = await Promise.all([
      list<{ _id: string; order: number; title: string }>(db.collection(COLL.lessons).where({ lawId: lesson.lawId }).field({ _id: true, order: true, title: true }).limit(100)),
      countEvent({ ...read(lesson.lawId), town: me.town, village: me.village }, markers),
    ]);
    const link = (order: number) => {
      const hit = siblings.find((l) => l.order === order);
      return hit ? { id: hit._id, title: hit.title } : null;
    };
    return { lesson: lessonOf(lesson), law: lawOf(law), prev: link(lesson.order - 1), next: link(lesson.order + 1) };
  },
};
