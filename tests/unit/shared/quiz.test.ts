import { isCorrect, nextStreak, optionOrder, quotaByRatio, rngOf, scoreOf, shuffled } from '../../../shared/domain/quiz';

describe('grading', () => {
  const multiple = { type: 'multiple' as const, answer: ['A', 'C', 'D'] };
  const single = { type: 'single' as const, answer: ['B'] };
  const judge = { type: 'judge' as const, answer: ['F'] };

  it('counts a multiple-choice answer right only when it names exactly the right keys, in any order', () => {
    expect(isCorrect(multiple, ['D', 'A', 'C'])).toBe(true);
  });

  it('counts a partly right multiple-choice answer as wrong', () => {
    expect(isCorrect(multiple, ['A', 'C'])).toBe(false);
    expect(isCorrect(multiple, ['A', 'B', 'C', 'D'])).toBe(false);
    expect(isCorrect(multiple, ['A', 'C', 'C'])).toBe(false);
  });

  it('grades single choice on one key only', () => {
    expect(isCorrect(single, ['B'])).toBe(true);
    expect(isCorrect(single, ['A'])).toBe(false);
    expect(isCorrect(single, ['B', 'A'])).toBe(false);
    expect(isCorrect(single, [])).toBe(false);
  });

  it('grades true/false', () => {
    expect(isCorrect(judge, ['F'])).toBe(true);
    expect(isCorrect(judge, ['T'])).toBe(false);
    expect(isCorrect(judge, ['T', 'F'])).toBe(false);
  });

  it('scores out of 100', () => {
    expect(scoreOf(7, 10)).toBe(70);
    expect(scoreOf(2, 3)).toBe(67);
    expect(scoreOf(0, 0)).toBe(0);
  });
});

describe('shuffling', () => {
  it('keeps the same option order for the same attempt and question', () => {
    expect(optionOrder('att-1', 'q-1', ['A', 'B', 'C', 'D'], 'single')).toEqual(optionOrder('att-1', 'q-1', ['A', 'B', 'C', 'D'], 'single'));
  });

  it('varies the order across attempts', () => {
    const orders = new Set(Array.from({ length: 20 }, (_, i) => optionOrder(`att-${i}`, 'q-1', ['A', 'B', 'C', 'D'], 'single').join('')));
    expect(orders.size).toBeGreaterThan(5);
  });

  it('keeps 正确 before 错误 for true/false', () => {
    expect(optionOrder('att-1', 'q-1', ['T', 'F'], 'judge')).toEqual(['T', 'F']);
  });

  it('returns a permutation', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect(shuffled(items, rngOf(7)).sort((a, b) => a - b)).toEqual(items);
  });
});

describe('drawing by ratio', () => {
  it('splits a quiz by the weights', () => {
    expect(quotaByRatio({ a: 50, b: 50 }, { a: 3, b: 1 }, 20)).toEqual({ a: 15, b: 5 });
  });

  it('fills from other laws when one is short, and never exceeds what there is', () => {
    expect(quotaByRatio({ a: 2, b: 50 }, { a: 1, b: 1 }, 10)).toEqual({ a: 2, b: 8 });
    expect(quotaByRatio({ a: 2, b: 3 }, { a: 1, b: 1 }, 10)).toEqual({ a: 2, b: 3 });
  });

  it('hands out the remainder so the total is exact', () => {
    const q = quotaByRatio({ a: 30, b: 30, c: 30 }, { a: 1, b: 1, c: 1 }, 10);
    expect(Object.values(q).reduce((s, n) => s + n, 0)).toBe(10);
  });

  it('ignores laws with no weight or no questions', () => {
    expect(quotaByRatio({ a: 10, b: 0, c: 10 }, { a: 1, b: 5, c: 0 }, 4)).toEqual({ a: 4 });
  });
});

describe('streaks', () => {
  it('grows on consecutive China days, holds within a day and restarts after a gap', () => {
    expect(nextStreak(null, '2026-03-01', 0)).toBe(1);
    expect(nextStreak('2026-02-28', '2026-03-01', 4)).toBe(5);
    expect(nextStreak('2026-03-01', '2026-03-01', 5)).toBe(5);
    expect(nextStreak('2026-02-26', '2026-03-01', 5)).toBe(1);
  });
});
