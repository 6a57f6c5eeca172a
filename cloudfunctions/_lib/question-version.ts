import { COLL } from './collections';
import { getById, setById } from './db-helpers';
import { newId } from './ids';

/**
 * The meta document whose `v` changes whenever any question does. Functions keep question
 * documents in memory and check this one small document instead of reading the questions again.
 */
export const QUESTIONS_VERSION_DOC = 'questions';

/** The current version of the questions ('' before the first change is recorded). */
export async function questionsVersion(): Promise<string> {
  return (await getById<{ v?: string }>(COLL.meta, QUESTIONS_VERSION_DOC))?.v ?? '';
}

/**
 * Records that questions changed. Call it after the change is written, never before: a reader that
 * sees the new version must find the new content.
 */
export async function questionsChanged(): Promise<void> {
  await setById(COLL.meta, QUESTIONS_VERSION_DOC, { v: newId('v') });
}
