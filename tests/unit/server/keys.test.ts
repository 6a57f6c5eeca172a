import { equalities, indexRows, planQuery, scalarKey } from '../../../server/store/keys';
import type { IndexDecl } from '../../../server/store/types';

const lawOrder: IndexDecl = { name: 'by_law_order', fields: [['lawId', 1], ['order', 1]] };

describe('query planning', () => {
  it('reads by id when the query names one _id or a list of them', () => {
    expect(planQuery({ _id: 'a', x: 1 }, [])).toEqual({ kind: 'ids', ids: ['a'] });
    expect(planQuery({ _id: { $in: ['a', 'b'] } }, [])).toEqual({ kind: 'ids', ids: ['a', 'b'] });
  });

  it('uses the full compound key when every field of an index is fixed', () => {
    expect(planQuery({ lawId: 'x', order: 2 }, [lawOrder])).toEqual({ kind: 'index', idx: 'by_law_order#*', key: 's:x\u0001n:2' });
  });

  it('uses the first field of an index alone when only it is fixed', () => {
    expect(planQuery({ lawId: 'x', order: { $gt: 1 } }, [lawOrder])).toEqual({ kind: 'index', idx: 'by_law_order#1', key: 's:x' });
  });

  it('scans when no index field is fixed', () => {
    expect(planQuery({ order: 1 }, [lawOrder])).toEqual({ kind: 'scan' });
  });

  it('finds equalities inside $and and $eq', () => {
    const eq = equalities({ $and: [{ a: 1 }, { b: { $eq: 'x' } }], c: { $gt: 3 } });
    expect([...eq.entries()]).toEqual([
      ['a', 1],
      ['b', 'x'],
    ]);
  });

  it('keys values by type so 1 and "1" never collide', () => {
    expect(scalarKey(1)).not.toBe(scalarKey('1'));
    expect(scalarKey(new Date(5))).toBe('d:5');
    expect(scalarKey({ a: 1 })).toBeUndefined();
  });

  it('indexes a document under its first field and its full key', () => {
    expect(indexRows(lawOrder, { lawId: 'x', order: 2 })).toEqual([
      { idx: 'by_law_order#1', key: 's:x' },
      { idx: 'by_law_order#*', key: 's:x\u0001n:2' },
    ]);
  });
});
