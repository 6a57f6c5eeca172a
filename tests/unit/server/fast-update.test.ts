import { update as mingoUpdate } from 'mingo';
import { fastUpdate } from '../../../server/store/fast-update';

type Plain = Record<string, unknown>;

// The fast path must give exactly what mingo's full updater gives, or decline.
const cases: Array<{ name: string; doc: Plain; ops: Plain }> = [
  { name: 'sets a top-level field', doc: { _id: 'a', n: 1 }, ops: { $set: { n: 2 } } },
  { name: 'sets a nested field, creating parents', doc: { _id: 'a' }, ops: { $set: { 'towns.guxi.times': 1 } } },
  { name: 'increments existing and missing counters', doc: { _id: 'a', times: 4, towns: { x: { times: 1 } } }, ops: { $inc: { times: 1, 'towns.x.times': 1, 'towns.y.times': 1 } } },
  { name: 'unsets a nested field', doc: { _id: 'a', a: { b: 1, c: 2 } }, ops: { $unset: { 'a.b': '' } } },
  { name: 'pushes each value onto an array, creating it', doc: { _id: 'a', list: ['p'] }, ops: { $push: { list: { $each: ['q', 'r'] }, other: { $each: [1] } } } },
  { name: 'combines operators', doc: { _id: 'a', n: 1, when: 'x' }, ops: { $set: { when: 'y' }, $inc: { n: -1 } } },
];

describe('the fast updater', () => {
  for (const c of cases) {
    it(`${c.name}, as mingo does`, () => {
      const fast = structuredClone(c.doc);
      const slow = structuredClone(c.doc);
      expect(fastUpdate(fast, structuredClone(c.ops)).applied).toBe(true);
      mingoUpdate(slow, structuredClone(c.ops));
      expect(fast).toEqual(slow);
    });
  }

  it('replaces one date with another', () => {
    const doc: Plain = { _id: 'a', when: new Date(0) };
    expect(fastUpdate(doc, { $set: { when: new Date(5) } })).toEqual({ applied: true, changed: true });
    expect(doc.when).toEqual(new Date(5));
  });

  it('declines operators it does not implement and leaves the document untouched', () => {
    const doc = { _id: 'a', n: 1, list: [1, 2] };
    expect(fastUpdate(doc, { $pull: { list: 1 } }).applied).toBe(false);
    expect(fastUpdate(doc, { $set: { 'list.0': 5 } }).applied).toBe(false);
    expect(fastUpdate(doc, { $inc: { n: 1 }, $push: { n: { $each: [1] } } }).applied).toBe(false);
    expect(doc).toEqual({ _id: 'a', n: 1, list: [1, 2] });
  });

  it('declines what MongoDB refuses: a path through null, $inc on null, $push on a non-array, a conflict, _id', () => {
    const doc = { _id: 'a', note: null, n: null, tags: 'x', m: 1 };
    expect(fastUpdate(doc, { $set: { 'note.kid': 'k' } }).applied).toBe(false);
    expect(fastUpdate(doc, { $inc: { n: 1 } }).applied).toBe(false);
    expect(fastUpdate(doc, { $push: { tags: { $each: [1] } } }).applied).toBe(false);
    expect(fastUpdate(doc, { $inc: { m: 1 }, $set: { 'm.x': 1 } }).applied).toBe(false);
    expect(fastUpdate(doc, { $set: { _id: 'b' } }).applied).toBe(false);
    expect(doc).toEqual({ _id: 'a', note: null, n: null, tags: 'x', m: 1 });
  });

  it('declines to walk through a non-object', () => {
    const doc = { _id: 'a', s: 'text' };
    expect(fastUpdate(doc, { $set: { 's.x': 1 } }).applied).toBe(false);
    expect(doc).toEqual({ _id: 'a', s: 'text' });
  });
});

describe('what counts as modified', () => {
  it('counts a $set to the same value as no change, and an increment as a change', () => {
    expect(fastUpdate({ _id: 'a', n: 1, d: new Date(3) }, { $set: { n: 1, d: new Date(3) } })).toEqual({ applied: true, changed: false });
    expect(fastUpdate({ _id: 'a', n: 1 }, { $inc: { n: 1 } })).toEqual({ applied: true, changed: true });
    expect(fastUpdate({ _id: 'a', n: 1 }, { $inc: { n: 0 } })).toEqual({ applied: true, changed: false });
    expect(fastUpdate({ _id: 'a' }, { $unset: { gone: '' } })).toEqual({ applied: true, changed: false });
  });
});

describe('copy on write', () => {
  it('never changes objects shared with the original document', () => {
    const original = { _id: 'a', towns: { x: { times: 1 }, y: { times: 5 } }, list: [1] };
    const snapshot = JSON.stringify(original);
    const copy: Record<string, unknown> = { ...original };
    expect(fastUpdate(copy, { $inc: { 'towns.x.times': 1, 'towns.z.times': 1 }, $push: { list: { $each: [2] } } }).applied).toBe(true);
    expect(JSON.stringify(original)).toBe(snapshot);
    expect(copy).toEqual({ _id: 'a', towns: { x: { times: 2 }, y: { times: 5 }, z: { times: 1 } }, list: [1, 2] });
    // Untouched branches are shared, not copied.
    expect((copy.towns as Record<string, unknown>).y).toBe(original.towns.y);
  });
});
