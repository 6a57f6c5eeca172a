import type { Lesson } from '../../shared/contracts/content';
import { _, db } from './cloud';
import { COLL } from './collections';
import { countWhere, list, updateById } from './db-helpers';

/** A lesson as stored: the content, and who removed it and when once staff removed it. */
export type LessonDoc = Lesson & { _id: string; status?: 'retired'; retiredAt?: Date; retiredBy?: string; retiredByName?: string };

/** A lesson as the contracts show it (the stored record's bookkeeping left out). */
export function lessonOf(doc: LessonDoc): Lesson {
  return {
    id: doc.id,
    lawId: doc.lawId,
    order: doc.order,
    title: doc.title,
    summary: doc.summary,
    body: doc.body,
    articles: doc.articles,
    case: doc.case,
    actions: doc.actions,
    contacts: doc.contacts,
    checked: doc.checked,
  };
}

/** A law's lessons readers see (not removed), in order, without their full text. */
export function visibleLessons(lawId: string): Promise<Array<{ _id: string; order: number; title: string; summary: string }>> {
  return list(
    db
      .collection(COLL.lessons)
      .where({ lawId, status: _.neq('retired') })
      .orderBy('order', 'asc')
      .field({ _id: true, order: true, title: true, summary: true })
      .limit(100),
  );
}

/** Sets a law's count of visible lessons (what the 学法 tab shows). */
export async function recountLessons(lawId: string): Promise<void> {
  await updateById(COLL.laws, lawId, { lessonCount: await countWhere(COLL.lessons, { lawId, status: _.neq('retired') }) });
}
