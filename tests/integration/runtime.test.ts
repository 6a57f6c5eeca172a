import * as z from '../../shared/zod';
import { action } from '../../shared/contracts/define';
import { createFunction } from '../../cloudfunctions/_lib/handler';
import { withIdentity } from '../../server/sdk-host';
import type { Host } from '../../server/host';
import { freshHost } from '../support/host';

let host: Host;
beforeAll(() => {
  host = freshHost();
});
afterAll(() => host.close());

// A function built with the real runtime, whose handlers fail in the ways handlers can.
const contract = {
  boom: action({ doc: 'throws an unexpected error', roles: 'any', input: z.strictObject({}), output: z.strictObject({}) }),
  missingCollection: action({ doc: 'reads a collection that does not exist', roles: 'any', input: z.strictObject({}), output: z.strictObject({}) }),
  whoami: action({ doc: 'echoes the context identity', roles: 'any', input: z.strictObject({}), output: z.strictObject({ openid: z.string() }) }),
  staffOnly: action({ doc: 'district staff only', roles: ['district'], input: z.strictObject({}), output: z.strictObject({}) }),
};
const main = createFunction('probe', contract, {
  boom() {
    return Promise.reject(new Error('secret detail at /srv/app/handler.ts:42 phone 13800000000'));
  },
  async missingCollection() {
    const { getById } = await import('../../cloudfunctions/_lib/db-helpers');
    await getById('no_such_collection', 'x');
    return {};
  },
  whoami(_input, ctx) {
    return Promise.resolve({ openid: ctx.openid });
  },
  staffOnly() {
    return Promise.resolve({});
  },
});

const run = (event: unknown, openid: string | null) => withIdentity(openid ? { openid } : null, () => main(event));

describe('the function runtime', () => {
  it('turns an unexpected exception into INTERNAL with no message, stack or path in the reply, and logs it', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await run({ action: 'boom', input: {} }, 'u1');
    expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) as string } });
    const text = JSON.stringify(res);
    expect(text).not.toMatch(/secret|\/srv|handler\.ts|13800000000|at /);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(String(spy.mock.calls[0]?.[0])).toContain('[probe.boom]');
    spy.mockRestore();
  });

  it('reports a database failure (a missing collection) as INTERNAL', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await run({ action: 'missingCollection', input: {} }, 'u1')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(String(spy.mock.calls[0]?.[0])).toMatch(/collection/i);
    spy.mockRestore();
  });

  it('takes identity from the WeChat context only', async () => {
    expect(await run({ action: 'whoami', input: {}, openid: 'forged', _openid: 'forged', userInfo: { openId: 'forged' } }, 'real')).toEqual({
      ok: true,
      data: { openid: 'real' },
    });
  });

  it('checks the role before running a staff action', async () => {
    expect(await run({ action: 'staffOnly', input: {} }, 'dev-learner')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await run({ action: 'staffOnly', input: {}, role: 'district' }, 'dev-learner')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await run({ action: 'staffOnly', input: {} }, 'dev-district')).toEqual({ ok: true, data: {} });
    expect(await run({ action: 'staffOnly', input: {} }, 'dev-admin')).toEqual({ ok: true, data: {} });
  });

  it('treats a missing input as an empty one', async () => {
    expect(await run({ action: 'whoami' }, 'real')).toEqual({ ok: true, data: { openid: 'real' } });
  });
});
