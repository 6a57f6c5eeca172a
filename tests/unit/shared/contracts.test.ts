import { contracts } from '../../../shared/contracts';
import type { ActionContract } from '../../../shared/contracts/define';
import { ROLES } from '../../../shared/roles';

describe('the contracts', () => {
  const actions = Object.entries(contracts).flatMap(([fn, acts]) => Object.entries(acts as Record<string, ActionContract>).map(([name, spec]) => ({ fn, name, spec })));

  it('give every action a doc line, roles, and input and output schemas', () => {
    expect(actions.length).toBeGreaterThan(0);
    for (const { spec } of actions) {
      expect(spec.doc.length).toBeGreaterThan(5);
      expect(typeof spec.input.safeParse).toBe('function');
      expect(typeof spec.output.safeParse).toBe('function');
      if (spec.roles !== 'any') for (const r of spec.roles) expect(ROLES).toContain(r);
    }
  });

  it('reject unknown input fields, so a smuggled openid or role fails validation', () => {
    for (const { spec } of actions) {
      const r = spec.input.safeParse({ openid: 'x', _openid: 'x', role: 'admin' });
      expect(r.success).toBe(false);
    }
  });
});
