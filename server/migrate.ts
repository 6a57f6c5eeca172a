import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Doc, IndexDecl, Store, Write } from './store/types';
import { DEV_PEOPLE } from './dev-people';
import { REPO_ROOT } from './config';

interface CollectionDecl {
  name: string;
  personal: boolean;
  rules: { read: boolean; write: boolean };
  indexes: Array<{ name: string; fields: Array<[string, 1 | -1]> }>;
}

const readJson = <T>(rel: string): T => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, rel), 'utf8')) as T;

/** The collections declared for CloudBase, with indexes and rules. */
export function declaredCollections(): CollectionDecl[] {
  return readJson<{ collections: CollectionDecl[] }>('cloudbase/database.json').collections;
}

/** Collections the local host needs beyond the declared ones (local open-API engines). */
const LOCAL_ONLY: Array<{ name: string; indexes: IndexDecl[] }> = [{ name: 'subscriptions', indexes: [] }];

/** The host's own collections: not on CloudBase, so out of the functions' reach (-502005). */
export const HOST_ONLY_COLLECTIONS: readonly string[] = LOCAL_ONLY.map((c) => c.name);

/** Creates every declared collection that is missing (CloudBase refuses writes to missing ones). */
export function migrate(store: Store): string[] {
  const created: string[] = [];
  for (const c of [...declaredCollections(), ...LOCAL_ONLY]) {
    if (store.hasCollection(c.name)) continue;
    store.createCollection(c.name, c.indexes);
    created.push(c.name);
  }
  return created;
}

interface LawJson {
  id: string;
  order: number;
  [k: string]: unknown;
}
interface LessonJson {
  id: string;
  lawId: string;
  [k: string]: unknown;
}
interface RegionsJson {
  towns: Array<{ id: string; [k: string]: unknown }>;
}

interface QuestionJson {
  id: string;
  lawId: string;
  [k: string]: unknown;
}

/** The question bank in shared/content/questions, for the laws that have a file. */
export function seededQuestions(laws: LawJson[]): QuestionJson[] {
  const dir = path.join(REPO_ROOT, 'shared/content/questions');
  const out: QuestionJson[] = [];
  for (const law of laws) {
    const file = path.join(dir, `${law.id}.json`);
    if (fs.existsSync(file)) out.push(...(JSON.parse(fs.readFileSync(file, 'utf8')) as QuestionJson[]));
  }
  return out;
}

/** The bank documents (active question ids per law, and 'all') computed from the stored questions. */
export function bankDocs(store: Store): Write[] {
  const byLaw = new Map<string, string[]>();
  const all: string[] = [];
  for (const q of store.candidates('questions', {})) {
    if (q.status !== 'active') continue;
    const lawId = String(q.lawId);
    byLaw.set(lawId, [...(byLaw.get(lawId) ?? []), q._id]);
    all.push(q._id);
  }
  const stale = store.candidates('bank', {}).filter((b) => b._id !== 'all' && !byLaw.has(b._id));
  return [
    ...[...byLaw].map(([lawId, ids]) => ({ coll: 'bank', id: lawId, doc: { _id: lawId, ids: ids.sort() } })),
    { coll: 'bank', id: 'all', doc: { _id: 'all', ids: all.sort() } },
    ...stale.map((b) => ({ coll: 'bank', id: b._id, doc: null })),
  ];
}

/**
 * The laws with their counts of visible lessons and active questions as stored (staff may have
 * added, removed or restored some since the content was seeded).
 */
export function lawCountDocs(store: Store): Write[] {
  const lessons = new Map<string, number>();
  for (const l of store.candidates('lessons', {})) if (l.status !== 'retired') lessons.set(String(l.lawId), (lessons.get(String(l.lawId)) ?? 0) + 1);
  const questions = new Map<string, number>();
  for (const q of store.candidates('questions', {})) if (q.status === 'active') questions.set(String(q.lawId), (questions.get(String(q.lawId)) ?? 0) + 1);
  return store.candidates('laws', {}).map((law) => ({ coll: 'laws', id: law._id, doc: { ...law, lessonCount: lessons.get(law._id) ?? 0, questionCount: questions.get(law._id) ?? 0 } }));
}

