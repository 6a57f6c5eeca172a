import type { Host } from '../../server/host';
import { call, dataOf, freshHost } from '../support/host';

let host: Host;
beforeAll(() => {
  host = freshHost();
});
afterAll(() => host.close());

describe('account', () => {
  it('me returns a seeded person with the names of her town and village', async () => {
    const me = dataOf(await call(host, 'account', 'me', {}, 'dev-station'));
    expect(me).toEqual({ role: 'station', name: '刘妈（双江镇示例村一工作室）', town: 'shuangjiang', village: 'shuangjiang-v1', townName: '双江镇', villageName: '示例村一', placeSkipped: false });
  });

  it('me creates a profile for a first-time visitor, as a plain user without a place', async () => {
    const me = dataOf(await call(host, 'account', 'me', {}, 'new-person'));
    expect(me).toMatchObject({ role: 'user', town: null, village: null });
    expect(host.store.get('users', 'new-person')).toBeDefined();
  });

  it('listRegions lists every street and town with villages', async () => {
    const { towns } = dataOf(await call(host, 'account', 'listRegions', {}, 'new-person'));
    expect(towns.length).toBeGreaterThanOrEqual(20);
    expect(towns[0]).toMatchObject({ id: 'zitong', kind: 'street' });
  });

  it('setRegion stores the town and village of a user', async () => {
    const me = dataOf(await call(host, 'account', 'setRegion', { town: 'guxi', village: 'guxi-v1' }, 'new-person'));
    expect(me).toMatchObject({ town: 'guxi', townName: '古溪镇', village: 'guxi-v1' });
    expect(dataOf(await call(host, 'account', 'me', {}, 'new-person')).town).toBe('guxi');
  });

  it('setRegion refuses a village of another town', async () => {
    const res = await call(host, 'account', 'setRegion', { town: 'guxi', village: 'zitong-c1' }, 'new-person');
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('setRegion is refused to staff, whose place is set by an admin', async () => {
    const res = await call(host, 'account', 'setRegion', { town: 'guxi' }, 'dev-town');
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dataOf(await call(host, 'account', 'me', {}, 'dev-town')).town).toBe('shuangjiang');
  });

  it('setRegion changes only the place: an administrator making her staff at the same moment is not undone', async () => {
    const who = 'soon-staff';
    dataOf(await call(host, 'account', 'me', {}, who));
    // The administrator's write lands right after setRegion has read her profile.
    const execute = host.engine.execute.bind(host.engine);
    const spy = jest.spyOn(host.engine, 'execute').mockImplementation(async (action, params, defer) => {
      const out = await execute(action, params, defer);
      if (action === 'database.getDocument' && (params as { collectionName?: string } | undefined)?.collectionName === 'users' && JSON.stringify(params).includes(who)) {
        spy.mockRestore();
        const doc = host.store.get('users', who)?.doc ?? { _id: who };
        host.store.commitSync([{ coll: 'users', id: who, doc: { ...doc, role: 'station', name: '新工作室', town: 'shuangjiang', village: 'shuangjiang-v2' } }]);
      }
      return out;
    });
    const res = await call(host, 'account', 'setRegion', { town: 'guxi', village: 'guxi-v1' }, who);
    spy.mockRestore();
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(host.store.get('users', who)?.doc).toMatchObject({ role: 'station', name: '新工作室', town: 'shuangjiang', village: 'shuangjiang-v2' });
  });

  it('a role in the event does not make a user staff', async () => {
    const res = await host.invoke('account', { action: 'me', input: {}, role: 'admin', openid: 'dev-admin' }, { openid: 'plain-user' });
    expect(res).toMatchObject({ ok: true, data: { role: 'user', name: null } });
  });
});
