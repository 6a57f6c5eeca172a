import { Query } from 'mingo';
import { simpleConditions, testSimple } from '../../../server/store/simple-query';
import type { Doc } from '../../../server/store/types';

// The engine answers plain equality, $ne and $in without mingo; where it answers, it must agree
// with mingo (MongoDB's semantics) on every document, and it must decline what it cannot decide.
const docs: Doc[] = [
  { _id: 'a', status: 'open', n: 1, active: true, tag: null },
  { _id: 'b', status: 'submitted', n: 2, active: false },
  { _id: 'c', n: 0, active: true, tag: 'x', list: ['open', 'x'] },
  { _id: 'd', status: 'open', n: 1.5, obj: { k: 1 }, when: new Date(0) },
  { _id: 'e', status: '1', n: Number.NaN, active: 1 },
];

const queries: Array<Record<string, unknown>> = [
  { status: 'open' },
  { _id: 'a', status: 'open' },
  { _id: { $in: ['a', 'b', 'z'] }, active: true },
  { _id: { $in: ['a', 'c'] }, lastAttemptId: { $ne: 'att-1' } },
  { tag: null },
  { tag: { $ne: null } },
  { status: { $ne: 'open' } },
  { n: { $in: [1, 2] } },
  { n: 1, status: { $eq: 'open' } },
  { active: true },
  { status: { $in: [null, 'submitted'] } },
  { list: 'x' },
  { obj: { $ne: 3 } },
];

describe('simple queries', () => {
  it.each(queries.map((q) => [JSON.stringify(q), q] as const))('%s agrees with mingo wherever it decides', (_text, query) => {
    const conditions = simpleConditions(query);
    expect(conditions).not.toBeNull();
    const mingo = new Query(query);
    for (const doc of docs) {
      const verdict = testSimple(doc, conditions ?? []);
      if (verdict !== undefined) expect({ id: doc._id, verdict }).toEqual({ id: doc._id, verdict: mingo.test(doc) });
    }
  });

  it('leaves arrays, objects and dates in the document to mingo', () => {
    expect(testSimple(docs[2] as Doc, simpleConditions({ list: 'x' }) ?? [])).toBeUndefined();
    expect(testSimple(docs[3] as Doc, simpleConditions({ obj: { $ne: 3 } }) ?? [])).toBeUndefined();
  });

  it.each([{ $or: [{ a: 1 }] }, { 'scope.town': 'x' }, { n: { $gt: 1 } }, { n: { $in: [1, Number.NaN] } }, { when: new Date(0) }, { s: /x/ }, { a: { $eq: 1, $ne: 2 } }])(
    'declines %p',
    (query) => {
      expect(simpleConditions(query as Record<string, unknown>)).toBeNull();
    },
  );
});
