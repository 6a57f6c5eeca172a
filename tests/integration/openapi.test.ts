import type { Host } from '../../server/host';
import { sdkModule } from '../../server/sdk-host';
import { freshHost } from '../support/host';

let host: Host;
interface OpenApi {
  security: { msgSecCheck(p: unknown): Promise<{ errCode: number; result: { suggest: string; label: number }; detail: unknown[] }> };
  subscribeMessage: { send(p: unknown): Promise<{ errCode: number }> };
}
const openapi = () => (sdkModule() as unknown as { openapi: OpenApi }).openapi;

beforeAll(() => {
  host = freshHost();
});
afterAll(() => host.close());

describe('local open-API engines behind cloud.openapi', () => {
  it('msgSecCheck v2 passes ordinary text', async () => {
    const res = await openapi().security.msgSecCheck({ openid: 'u', scene: 2, version: 2, content: '建议村里多办法律讲座' });
    expect(res).toMatchObject({ errCode: 0, result: { suggest: 'pass', label: 100 }, detail: [] });
  });

  it('msgSecCheck flags review and risky words with their labels', async () => {
    expect((await openapi().security.msgSecCheck({ openid: 'u', scene: 2, version: 2, content: '有人推销贷款' })).result).toEqual({ suggest: 'review', label: 10001 });
    expect((await openapi().security.msgSecCheck({ openid: 'u', scene: 2, version: 2, content: '贷款和赌博' })).result).toEqual({ suggest: 'risky', label: 20006 });
  });

  it('msgSecCheck rejects a call without openid, scene or version 2, as the real API does', async () => {
    await expect(openapi().security.msgSecCheck({ content: 'x' })).rejects.toMatchObject({ errCode: 47001 });
  });

  it('subscribeMessage.send fails with 43101 when the person has not subscribed', async () => {
    await expect(openapi().subscribeMessage.send({ touser: 'u1', templateId: 'tpl', data: { thing1: { value: '进度更新' } } })).rejects.toMatchObject({ errCode: 43101 });
    expect(host.store.candidates('outbox', {})).toHaveLength(0);
  });

  it('subscribeMessage.send delivers into the outbox once per grant', async () => {
    host.openapi.grantSubscription('u1', 'tpl');
    await expect(openapi().subscribeMessage.send({ touser: 'u1', templateId: 'tpl', page: 'pages/me/index', data: { thing1: { value: '进度更新' } } })).resolves.toMatchObject({ errCode: 0 });
    expect(host.store.candidates('outbox', { touser: 'u1' })).toHaveLength(1);
    await expect(openapi().subscribeMessage.send({ touser: 'u1', templateId: 'tpl', data: { thing1: { value: '再次' } } })).rejects.toMatchObject({ errCode: 43101 });
  });
});
