import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../server/config';
import type { Host } from '../../server/host';
import { call, dataOf, freshHost, tempDir } from '../support/host';

// CloudBase lets a function call only the open APIs its config.json declares (permissions.openapi),
// and answers -604101 otherwise. The staff bundle deployed without its config.json: the invitation
// is still made, with the code and a hint instead of the 小程序码.
let host: Host;
beforeAll(() => {
  const dir = tempDir('jgfzt-fns-');
  fs.mkdirSync(path.join(dir, 'staff'));
  // A link, so the bundle still finds wx-server-sdk from where it was built; no config.json beside it.
  fs.symlinkSync(path.join(REPO_ROOT, 'dist/cloudfunctions/staff/index.js'), path.join(dir, 'staff/index.js'));
  host = freshHost({ functionsDir: dir });
});
afterAll(() => host.close());

describe('staff without wxacode.getUnlimited declared', () => {
  it('makes the invitation without the 小程序码 and says so in plain words', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const res = await call(host, 'staff', 'createInvitation', { role: 'station', town: 'shuangjiang', village: 'shuangjiang-v1', qr: 'wxacode' }, 'dev-town');
    const inv = dataOf(res);
    expect(inv.code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
    expect(inv.image).toBeNull();
    expect(inv.imageHint).toBe('小程序码暂时生成不了。请对方在小程序「我的 → 工作人员邀请」里输入邀请码。');
    expect(host.openapi.wxacodeRequests()).toHaveLength(0);
    // The function's log says why (and never the code).
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual(['[staff.createInvitation] no 小程序码: errCode -604101']);
    warn.mockRestore();
    expect(dataOf(await call(host, 'staff', 'redeemInvitation', { code: inv.code }, 'st-undeclared'))).toEqual({ role: 'station', placeName: '双江镇示例村一' });
  });
});
