import { ERROR_CODES, fail, ok } from '../../../shared/result';
import { roleAllowed } from '../../../shared/roles';

describe('the result envelope', () => {
  it('wraps data on success', () => {
    expect(ok({ a: 1 })).toEqual({ ok: true, data: { a: 1 } });
  });

  it('carries issues only when there are some', () => {
    expect(fail('NOT_FOUND', 'x')).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'x' } });
    expect(fail('INVALID_INPUT', 'x', [{ path: 'a', message: 'm' }]).error.issues).toHaveLength(1);
  });

  it('documents every error code in one line', () => {
    for (const [code, doc] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[A-Z_]+$/);
      expect(doc.length).toBeGreaterThan(10);
    }
  });
});

describe('role checks', () => {
  it('lets anyone call an action open to any', () => {
    expect(roleAllowed('user', 'any')).toBe(true);
  });

  it('refuses a user a staff action and lets admin call everything', () => {
    expect(roleAllowed('user', ['district'])).toBe(false);
    expect(roleAllowed('station', ['district'])).toBe(false);
    expect(roleAllowed('district', ['district'])).toBe(true);
    expect(roleAllowed('admin', ['district'])).toBe(true);
    expect(roleAllowed('admin', ['user'])).toBe(true);
  });
});
