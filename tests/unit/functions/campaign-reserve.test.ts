import { RESERVE_MAX_PER_LAW, reserveQuestions, reserveSize } from '../../../cloudfunctions/_lib/campaigns';

const ids = (law: string, n: number) => Array.from({ length: n }, (_, i) => `${law}-q${String(i + 1).padStart(5, '0')}`);

describe('how many questions a campaign reserves of a law', () => {
  it.each([
    // bank, needed by one attempt, reserved
    [0, 0, 0],
    [1, 1, 1],
    [35, 5, 18], // half the bank
    [35, 30, 30], // what an attempt needs, more than half
    [35, 50, 35], // never more than the bank: the whole law is the campaign's
    [10_000, 10, RESERVE_MAX_PER_LAW], // half of a large bank is more than any draw needs
    [10_000, 50, RESERVE_MAX_PER_LAW],
    [201, 10, RESERVE_MAX_PER_LAW],
  ])('bank %i, an attempt needs %i: %i', (bank, needed, reserved) => {
    expect(reserveSize(bank, needed)).toBe(reserved);
  });
});

describe('the questions a campaign reserves', () => {
  const banks = new Map([
    ['anti-dv', ids('anti-dv', 35)],
    ['minors', ids('minors', 35)],
  ]);

  it('are the same for the same campaign and bank, whatever the bank’s order, and differ between campaigns', () => {
    const a = reserveQuestions('c1', { 'anti-dv': 1, minors: 1 }, 10, banks);
    const shuffled = new Map([...banks].map(([law, list]) => [law, [...list].reverse()]));
    expect(reserveQuestions('c1', { 'anti-dv': 1, minors: 1 }, 10, shuffled)).toEqual(a);
    expect(a['anti-dv']).toHaveLength(18);
    expect(new Set(a['anti-dv']).size).toBe(18);
    expect(reserveQuestions('c2', { 'anti-dv': 1, minors: 1 }, 10, banks)['anti-dv']).not.toEqual(a['anti-dv']);
  });

  it('leave out laws with no weight, and reserve what the draw needs of each law by the ratio', () => {
    const r = reserveQuestions('c1', { 'anti-dv': 9, minors: 1, constitution: 0 }, 40, banks);
    expect(Object.keys(r).sort()).toEqual(['anti-dv', 'minors']);
    expect(r['anti-dv']).toHaveLength(35); // 36 by the ratio, capped by the 35 there are
    expect(r.minors).toHaveLength(18);
  });

  it('kept: a law keeps every reserved id, retired ones too, and gains only what an attempt needs beyond its live ones', () => {
    const first = reserveQuestions('c1', { 'anti-dv': 1 }, 10, banks);
    const kept = first['anti-dv'] ?? [];
    // Staff retired ten of the reserved questions; the count went up to 20.
    const live = (banks.get('anti-dv') ?? []).filter((id) => !kept.slice(0, 10).includes(id));
    const again = reserveQuestions('c1', { 'anti-dv': 1, minors: 1 }, 40, new Map([...banks, ['anti-dv', live]]), first);
    expect(again['anti-dv']?.slice(0, kept.length)).toEqual(kept);
    expect(again['anti-dv']?.filter((id) => live.includes(id))).toHaveLength(20);
    // A law new to the ratio is reserved as a fresh one would be.
    expect(again.minors).toEqual(reserveQuestions('c1', { minors: 1 }, 20, banks).minors);
    // Nothing more needed: unchanged.
    expect(reserveQuestions('c1', { 'anti-dv': 1 }, 5, banks, first)).toEqual(first);
  });

  it('stay small however large the bank: a hundred ids of a law of ten thousand', () => {
    const big = new Map([['anti-dv', ids('anti-dv', 10_000).map((id) => `q${id}0123456789abcdef0123`)]]);
    const r = reserveQuestions('c1', { 'anti-dv': 1 }, 50, big);
    expect(r['anti-dv']).toHaveLength(RESERVE_MAX_PER_LAW);
    expect(JSON.stringify(r).length).toBeLessThan(5_000);
  });
});
