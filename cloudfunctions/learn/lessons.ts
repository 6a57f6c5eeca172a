import type { learnContract, Law } from '../../shared/contracts/learn';
import { AppError } from '../../shared/result';
import { METRICS } from '../../shared/stats-keys';
import { db } from '../_lib/cloud';
import { COLL } from '../_lib/collections';
import { countEvent, markersOf, readMarkers } from '../_lib/counters';
import { getById, list } from '../_lib/db-helpers';
import type { Handlers } from '../_lib/handler';
import { lessonOf, visibleLessons, type LessonDoc } from '../_lib/lessons';
import { lawsById } from './shared';

/** A law as stored: the content plus counts kept by the seed and staff actions. */
export type LawDoc = Law & { _id: string; lessonCount: number; questionCount?: number };

/** A law as the contract shows it. */
export function lawOf(doc: LawDoc): Law {
  return { id: doc.id, name: doc.name, short: doc.short, version: doc.version, order: doc.order, intro: doc.intro };
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
  async listLaws({ all }, ctx) {
    const [docs, me] = await Promise.all([list<LawDoc>(db.collection(COLL.laws).orderBy('order', 'asc').limit(100)), ctx.profile()]);
    const laws = docs.map((d) => ({ ...lawOf(d), lessonCount: d.lessonCount, questionCount: d.questionCount ?? 0 }));
    // A law with neither lessons nor questions has nothing to learn yet: readers are not offered it.
    return { laws: all ? laws : laws.filter((l) => l.lessonCount > 0 || l.questionCount > 0), askPlace: me.role === 'user' && !me.town && me.placeSkipped !== true };
  },

  async listLessons({ lawId }) {
    const law = await requireLaw(lawId);
    const lessons = await visibleLessons(lawId);
    return {
      law: lawOf(law),
      lessons: lessons.map((d, i) => ({ id: d._id, order: i + 1, title: d.title, summary: d.summary })),
      questionCount: law.questionCount ?? 0,
    };
  },

  async getLesson({ lessonId }, ctx) {
    const read = (lawId: string) => ({ metric: METRICS.lessonRead, person: ctx.openid, at: ctx.now, dims: { law: lawId } });
    const laws = lawsById(ctx.now);
    // Her reading markers for a lesson of any law, read with the lesson: counting it then reads nothing.
    const known = laws.then((all) => readMarkers(markersOf([...all.keys()].map(read))));
    const [lesson, me, lawMap, markers] = await Promise.all([getById<LessonDoc>(COLL.lessons, lessonId), ctx.profile(), laws, known]);
    if (!lesson || lesson.status === 'retired') throw new AppError('NOT_FOUND', '没有找到这一课，它可能已经下架了');
    const law = lawMap.get(lesson.lawId);
    if (!law) throw new AppError('NOT_FOUND', '没有找到这部法律');
    const [siblings] = await Promise.all([visibleLessons(lesson.lawId), countEvent({ ...read(lesson.lawId), town: me.town, village: me.village }, markers)]);
    // Neighbours and the number follow the visible lessons, whatever the stored orders.
    const at = siblings.findIndex((l) => l._id === lesson._id);
    const link = (i: number) => {
      const hit = siblings[i];
      return hit ? { id: hit._id, title: hit.title } : null;
    };
    return { lesson: lessonOf(lesson), law: lawOf(law), number: at + 1, count: siblings.length, prev: at > 0 ? link(at - 1) : null, next: link(at + 1) };
  },
};
