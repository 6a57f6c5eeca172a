import { CONSENT_VERSION } from '../../shared/domain/help';
import { writeXlsx } from '../../shared/domain/xlsx-writer';
import type { Host } from '../../server/host';
import { call, dataOf, freshHost } from '../support/host';

let host: Host;
beforeAll(() => {
  host = freshHost();
});
afterAll(() => host.close());

const xlsx = (rows: Array<Array<string>>) => ({ fileName: '村社区.xlsx', contentBase64: Buffer.from(writeXlsx([{ name: 'Sheet1', rows }])).toString('base64') });
const HEADER = ['镇街', '村（社区）', '工作室名称'];
const villagesOf = async (town: string) => dataOf(await call(host, 'account', 'listRegions', {}, 'dev-learner')).towns.find((t) => t.id === town)?.villages ?? [];

describe('places managed in the app', () => {
  it('imports villages from a spreadsheet, all or nothing, with a row report', async () => {
    const bad = dataOf(await call(host, 'staff', 'importVillages', xlsx([HEADER, ['桂林街道', '红星社区', '红星暖心刘妈工作室'], ['不存在镇', '某村', ''], ['桂林街道', '红星社区', '']]), 'dev-district'));
    expect(bad).toMatchObject({ added: 0, rows: 3 });
    expect(bad.report.map((r) => [r.row, r.ok])).toEqual([[2, true], [3, false], [4, false]]);
    expect(await villagesOf('guilin')).toEqual([]);

    const good = dataOf(await call(host, 'staff', 'importVillages', xlsx([HEADER, ['桂林街道', '红星社区', '红星暖心刘妈工作室'], ['桂林街道', '东风社区', ''], ['双江镇', '示例村一', '一村工作室']]), 'dev-district'));
    expect(good).toMatchObject({ added: 2, updated: 1, rows: 3 });
    expect((await villagesOf('guilin')).map((v) => v.name)).toEqual(['红星社区', '东风社区']);
    const places = dataOf(await call(host, 'staff', 'listPlaces', {}, 'dev-district')).towns;
    expect(places.find((t) => t.id === 'shuangjiang')?.villages.find((v) => v.id === 'shuangjiang-v1')?.station).toEqual({ name: '一村工作室', active: true });
    // A new user picks one of them.
    const red = (await villagesOf('guilin'))[0];
    expect(dataOf(await call(host, 'account', 'setRegion', { town: 'guilin', village: red?.id ?? '' }, 'p-red'))).toMatchObject({ villageName: '红星社区' });
  });

  it('a wrong header is reported on row 1 and nothing is read', async () => {
    const res = dataOf(await call(host, 'staff', 'importVillages', xlsx([['镇', '村'], ['桂林街道', '某社区']]), 'dev-district'));
    expect(res.report).toEqual([{ row: 1, ok: false, errors: [expect.stringContaining('镇街') as string] }]);
  });

  it('adds, renames, sets the station of, retires and restores a village; a retired one is not offered but keeps its history', async () => {
    const v = dataOf(await call(host, 'staff', 'addVillage', { town: 'yuxi', name: '玉溪村', station: { name: '玉溪村工作室', active: true } }, 'dev-district'));
    expect(await call(host, 'staff', 'addVillage', { town: 'yuxi', name: '玉溪村' }, 'dev-admin')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(dataOf(await call(host, 'staff', 'renameVillage', { town: 'yuxi', village: v.id, name: '玉溪社区' }, 'dev-district')).name).toBe('玉溪社区');
    expect(dataOf(await call(host, 'staff', 'setStation', { town: 'yuxi', village: v.id, station: { name: '玉溪社区工作室', active: false } }, 'dev-district')).station).toEqual({ name: '玉溪社区工作室', active: false });
    dataOf(await call(host, 'account', 'setRegion', { town: 'yuxi', village: v.id }, 'p-yuxi'));
    dataOf(await call(host, 'staff', 'retireVillage', { town: 'yuxi', village: v.id, retired: true }, 'dev-district'));
    expect(await villagesOf('yuxi')).toEqual([]);
    expect(await call(host, 'account', 'setRegion', { town: 'yuxi', village: v.id }, 'p-other')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Her profile still names it.
    expect(dataOf(await call(host, 'account', 'me', {}, 'p-yuxi')).villageName).toBe('玉溪社区');
    dataOf(await call(host, 'staff', 'retireVillage', { town: 'yuxi', village: v.id, retired: false }, 'dev-district'));
    expect((await villagesOf('yuxi')).map((x) => x.name)).toEqual(['玉溪社区']);
  });

  it('a request from a village whose station is paused goes to the town’s staff', async () => {
    dataOf(await call(host, 'staff', 'setStation', { town: 'shuangjiang', village: 'shuangjiang-v1', station: { name: '一村工作室', active: false } }, 'dev-district'));
    const help = { category: '法律咨询', description: '想问问赡养老人的问题', town: 'shuangjiang', village: 'shuangjiang-v1', contact: { method: 'in_app' }, urgency: 'normal', age: 'adult', consentVersion: CONSENT_VERSION };
    const { id } = dataOf(await call(host, 'help', 'submitRequest', help, 'p-paused'));
    expect(dataOf(await call(host, 'help', 'caseQueue', { status: 'open' }, 'dev-town')).cases.find((c) => c.id === id)).toMatchObject({ escalation: 'town' });
    dataOf(await call(host, 'staff', 'setStation', { town: 'shuangjiang', village: 'shuangjiang-v1', station: { name: '一村工作室', active: true } }, 'dev-district'));
  });

  it('merges a village into another: its people and open cases move, the first is retired', async () => {
    dataOf(await call(host, 'account', 'setRegion', { town: 'shuangjiang', village: 'shuangjiang-v2' }, 'p-v2'));
    const { moved } = dataOf(await call(host, 'staff', 'mergeVillages', { town: 'shuangjiang', from: 'shuangjiang-v2', into: 'shuangjiang-v1' }, 'dev-district'));
    expect(moved).toBeGreaterThanOrEqual(1);
    expect(dataOf(await call(host, 'account', 'me', {}, 'p-v2'))).toMatchObject({ village: 'shuangjiang-v1' });
    expect((await villagesOf('shuangjiang')).map((x) => x.id)).not.toContain('shuangjiang-v2');
  });

  it('the authorization matrix: only district staff and admins manage places', async () => {
    const inputs = {
      listPlaces: {},
      addVillage: { town: 'tianjia', name: '矩阵村' },
      renameVillage: { town: 'shuangjiang', village: 'shuangjiang-v1', name: '示例村一' },
      retireVillage: { town: 'shuangjiang', village: 'shuangjiang-v1', retired: false },
      mergeVillages: { town: 'zitong', from: 'zitong-c2', into: 'zitong-c1' },
      setStation: { town: 'shuangjiang', village: 'shuangjiang-v1', station: { name: '一村工作室', active: true } },
      importVillages: xlsx([HEADER, ['田家镇', '矩阵二村', '']]),
    } as const;
    for (const [action, input] of Object.entries(inputs)) {
      for (const who of ['dev-learner', 'dev-station', 'dev-town']) {
        expect({ action, who, res: await call(host, 'staff', action as 'listPlaces', input, who) }).toMatchObject({ action, who, res: { ok: false, error: { code: 'FORBIDDEN' } } });
      }
      for (const who of ['dev-district', 'dev-admin']) {
        const res = await call(host, 'staff', action as 'listPlaces', action === 'addVillage' ? { ...input, name: `${who}村` } : input, who);
        expect({ action, who, ok: res.ok }).toEqual({ action, who, ok: true });
      }
    }
  });
});
