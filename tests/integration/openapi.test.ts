import type { Host } from '../../server/host';
import { sdkModule, withIdentity } from '../../server/sdk-host';
import { freshHost } from '../support/host';

let host: Host;
interface OpenApi {
  security: { msgSecCheck(p: unknown): Promise<{ errCode: number; result: { suggest: string; label: number }; detail: unknown[] }> };
  subscribeMessage: { send(p: unknown): Promise<{ errCode: number }> };
  wxacode: { getUnlimited(p: unknown): Promise<{ errCode: number; errMsg: string; contentType: string; buffer: Buffer }> };
}
const openapi = () => (sdkModule() as unknown as { openapi: OpenApi }).openapi;
/** Runs `fn` inside a call of the function `name` (whose config.json declares its open APIs). */
const inside = <T>(name: string, fn: () => Promise<T>) => withIdentity(null, fn, name);
const asHall = <T>(fn: () => Promise<T>) => inside('hall', fn);

beforeAll(() => {
  host = freshHost();
});
afterAll(() => host.close());

describe('local open-API engines behind cloud.openapi', () => {
  it('msgSecCheck v2 passes ordinary text', async () => {
    const res = await asHall(() => openapi().security.msgSecCheck({ openid: 'u', scene: 2, version: 2, content: '建议村里多办法律讲座' }));
    expect(res).toMatchObject({ errCode: 0, result: { suggest: 'pass', label: 100 }, detail: [] });
  });

  it('msgSecCheck flags review and risky words with their labels', async () => {
    expect((await asHall(() => openapi().security.msgSecCheck({ openid: 'u', scene: 2, version: 2, content: '有人推销贷款' }))).result).toEqual({ suggest: 'review', label: 10001 });
    expect((await asHall(() => openapi().security.msgSecCheck({ openid: 'u', scene: 2, version: 2, content: '贷款和赌博' }))).result).toEqual({ suggest: 'risky', label: 20006 });
  });

  it('msgSecCheck rejects a call without openid, scene or version 2, as the real API does', async () => {
    await expect(asHall(() => openapi().security.msgSecCheck({ content: 'x' }))).rejects.toMatchObject({ errCode: 47001 });
  });

  it('subscribeMessage.send fails with 43101 when the person has not subscribed', async () => {
    await expect(asHall(() => openapi().subscribeMessage.send({ touser: 'u1', templateId: 'tpl', data: { thing1: { value: '进度更新' } } }))).rejects.toMatchObject({
      errCode: 43101,
      errMsg: expect.stringMatching(/^openapi\.subscribeMessage\.send:fail user refuse to accept the msg rid: /) as string,
    });
    expect(host.store.candidates('outbox', {})).toHaveLength(0);
  });

  it('subscribeMessage.send delivers into the outbox once per grant', async () => {
    host.openapi.grantSubscription('u1', 'tpl');
    await expect(asHall(() => openapi().subscribeMessage.send({ touser: 'u1', templateId: 'tpl', page: 'pages/me/index', data: { thing1: { value: '进度更新' } } }))).resolves.toMatchObject({ errCode: 0 });
    expect(host.store.candidates('outbox', { touser: 'u1' })).toHaveLength(1);
    await expect(asHall(() => openapi().subscribeMessage.send({ touser: 'u1', templateId: 'tpl', data: { thing1: { value: '再次' } } }))).rejects.toMatchObject({ errCode: 43101 });
  });
});

// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/openapi/openapi.html: each cloud
// function declares the open APIs it calls in config.json's permissions.openapi; others fail (-604101).
describe('open-API permissions, per function, as CloudBase checks them', () => {
  it('refuses an API the calling function has not declared, with -604101 as the SDK surfaces it', async () => {
    // account declares no open API at all.
    const err = (await inside('account', () => openapi().security.msgSecCheck({ openid: 'u', scene: 2, version: 2, content: '你好' })).catch((e: unknown) => e)) as { errCode: number; errMsg: string; message: string };
    expect(err).toMatchObject({ errCode: -604101, errMsg: 'system error: error code: -604101' });
    expect(err.message).toBe('errCode: -604101 function has no permission to call this API | errMsg: system error: error code: -604101');
    // help declares subscribeMessage.send only.
    await expect(inside('help', () => openapi().security.msgSecCheck({ openid: 'u', scene: 2, version: 2, content: '你好' }))).rejects.toMatchObject({ errCode: -604101 });
  });

  it('refuses wxacode.getUnlimited to a function that has not declared it, and lets staff (which declares it) call it', async () => {
    const params = { scene: 'ABCDEFGHJK', page: 'pkg-me/pages/join/index' };
    await expect(inside('account', () => openapi().wxacode.getUnlimited(params))).rejects.toMatchObject({ errCode: -604101, errMsg: 'system error: error code: -604101' });
    await expect(inside('hall', () => openapi().wxacode.getUnlimited(params))).rejects.toMatchObject({ errCode: -604101 });
    await expect(inside('staff', () => openapi().wxacode.getUnlimited(params))).resolves.toMatchObject({ errCode: 0, contentType: 'image/png' });
  });

  it('refuses a call made outside any cloud function', async () => {
    await expect(openapi().subscribeMessage.send({ touser: 'u1', templateId: 'tpl', data: { thing1: { value: '进度更新' } } })).rejects.toMatchObject({ errCode: -604101 });
  });

  it('lets every function that sends subscribe messages send them (helpTimer included)', async () => {
    for (const name of ['hall', 'help', 'helpTimer']) {
      host.openapi.grantSubscription('u-perm', 'tpl');
      await expect(inside(name, () => openapi().subscribeMessage.send({ touser: 'u-perm', templateId: 'tpl', data: { thing1: { value: '进度更新' } } }))).resolves.toMatchObject({ errCode: 0 });
    }
  });
});

// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
describe('subscribe-message values, checked against WeChat’s rules before anything is sent', () => {
  const send = (data: Record<string, { value: unknown }>) => asHall(() => openapi().subscribeMessage.send({ touser: 'u2', templateId: 'tpl', data }));

  it.each([
    ['thing over 20 characters', { thing1: { value: '一二三四五六七八九十一二三四五六七八九十一' } }, 'thing1', 'invalid'],
    ['phrase with a non-Chinese character', { phrase2: { value: '已答复…' } }, 'phrase2', 'invalid'],
    ['phrase over 5 characters', { phrase2: { value: '略略略略略略' } }, 'phrase2', 'invalid'],
    ['date in a format WeChat does not read', { date3: { value: '2026.01.02' } }, 'date3', 'invalid'],
    ['date that does not exist', { date3: { value: '2026-02-30' } }, 'date3', 'invalid'],
    ['thing of blanks only', { thing4: { value: ' ' } }, 'thing4', 'is empty'],
  ])('refuses a %s with 47003, naming the field, and sends nothing', async (_what, data, key, why) => {
    host.openapi.grantSubscription('u2', 'tpl');
    const before = host.store.candidates('outbox', { touser: 'u2' }).length;
    await expect(send(data)).rejects.toMatchObject({
      errCode: 47003,
      errMsg: expect.stringMatching(new RegExp(`^openapi\\.subscribeMessage\\.send:fail argument invalid! data\\.${key}\\.value ${why} rid: `)) as string,
    });
    expect(host.store.candidates('outbox', { touser: 'u2' })).toHaveLength(before);
  });

  it('accepts the values the functions send (status update: thing1, phrase2, date3, thing4)', async () => {
    host.openapi.grantSubscription('u2', 'tpl');
    await expect(send({ thing1: { value: '您的建议有新进展' }, phrase2: { value: '已答复' }, date3: { value: '2026-01-02' }, thing4: { value: '状态：已答复' } })).resolves.toMatchObject({ errCode: 0 });
  });
});

// https://developers.weixin.qq.com/miniprogram/dev/server/API/qrcode-link/qr-code/api_getunlimitedqrcode.html
describe('wxacode.getUnlimited, as WeChat checks its scene and page', () => {
  const getUnlimited = (p: Record<string, unknown>) => inside('staff', () => openapi().wxacode.getUnlimited(p));
  const failure = (errCode: number, text: string) => ({ errCode, errMsg: expect.stringMatching(new RegExp(`^openapi\\.wxacode\\.getUnlimited:fail ${text} rid: `)) as string });

  it('answers a PNG of the width asked for, as the SDK gives an image (contentType and buffer)', async () => {
    const res = await getUnlimited({ scene: 'a=1&b=2', page: 'pkg-me/pages/join/index', checkPath: true, envVersion: 'release', width: 280 });
    expect(res).toMatchObject({ errCode: 0, errMsg: 'openapi.wxacode.getUnlimited:ok', contentType: 'image/png' });
    expect(res.buffer.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect(res.buffer.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([res.buffer.readUInt32BE(16), res.buffer.readUInt32BE(20)]).toEqual([280, 280]);
    expect(host.openapi.wxacodeRequests().at(-1)).toEqual({ scene: 'a=1&b=2', page: 'pkg-me/pages/join/index', checkPath: true, envVersion: 'release', width: 280 });
  });

  it.each([
    ['a page the app does not have', { scene: 'X', page: 'pages/nowhere/index' }],
    ['a page with a leading slash', { scene: 'X', page: '/pkg-me/pages/join/index' }],
    ['a page with parameters', { scene: 'X', page: 'pkg-me/pages/join/index?code=X' }],
  ])('refuses %s with 41030', async (_what, params) => {
    await expect(getUnlimited(params)).rejects.toMatchObject(failure(41030, 'invalid page'));
  });

  it('takes a page the release has not published when checkPath is false, and refuses it when the release lacks it', async () => {
    host.openapi.publishPages(['pages/learn/index']);
    try {
      await expect(getUnlimited({ scene: 'X', page: 'pkg-me/pages/join/index' })).rejects.toMatchObject({ errCode: 41030 });
      await expect(getUnlimited({ scene: 'X', page: 'pkg-me/pages/join/index', checkPath: false, envVersion: 'trial' })).resolves.toMatchObject({ errCode: 0 });
    } finally {
      host.openapi.publishPages(null);
    }
  });

  it.each([
    ['an empty scene', '', 40169, 'invalid length for scene, or the data is not json string'],
    ['a scene of 33 characters', 'A'.repeat(33), 40169, 'invalid length for scene, or the data is not json string'],
    ['a scene with %', 'code%3D1', 40129, 'invalid scene'],
    ['a scene in Chinese', '邀请', 40129, 'invalid scene'],
  ])('refuses %s', async (_what, scene, errCode, text) => {
    await expect(getUnlimited({ scene, page: 'pkg-me/pages/join/index' })).rejects.toMatchObject(failure(errCode, text));
  });

  it('takes a scene of 32 characters from every allowed sign', async () => {
    await expect(getUnlimited({ scene: "!#$&'()*+,/:;=?@-._~09azAZ123456", page: 'pkg-me/pages/join/index' })).resolves.toMatchObject({ errCode: 0 });
  });

  it.each([
    ['a width under 280', { width: 279 }],
    ['a width over 1280', { width: 1281 }],
    ['an unknown version', { envVersion: 'beta' }],
  ])('refuses %s with invalid args', async (_what, extra) => {
    await expect(getUnlimited({ scene: 'X', page: 'pkg-me/pages/join/index', ...extra })).rejects.toMatchObject({ errCode: 40097 });
  });
});
