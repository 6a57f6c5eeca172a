import { NEEDS_REASON, PUBLIC_STATES, SUGGESTION_STATES, TRANSITIONS, canRate, transitionError, type SuggestionState } from '../../../shared/domain/suggestion-status';

const ALLOWED: Array<[SuggestionState, SuggestionState]> = [
  ['pending', 'published'],
  ['pending', 'rejected'],
  ['published', 'accepted'],
  ['accepted', 'in_progress'],
  ['in_progress', 'adopted'],
  ['in_progress', 'declined'],
  ['adopted', 'answered'],
  ['declined', 'answered'],
];

describe('the suggestion state machine', () => {
  it('allows exactly the documented moves, checked over every pair of states', () => {
    for (const from of SUGGESTION_STATES) {
      for (const to of SUGGESTION_STATES) {
        const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
        const err = transitionError(from, to, '有说明');
        expect({ from, to, allowed: err === null }).toEqual({ from, to, allowed });
      }
    }
  });

  it('requires a reason to reject, to decline and to answer', () => {
    expect([...NEEDS_REASON].sort()).toEqual(['answered', 'declined', 'rejected']);
    expect(transitionError('pending', 'rejected', '')).toContain('需要填写说明');
    expect(transitionError('in_progress', 'declined', undefined)).toContain('需要填写说明');
    expect(transitionError('adopted', 'answered', ' ')).toContain('需要填写说明');
    expect(transitionError('pending', 'published', undefined)).toBeNull();
  });

  it('ends in 未通过 and 已答复, from which nothing moves', () => {
    expect(TRANSITIONS.rejected).toEqual([]);
    expect(TRANSITIONS.answered).toEqual([]);
  });

  it('keeps held and rejected suggestions out of public view', () => {
    expect(PUBLIC_STATES.has('pending')).toBe(false);
    expect(PUBLIC_STATES.has('rejected')).toBe(false);
    for (const s of ['published', 'accepted', 'in_progress', 'adopted', 'declined', 'answered'] as const) expect(PUBLIC_STATES.has(s)).toBe(true);
  });

  it('lets the author rate only an answered suggestion', () => {
    for (const s of SUGGESTION_STATES) expect(canRate(s)).toBe(s === 'answered');
  });

  it('reaches 已答复 from 已公开 only through 已受理 and 办理中', () => {
    const reachable = (from: SuggestionState, seen = new Set<SuggestionState>()): Set<SuggestionState> => {
      for (const next of TRANSITIONS[from]) if (!seen.has(next)) reachable(next, seen.add(next));
      return seen;
    };
    expect(reachable('published').has('answered')).toBe(true);
    expect(TRANSITIONS.published).toEqual(['accepted']);
    expect(reachable('rejected').size).toBe(0);
  });
});
