import fs from 'node:fs';
import { hashId } from '../../cloudfunctions/_lib/ids';
import type { Host } from '../../server/host';
import { appPages } from '../../server/openapi/wxacode';
import { call, dataOf, freshHost } from '../support/host';

let host: Host;
beforeAll(() => {
  host = freshHost();
  host.store.commitSync([
    { coll: 'users', id: 'town-zitong', doc: { _id: 'town-zitong', role: 'town', name: '梓潼街道妇联', town: 'zitong', village: null, createdAt: new Date() } },
    { coll: 'users', id: 'admin-two', doc: { _id: 'admin-two', role: 'admin', name: '第二位管理员', town: null, village: null, createdAt: new Date() } },
  ]);
});
afterAll(() => host.close());

const invite = (by: string, input: Record<string, unknown>) => call(host, 'staff', 'createInvitation', input, by);
/** "CODE message" of a refusal, or "ok". */
const errorOf = (res: { ok: boolean; error?: { code: string; message: string } }) => (res.ok ? 'ok' : `${res.error?.code ?? ''} ${res.error?.message ?? ''}`);
const codeOf = async (by: string, input: Record<string, unknown>) => dataOf(await invite(by, input)).code;

describe('staff accounts by invitation', () => {
  it('an admin invites town staff, who invites a station of her town; each invitee becomes that staff member', async () => {
    const inv = dataOf(await invite('dev-admin', { role: 'town', town: 'shuangjiang', name: '新镇街干部' }));
    expect(inv).toMatchObject({ role: 'town', placeName: '双江镇', name: '新镇街干部' });
    expect(inv.code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
    expect(inv.path).toBe(`pkg-me/pages/join/index?code=${inv.code}`);
    // Only a hash of the code is stored.
    expect(JSON.stringify(host.store.get('invitations', hashId('iv', inv.code))?.doc)).not.toContain(inv.code);
    expect(dataOf(await call(host, 'staff', 'redeemInvitation', { code: inv.code }, 'st-new-town'))).toEqual({ role: 'town', placeName: '双江镇' });
    expect(dataOf(await call(host, 'account', 'me', {}, 'st-new-town'))).toMatchObject({ role: 'town', town: 'shuangjiang', name: '新镇街干部' });

    const station = await codeOf('st-new-town', { role: 'station', town: 'shuangjiang', village: 'shuangjiang-v2', name: '二村工作室' });
    expect(dataOf(await call(host, 'staff', 'redeemInvitation', { code: station }, 'st-new-station'))).toEqual({ role: 'station', placeName: '双江镇示例村二' });
    const dash = dataOf(await call(host, 'stats', 'dashboard', { kind: 'month' }, 'st-new-station'));
    expect(dash.scope).toEqual({ level: 'village', name: '双江镇示例村二' });
  });

  it('an invitation is used once, even by two people at the same moment', async () => {
    const code = await codeOf('dev-town', { role: 'station', town: 'shuangjiang', village: 'shuangjiang-v1' });
    const both = await Promise.all(['st-race-a', 'st-race-b'].map((who) => call(host, 'staff', 'redeemInvitation', { code }, who)));
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(errorOf(await call(host, 'staff', 'redeemInvitation', { code }, 'st-race-c'))).toMatch(/^CONFLICT .*用过/);
    expect(dataOf(await call(host, 'account', 'me', {}, 'st-race-c')).role).toBe('user');
  });

  it('an expired invitation is refused, and so is a code that was never issued', async () => {
    const code = await codeOf('dev-town', { role: 'station', town: 'shuangjiang', village: 'shuangjiang-v1', days: 1 });
    const id = hashId('iv', code);
    const doc = host.store.get('invitations', id)?.doc as Record<string, unknown>;
    host.store.commitSync([{ coll: 'invitations', id, doc: { ...doc, _id: id, expiresAt: new Date(Date.now() - 1000) } }]);
    expect(errorOf(await call(host, 'staff', 'redeemInvitation', { code }, 'st-late'))).toMatch(/^CONFLICT .*过期/);
    expect(await call(host, 'staff', 'redeemInvitation', { code: 'ABCDEFGHJK' }, 'st-late')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(dataOf(await call(host, 'account', 'me', {}, 'st-late')).role).toBe('user');
  });

  it.each([
    ['town staff invite town staff', 'dev-town', { role: 'town', town: 'shuangjiang' }],
    ['town staff invite district staff', 'dev-town', { role: 'district' }],
    ['town staff invite a station of another town', 'dev-town', { role: 'station', town: 'zitong', village: 'zitong-c1' }],
    ['district staff invite district staff', 'dev-district', { role: 'district' }],
    ['district staff invite an admin', 'dev-district', { role: 'admin' }],
    ['a station invites a station', 'dev-station', { role: 'station', town: 'shuangjiang', village: 'shuangjiang-v1' }],
    ['a user invites a station', 'dev-learner', { role: 'station', town: 'shuangjiang', village: 'shuangjiang-v1' }],
  ])('an invitation never grants more than the inviter holds: %s', async (_what, by, input) => {
    expect(await invite(by, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('an invitation whose inviter lost the right before it was used is refused', async () => {
    const code = await codeOf('town-zitong', { role: 'station', town: 'zitong', village: 'zitong-c2' });
    dataOf(await call(host, 'staff', 'setStaffActive', { id: 'town-zitong', active: false }, 'dev-district'));
    expect(await call(host, 'staff', 'redeemInvitation', { code }, 'st-orphan')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    dataOf(await call(host, 'staff', 'setStaffActive', { id: 'town-zitong', active: true }, 'dev-district'));
  });

  it('a place must fit the role', async () => {
    expect(await invite('dev-admin', { role: 'station', town: 'shuangjiang' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await invite('dev-admin', { role: 'station', town: 'shuangjiang', village: 'zitong-c1' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await invite('dev-admin', { role: 'town', town: 'nowhere' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('staff lists, switching off and moving', () => {
  const ids = async (who: string) => dataOf(await call(host, 'staff', 'listStaff', {}, who)).staff.map((s) => s.id);

  it('lists staff per scope: a town its own stations, the district all but admins, an admin everyone', async () => {
    const town = await ids('dev-town');
    expect(town).toEqual(expect.arrayContaining(['dev-station', 'dev-town']));
    expect(town).not.toContain('town-zitong');
    expect(town).not.toContain('dev-district');
    const district = await ids('dev-district');
    expect(district).toEqual(expect.arrayContaining(['dev-station', 'dev-town', 'town-zitong', 'dev-district']));
    expect(district).not.toContain('dev-admin');
    expect(await ids('dev-admin')).toEqual(expect.arrayContaining(['dev-admin', 'admin-two', 'dev-district']));
  });

  it('town staff switch off a station of theirs: it becomes a plain user, listed as off, and can be switched on again', async () => {
    const off = dataOf(await call(host, 'staff', 'setStaffActive', { id: 'st-new-station', active: false }, 'dev-town'));
    expect(off).toMatchObject({ active: false, role: 'station' });
    expect(await call(host, 'help', 'caseQueue', {}, 'st-new-station')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dataOf(await call(host, 'staff', 'listStaff', {}, 'dev-town')).staff.find((s) => s.id === 'st-new-station')).toMatchObject({ active: false });
    expect(dataOf(await call(host, 'staff', 'setStaffActive', { id: 'st-new-station', active: true }, 'dev-town'))).toMatchObject({ active: true, role: 'station' });
    expect(dataOf(await call(host, 'account', 'me', {}, 'st-new-station')).role).toBe('station');
  });

  it('staff outside one’s area, or above one’s role, are not found', async () => {
    expect(await call(host, 'staff', 'setStaffActive', { id: 'town-zitong', active: false }, 'dev-town')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(host, 'staff', 'setStaffActive', { id: 'dev-district', active: false }, 'dev-town')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(host, 'staff', 'moveStaff', { id: 'dev-admin' }, 'dev-district')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(host, 'staff', 'setStaffActive', { id: 'dev-learner', active: false }, 'dev-admin')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('moves a station to another village of the same town, never outside the mover’s town', async () => {
    expect(dataOf(await call(host, 'staff', 'moveStaff', { id: 'st-new-station', town: 'shuangjiang', village: 'shuangjiang-v1' }, 'dev-town'))).toMatchObject({ village: 'shuangjiang-v1', placeName: '双江镇示例村一' });
    expect(await call(host, 'staff', 'moveStaff', { id: 'st-new-station', town: 'zitong', village: 'zitong-c1' }, 'dev-town')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dataOf(await call(host, 'staff', 'moveStaff', { id: 'st-new-station', town: 'zitong', village: 'zitong-c1' }, 'dev-district'))).toMatchObject({ town: 'zitong' });
  });

  it('the last administrator cannot switch herself off; with two, one can', async () => {
    dataOf(await call(host, 'staff', 'setStaffActive', { id: 'admin-two', active: false }, 'dev-admin'));
    expect(errorOf(await call(host, 'staff', 'setStaffActive', { id: 'dev-admin', active: false }, 'dev-admin'))).toMatch(/^CONFLICT .*最后一位管理员/);
    expect(dataOf(await call(host, 'account', 'me', {}, 'dev-admin')).role).toBe('admin');
  });

  it('every change is audited, and only admins read the log', async () => {
    const { entries } = dataOf(await call(host, 'staff', 'staffAudit', {}, 'dev-admin'));
    const actions = new Set(entries.map((e) => e.action));
    expect([...actions].sort()).toEqual(['invite', 'move', 'off', 'on', 'redeem']);
    expect(entries.map((e) => e.text)).toContain('二村工作室：从双江镇示例村二调整到双江镇示例村一');
    for (const who of ['dev-district', 'dev-town', 'dev-station', 'dev-learner']) {
      expect(await call(host, 'staff', 'staffAudit', {}, who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});

describe('the authorization matrix of staff accounts', () => {
  const people = ['dev-learner', 'dev-station', 'dev-town', 'dev-district', 'dev-admin'] as const;
  const allowed: Record<string, readonly string[]> = {
    createInvitation: ['dev-town', 'dev-district', 'dev-admin'],
    listStaff: ['dev-town', 'dev-district', 'dev-admin'],
    setStaffActive: ['dev-town', 'dev-district', 'dev-admin'],
    moveStaff: ['dev-town', 'dev-district', 'dev-admin'],
    staffAudit: ['dev-admin'],
  };
  const inputs: Record<string, Record<string, unknown>> = {
    createInvitation: { role: 'station', town: 'shuangjiang', village: 'shuangjiang-v1' },
    listStaff: {},
    setStaffActive: { id: 'dev-station', active: true },
    moveStaff: { id: 'dev-station', town: 'shuangjiang', village: 'shuangjiang-v1' },
    staffAudit: {},
  };
  it.each(Object.keys(allowed))('%s: refused to roles without it, allowed to the rest', async (action) => {
    for (const who of people) {
      const res = await call(host, 'staff', action as 'listStaff', inputs[action] ?? {}, who);
      expect({ who, ok: res.ok }).toEqual({ who, ok: allowed[action]?.includes(who) });
      if (!res.ok) expect(res.error.code).toBe('FORBIDDEN');
    }
  });

  it('redeemInvitation is open to anyone identified, and refused without an identity', async () => {
    expect(await call(host, 'staff', 'redeemInvitation', { code: 'ABCDEFGHJK' }, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await call(host, 'staff', 'redeemInvitation', { code: 'ABCDEFGHJK' }, 'dev-learner')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

/** The bytes behind a temporary link the host issued. */
function linked(url: string): Buffer {
  const file = host.files.resolve(url.replace(/^\/api\/files\//, ''));
  if (!file) throw new Error(`no file behind ${url}`);
  return fs.readFileSync(file);
}
const JOIN = 'pkg-me/pages/join/index';

describe('the 小程序码 of an invitation made in WeChat', () => {
  it('comes in the same call: a PNG of the code as scene, for the join page, and the invitation works as before', async () => {
    const before = host.openapi.wxacodeRequests().length;
    const inv = dataOf(await invite('dev-town', { role: 'station', town: 'shuangjiang', village: 'shuangjiang-v1', qr: 'wxacode' }));
    expect(inv.imageHint).toBeNull();
    expect(inv.image).toMatch(/^\/api\/files\//);
    const png = linked(inv.image as string);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([430, 430]);
    // WeChat was asked once, for this code on the join page of the release.
    const asked = host.openapi.wxacodeRequests();
    expect(asked.length).toBe(before + 1);
    expect(asked.at(-1)).toEqual({ scene: inv.code, page: JOIN, checkPath: true, envVersion: 'release', width: 430 });
    // The image sits under an unguessable name in storage; the database still holds only the code's hash.
    expect(host.files.resolve((inv.image as string).replace(/^\/api\/files\//, ''))).toMatch(/\/invitations\/\d{4}-\d{2}-\d{2}\/[0-9a-f]{16}\.png$/);
    expect(JSON.stringify(host.store.candidates('invitations', {}))).not.toContain(inv.code);
    expect(dataOf(await call(host, 'staff', 'redeemInvitation', { code: inv.code }, 'st-scanned'))).toEqual({ role: 'station', placeName: '双江镇示例村一' });
  });

  it('is not asked for from the browser: no image, no hint, no call to WeChat', async () => {
    const before = host.openapi.wxacodeRequests().length;
    for (const input of [{}, { qr: 'none' }]) {
      const inv = dataOf(await invite('dev-town', { role: 'station', town: 'shuangjiang', village: 'shuangjiang-v1', ...input }));
      expect({ image: inv.image, imageHint: inv.imageHint }).toEqual({ image: null, imageHint: null });
    }
    expect(host.openapi.wxacodeRequests().length).toBe(before);
  });

  it('refuses an unknown way of showing it', async () => {
    expect(await invite('dev-town', { role: 'station', town: 'shuangjiang', village: 'shuangjiang-v1', qr: 'png' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('when the release has not published the join page yet (41030), the invitation is still made: the code, no image and a plain hint', async () => {
    host.openapi.publishPages(appPages().filter((p) => p !== JOIN));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const res = await invite('dev-town', { role: 'station', town: 'shuangjiang', village: 'shuangjiang-v2', qr: 'wxacode' });
      expect(warn.mock.calls.map((c) => String(c[0]))).toEqual(['[staff.createInvitation] no 小程序码: errCode 41030']);
      const inv = dataOf(res);
      expect(inv.image).toBeNull();
      expect(inv.imageHint).toBe('小程序正式版还没有发布加入页面，暂时生成不了小程序码。请对方在小程序「我的 → 工作人员邀请」里输入邀请码。');
      expect(inv.imageHint).not.toMatch(/scene/i);
      expect(dataOf(await call(host, 'staff', 'redeemInvitation', { code: inv.code }, 'st-typed'))).toEqual({ role: 'station', placeName: '双江镇示例村二' });
    } finally {
      warn.mockRestore();
      host.openapi.publishPages(null);
    }
  });

  it('before the release, MINIPROGRAM_STATE=trial asks for the trial version without checking the page', async () => {
    host.openapi.publishPages([]);
    process.env.MINIPROGRAM_STATE = 'trial';
    try {
      const inv = dataOf(await invite('dev-town', { role: 'station', town: 'shuangjiang', village: 'shuangjiang-v2', qr: 'wxacode' }));
      expect(inv.image).toMatch(/^\/api\/files\//);
      expect(host.openapi.wxacodeRequests().at(-1)).toEqual({ scene: inv.code, page: JOIN, checkPath: false, envVersion: 'trial', width: 430 });
    } finally {
      delete process.env.MINIPROGRAM_STATE;
      host.openapi.publishPages(null);
    }
  });
});