/** The content documents seeded from `shared/content` (laws, lessons, regions). */
export function contentDocs(): Write[] {
  const laws = readJson<LawJson[]>('shared/content/laws.json');
  const lessonDir = path.join(REPO_ROOT, 'shared/content/lessons');
  const lessons: LessonJson[] = [];
  for (const law of laws) {
    const file = path.join(lessonDir, `${law.id}.json`);
    if (fs.existsSync(file)) lessons.push(...(JSON.parse(fs.readFileSync(file, 'utf8')) as LessonJson[]));
  }
  const regions = readJson<RegionsJson>('shared/content/regions.json');
  const questions = seededQuestions(laws);
  const writes: Write[] = [];
  for (const law of laws) {
    const lessonCount = lessons.filter((l) => l.lawId === law.id).length;
    const questionCount = questions.filter((q) => q.lawId === law.id).length;
    if (lessonCount > 0 || questionCount > 0) writes.push({ coll: 'laws', id: law.id, doc: { ...law, _id: law.id, lessonCount, questionCount } });
  }
  for (const q of questions) writes.push({ coll: 'questions', id: q.id, doc: { ...q, _id: q.id, status: 'active', origin: 'seed' } });
  for (const lesson of lessons) writes.push({ coll: 'lessons', id: lesson.id, doc: { ...lesson, _id: lesson.id } });
  regions.towns.forEach((town, order) => writes.push({ coll: 'regions', id: town.id, doc: { ...town, _id: town.id, order } }));
  return writes;
}

/**
 * Seeds content whenever it changed (by hash; user data untouched) and, in local mode, the sample
 * people once. Outside local mode the sample people, and the roles they carry, are removed.
 * Returns what it did.
 */
export function seed(store: Store, now: Date = new Date(), samplePeople = true): { content: boolean; people: boolean } {
  const writes = contentDocs();
  const hash = createHash('sha256').update(JSON.stringify(writes)).digest('hex');
  const meta = store.get('meta', 'content')?.doc as { hash?: string } | undefined;
  const result = { content: false, people: false };
  if (meta?.hash !== hash) {
    const keep = new Set(writes.map((w) => `${w.coll}\u0000${w.id}`));
    const stale: Write[] = [];
    for (const coll of ['laws', 'lessons']) {
      for (const doc of store.candidates(coll, {})) {
        // Lessons staff wrote themselves are theirs, not the content's.
        if (coll === 'lessons' && doc.updatedBy !== undefined) continue;
        if (!keep.has(`${coll}\u0000${doc._id}`)) stale.push({ coll, id: doc._id, doc: null });
      }
    }
    // Questions and lessons staff have edited, removed or retired keep the staff's version.
    const fresh = writes.filter((w) => {
      if (w.coll === 'questions') {
        const current = store.get('questions', w.id)?.doc;
        return !current || (current.editedAt === undefined && current.retiredAt === undefined);
      }
      if (w.coll === 'lessons') return store.get('lessons', w.id)?.doc.updatedBy === undefined;
      return true;
    });
    // The questions' version moves with them (functions cache questions by it).
    const questionsVersion = { coll: 'meta', id: 'questions', doc: { _id: 'questions', v: `seed-${randomBytes(8).toString('hex')}` } };
    store.commitSync([...fresh, ...stale, questionsVersion, { coll: 'meta', id: 'content', doc: { _id: 'content', hash, seededAt: now } }]);
    store.commitSync(bankDocs(store));
    store.commitSync(lawCountDocs(store));
    result.content = true;
  }
  if (!samplePeople) {
    const present = DEV_PEOPLE.filter((p) => store.get('users', p.openid));
    if (present.length > 0 || store.get('meta', 'people')) {
      store.commitSync([...present.map((p) => ({ coll: 'users', id: p.openid, doc: null })), { coll: 'meta', id: 'people', doc: null }]);
    }
    return result;
  }
  if (!store.get('meta', 'people')) {
    const people: Write[] = DEV_PEOPLE.map((p) => {
      const doc: Doc = { _id: p.openid, role: p.role, name: p.name, town: p.town ?? null, village: p.village ?? null, createdAt: now };
      return { coll: 'users', id: p.openid, doc };
    });
    store.commitSync([...people, { coll: 'meta', id: 'people', doc: { _id: 'people', seededAt: now } }]);
    result.people = true;
  }
  return result;
}
