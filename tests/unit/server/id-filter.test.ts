import { IdFilter } from '../../../server/store/id-filter';

describe('the id filter', () => {
  it('always knows a key it was given, and rarely claims one it was not', () => {
    const filter = new IdFilter(100_000);
    const added = Array.from({ length: 100_000 }, (_, i) => `markers\u0000${(i * 2654435761).toString(16)}-${i}`);
    for (const key of added) filter.add(key);
    expect(added.every((key) => filter.has(key))).toBe(true);
    let wrong = 0;
    for (let i = 0; i < 100_000; i += 1) if (filter.has(`mistakes\u0000other-${i}`)) wrong += 1;
    expect(wrong / 100_000).toBeLessThan(0.02);
    expect(filter.added).toBe(100_000);
  });
});
