import type { Host } from '../../server/host';
import { sdkModule, withIdentity } from '../../server/sdk-host';
import { freshHost } from '../support/host';

let host: Host;
interface OpenApi {
  security: { msgSecCheck(p: unknown): Promise<{ errCode: number; result: { suggest: string; label: number }; detail: unknown[] }> };
  subscribeMessage: { send(p: unknown): Promise<{ errCode: number }> };
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
