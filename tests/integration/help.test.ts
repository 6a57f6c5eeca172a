import fs from 'node:fs';
import path from 'node:path';
import { CONSENT_VERSION } from '../../shared/domain/help';
import { chinaDay } from '../../shared/time';
import type { Host } from '../../server/host';
import { call, dataOf, freshHost, tempDir } from '../support/host';

let host: Host;
let dataDir: string;
type Loose = Record<string, unknown>;

const PHONE = '13912345678';
const SECRET_STORY = '丈夫喝酒后经常动手打我，昨晚又打伤了我的胳膊';

const request = (extra: Loose = {}) => ({
  category: '家庭暴力',
  description: SECRET_STORY,
  town: 'shuangjiang',
  village: 'shuangjiang-v1',
  contact: { method: 'phone', phone: PHONE, safeTimes: '工作日上午', note: '如果是男的接电话就说打错了' },
  urgency: 'urgent',
  age: 'adult',
  consentVersion: CONSENT_VERSION,
  ...extra,
});

const ACTORS = {
  requester: 'h-requester',
  otherUser: 'h-other-user',
  stationOther: 'st-other-village',
  stationHere: 'dev-station',
  townOther: 'town-zitong',
  townHere: 'dev-town',
  district: 'dev-district',
} as const;
type Actor = keyof typeof ACTORS;

beforeAll(() => {
  dataDir = tempDir('help-');
  host = freshHost({ dataDir });
  host.store.commitSync([
    { coll: 'users', id: 'st-other-village', doc: { _id: 'st-other-village', role: 'station', name: '二村工作室', town: 'shuangjiang', village: 'shuangjiang-v2', createdAt: new Date() } },
    { coll: 'users', id: 'town-zitong', doc: { _id: 'town-zitong', role: 'town', name: '梓潼街道妇联', town: 'zitong', village: null, createdAt: new Date() } },
  ]);
});
afterAll(() => host.close());

let requesters = 0;
/** A new request, by `openid` or by someone new (a person may send only a few a day). */
async function newCase(openid = `h-someone-${(requesters += 1)}`): Promise<string> {
  return dataOf(await call(host, 'help', 'submitRequest', request(), openid)).id;
}

describe('submitting a request', () => {
  it('routes it to the village station, which is told in neutral words', async () => {
    const { id, reference } = dataOf(await call(host, 'help', 'submitRequest', request(), ACTORS.requester));
    expect(reference).toMatch(/^FW-[0-9A-F]{6}$/);
    const queue = dataOf(await call(host, 'help', 'caseQueue', { status: 'open' }, ACTORS.stationHere));
    expect(queue.cases.find((c) => c.id === id)).toMatchObject({ category: '家庭暴力', phoneMask: '139****5678', placeName: '双江镇示例村一', escalation: 'station', overdue: false });
    const inbox = dataOf(await call(host, 'account', 'inbox', {}, ACTORS.stationHere));
    expect(inbox.items[0]).toMatchObject({ title: '有新的服务记录待受理' });
    expect(JSON.stringify(inbox)).not.toMatch(/暴力|打|丈夫/);
  });

  it('refuses a request without the current consent version, and stores nothing', async () => {
    const before = host.store.candidates('cases', {}).length;
    const res = await call(host, 'help', 'submitRequest', request({ consentVersion: '2020-01-01' }), 'h-no-consent');
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(host.store.candidates('cases', {})).toHaveLength(before);
  });

  it('asks no personal details of a child under 14 and points her to 110 and 12355', async () => {
    const before = host.store.candidates('cases', {}).length;
    const res = await call(host, 'help', 'submitRequest', request({ age: 'under14' }), 'h-child');
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('CONFLICT');
      expect(res.error.message).toContain('110');
      expect(res.error.message).toContain('12355');
    }
    expect(host.store.candidates('cases', {})).toHaveLength(before);
  });

  it('requires a phone number when she chooses to be called, and none when she does not', async () => {
    expect(await call(host, 'help', 'submitRequest', request({ contact: { method: 'phone' } }), 'h-x')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const inApp = dataOf(await call(host, 'help', 'submitRequest', request({ contact: { method: 'in_app' } }), 'h-in-app'));
    const c = dataOf(await call(host, 'help', 'getCase', { id: inApp.id }, ACTORS.district));
    expect(c).toMatchObject({ contactMethod: 'in_app', phone: null, phoneMask: null });
  });

  it('keeps the locally generated encryption keys readable by their owner only (0600), outside the store', () => {
    const mode = fs.statSync(path.join(dataDir, 'secrets.json')).mode & 0o777;
    expect(mode).toBe(0o600);
    const sealed = (host.store.candidates('cases', {})[0] as Loose | undefined)?.secret as { kid: string; iv: string; tag: string; data: string } | undefined;
    expect(sealed).toMatchObject({ kid: 'k1' });
  });

  it('keeps neither the phone number nor the description in plain text in the database file', async () => {
    await newCase('h-bytes');
    await new Promise((r) => setTimeout(r, 20));
    const files = fs.readdirSync(dataDir).filter((f) => f.startsWith('store.sqlite'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const bytes = fs.readFileSync(path.join(dataDir, f));
      for (const secret of [PHONE, SECRET_STORY, '丈夫喝酒', '如果是男的接电话', 'h-bytes']) {
        expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
      }
    }
  });
});

describe('the authorization matrix', () => {
  let shared: string;
  beforeAll(async () => {
    shared = await newCase(ACTORS.requester);
  });

  const actors = Object.keys(ACTORS) as Actor[];
  const staffHere: Actor[] = ['stationHere', 'townHere', 'district'];
  const staffOther: Actor[] = ['stationOther', 'townOther'];
  const users: Actor[] = ['requester', 'otherUser'];

  it('myRequests: each person sees only her own', async () => {
    for (const a of actors) {
      const mine = dataOf(await call(host, 'help', 'myRequests', {}, ACTORS[a]));
      expect({ a, has: mine.requests.some((r) => r.id === shared) }).toEqual({ a, has: a === 'requester' });
    }
  });

  it('getMyRequest: only the requester, in neutral words', async () => {
    for (const a of actors) {
      const res = await call(host, 'help', 'getMyRequest', { id: shared }, ACTORS[a]);
      if (a === 'requester') {
        expect(res).toMatchObject({ ok: true, data: { status: '已收到' } });
        expect(JSON.stringify(res)).not.toMatch(/暴力|告诫|保护令|调解|家暴/);
      } else expect({ a, res }).toMatchObject({ a, res: { ok: false, error: { code: 'NOT_FOUND' } } });
    }
  });

  it('caseQueue: users refused; staff see it only when it is in their area', async () => {
    for (const a of actors) {
      const res = await call(host, 'help', 'caseQueue', {}, ACTORS[a]);
      if (users.includes(a)) expect({ a, res }).toMatchObject({ a, res: { ok: false, error: { code: 'FORBIDDEN' } } });
      else expect({ a, has: dataOf(res).cases.some((c) => c.id === shared) }).toEqual({ a, has: staffHere.includes(a) });
    }
  });

  it('getCase: users refused, staff of other areas get NOT_FOUND, staff of this area read it in full', async () => {
    for (const a of actors) {
      const res = await call(host, 'help', 'getCase', { id: shared }, ACTORS[a]);
      if (users.includes(a)) expect({ a, res }).toMatchObject({ a, res: { ok: false, error: { code: 'FORBIDDEN' } } });
      else if (staffOther.includes(a)) expect({ a, res }).toMatchObject({ a, res: { ok: false, error: { code: 'NOT_FOUND' } } });
      else expect({ a, res }).toMatchObject({ a, res: { ok: true, data: { description: SECRET_STORY, phone: PHONE } } });
    }
  });

  it.each([
    ['accept', (id: string) => ({ id })],
    ['addAction', (id: string) => ({ id, type: '回访', date: '2026-11-28', note: '电话回访' })],
    ['close', (id: string) => ({ id, outcome: '已办结', note: '已办结' })],
    ['assign', (id: string) => ({ id, assignee: 'dev-station' })],
    ['listAssignees', (id: string) => ({ id })],
  ] as const)('%s: only staff of this area may act', async (action, input) => {
    for (const a of actors) {
      const id = await newCase();
      const res = await call(host, 'help', action, input(id) as never, ACTORS[a]);
      if (users.includes(a)) expect({ a, res }).toMatchObject({ a, res: { ok: false, error: { code: 'FORBIDDEN' } } });
      else if (staffOther.includes(a)) expect({ a, res }).toMatchObject({ a, res: { ok: false, error: { code: 'NOT_FOUND' } } });
      else expect({ a, ok: res.ok }).toEqual({ a, ok: true });
    }
  });

  it('withdraw: only the requester', async () => {
    for (const a of actors) {
      const id = await newCase(a === 'requester' ? ACTORS.requester : undefined);
      const res = await call(host, 'help', 'withdraw', { id }, ACTORS[a]);
      if (a === 'requester') expect(res).toMatchObject({ ok: true, data: { status: '已撤回' } });
      else expect({ a, res }).toMatchObject({ a, res: { ok: false, error: { code: users.includes(a) ? 'NOT_FOUND' : 'NOT_FOUND' } } });
    }
  });

  it('logVisit and followUps: staff only', async () => {
    for (const a of actors) {
      const visit = await call(host, 'help', 'logVisit', { category: '婚姻家庭纠纷', date: chinaDay(new Date()), note: '来访咨询离婚财产分割' }, ACTORS[a]);
      const follow = await call(host, 'help', 'followUps', {}, ACTORS[a]);
      if (users.includes(a)) {
        expect({ a, visit, follow }).toMatchObject({ a, visit: { ok: false, error: { code: 'FORBIDDEN' } }, follow: { ok: false, error: { code: 'FORBIDDEN' } } });
      } else {
        // District staff have no town of their own to log a walk-in visit in.
        expect({ a, visit: visit.ok, follow: follow.ok }).toEqual({ a, visit: a !== 'district', follow: true });
      }
    }
  });

  it('auditLog: administrators only', async () => {
    for (const a of actors) expect({ a, res: await call(host, 'help', 'auditLog', {}, ACTORS[a]) }).toMatchObject({ a, res: { ok: false, error: { code: 'FORBIDDEN' } } });
    expect((await call(host, 'help', 'auditLog', {}, 'dev-admin')).ok).toBe(true);
  });
});

describe('the audit trail', () => {
  it('leaves an entry for every staff read, which only an administrator can list', async () => {
    const id = await newCase();
    await call(host, 'help', 'getCase', { id }, ACTORS.stationHere);
    await call(host, 'help', 'getCase', { id }, ACTORS.townHere);
    await call(host, 'help', 'getCase', { id }, ACTORS.stationHere);
    await call(host, 'help', 'getCase', { id }, ACTORS.stationOther); // refused: no read, no entry
    const log = dataOf(await call(host, 'help', 'auditLog', { caseId: id }, 'dev-admin'));
    expect(log.entries).toHaveLength(3);
    expect(log.entries.map((e) => e.staffName).sort()).toEqual(['刘妈（双江镇示例村一工作室）', '刘妈（双江镇示例村一工作室）', '陈敏（双江镇妇联）']);
    expect(log.entries.every((e) => e.action === 'read' && e.caseId === id)).toBe(true);
  });
});

describe('the case workflow', () => {
  it('closing stores the sealed close note in place of the null one (a dotted write into null fails on CloudBase, -502001)', async () => {
    const id = await newCase('h-close');
    await call(host, 'help', 'accept', { id }, ACTORS.stationHere);
    expect((host.store.get('cases', id)?.doc as Loose).closeNote).toBeNull();
    expect(await call(host, 'help', 'close', { id, outcome: '已办结', note: '已办结说明' }, ACTORS.stationHere)).toMatchObject({ ok: true });
    const doc = host.store.get('cases', id)?.doc as Loose;
    expect(doc.status).toBe('closed');
    expect(Object.keys(doc.closeNote as Loose).sort()).toEqual(['data', 'iv', 'kid', 'tag', 'v']);
  });

  it('accepts, records a mediation, closes; she sees only neutral words and is told neutrally', async () => {
    const id = await newCase('h-flow');
    await call(host, 'help', 'accept', { id }, ACTORS.stationHere);
    await call(host, 'help', 'addAction', { id, type: '调解', date: '2026-11-28', note: '双方到工作室调解', messageToRequester: '工作人员已与您约好时间，请留意。' }, ACTORS.stationHere);
    await call(host, 'help', 'close', { id, outcome: '调解成功', note: '双方达成协议' }, ACTORS.stationHere);
    const mine = dataOf(await call(host, 'help', 'getMyRequest', { id }, 'h-flow'));
    expect(mine.status).toBe('已完成');
    expect(mine.messages.map((m) => m.text)).toContain('工作人员已与您约好时间，请留意。');
    expect(JSON.stringify(mine)).not.toMatch(/调解|暴力|告诫|保护令/);
    const inbox = dataOf(await call(host, 'account', 'inbox', {}, 'h-flow'));
    expect(inbox.items.length).toBeGreaterThanOrEqual(2);
    for (const item of inbox.items) expect(item).toMatchObject({ title: '服务记录有更新', body: '请在小程序中查看' });
    const day = chinaDay(new Date());
    expect(host.store.get('counters', `help_action:type=调解|day|${day}`)?.doc).toMatchObject({ times: 1 });
    expect(host.store.get('counters', `help_closed:outcome=调解成功|day|${day}`)?.doc).toMatchObject({ times: 1 });
    expect((host.store.get('counters', `help_accepted|day|${day}`)?.doc as Loose).acceptMs).toBeGreaterThanOrEqual(0);
  });

  it('schedules a follow-up after a warning letter and clears it after the visit', async () => {
    const id = await newCase();
    const res = dataOf(await call(host, 'help', 'addAction', { id, type: '协助公安出具告诫书', date: chinaDay(new Date()), note: '陪同到派出所' }, ACTORS.townHere));
    expect(Date.parse(res.followUpAt ?? '') - Date.now()).toBeGreaterThan(5 * 86_400_000);
    await call(host, 'help', 'addAction', { id, type: '回访', date: chinaDay(new Date()), note: '上门回访，情况稳定' }, ACTORS.stationHere);
    expect((host.store.get('cases', id)?.doc as Loose).followUpAt).toBeNull();
  });

  it('refuses a second acceptance and actions on a closed case', async () => {
    const id = await newCase();
    await call(host, 'help', 'accept', { id }, ACTORS.stationHere);
    expect(await call(host, 'help', 'accept', { id }, ACTORS.townHere)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await call(host, 'help', 'close', { id, outcome: '已办结', note: '完成' }, ACTORS.stationHere);
    expect(await call(host, 'help', 'addAction', { id, type: '其他', date: '2026-11-28', note: 'x' }, ACTORS.stationHere)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('counts a walk-in visit like an online request', async () => {
    const day = chinaDay(new Date());
    const before = (host.store.get('counters', `help_request|day|${day}`)?.doc as Loose | undefined)?.times as number;
    await call(host, 'help', 'logVisit', { category: '法律咨询', date: day, note: '咨询抚养费', outcome: '已办结' }, ACTORS.stationHere);
    expect((host.store.get('counters', `help_request|day|${day}`)?.doc as Loose).times).toBe(before + 1);
    expect(host.store.get('counters', `help_request:channel=visit|day|${day}`)?.doc).toBeDefined();
  });
});

describe('the timer: escalation, reminders and purge (with a controlled clock)', () => {
  const timer = () => host.invoke('helpTimer', { Type: 'Timer', TriggerName: 'hourly', Time: new Date().toISOString() }, null) as Promise<{ ok: boolean; data: Loose }>;
  afterEach(() => jest.useRealTimers());
  const travel = (ms: number) => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'setTimeout', 'setInterval', 'nextTick', 'queueMicrotask', 'clearTimeout', 'clearInterval', 'clearImmediate', 'hrtime', 'performance'], now: Date.now() + ms });
  };

  it('refuses to run for a person', async () => {
    expect(await host.invoke('helpTimer', { Type: 'Timer' }, { openid: 'dev-admin' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await host.invoke('helpTimer', {}, null)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('escalates an unaccepted request to the town, then the district', async () => {
    const id = await newCase('h-late');
    travel(5 * 3_600_000); // urgent: 4 hours to accept
    expect((await timer()).ok).toBe(true);
    expect((host.store.get('cases', id)?.doc as Loose).escalation).toBe('town');
    expect(dataOf(await call(host, 'account', 'inbox', {}, ACTORS.townHere)).items[0]?.title).toBe('有服务记录超时未受理');
    travel(10 * 3_600_000);
    await timer();
    expect((host.store.get('cases', id)?.doc as Loose).escalation).toBe('district');
  });

  it('tells the staff it escalates to by subscribe message too (helpTimer declares subscribeMessage.send)', async () => {
    // Without permissions.openapi in helpTimer's config.json, CloudBase answers -604101 and only the inbox is written.
    host.openapi.grantSubscription(ACTORS.townHere, 'local-status-template');
    const id = await newCase('h-late-sub');
    travel(5 * 3_600_000);
    expect((await timer()).ok).toBe(true);
    const sent = host.store.candidates('outbox', { touser: ACTORS.townHere }).find((m) => m.page === `pkg-staff/pages/case/index?id=${id}`);
    expect(sent).toMatchObject({ data: { thing1: { value: '有服务记录超时未受理' }, phrase2: { value: '待处理' } } });
  });

  it('runs for the timer event whatever the case of its Type', async () => {
    for (const Type of ['timer', 'TIMER']) expect(await host.invoke('helpTimer', { Type, TriggerName: 'hourly', Time: new Date().toISOString() }, null)).toMatchObject({ ok: true });
  });

  it('purges personal fields 180 days after closure and keeps what the statistics need', async () => {
    const id = await newCase('h-purge');
    await call(host, 'help', 'addAction', { id, type: '调解', date: '2026-11-28', note: '调解记录', messageToRequester: '请留意电话' }, ACTORS.stationHere);
    await call(host, 'help', 'close', { id, outcome: '调解成功', note: '结案说明' }, ACTORS.stationHere);
    const counters = JSON.stringify(host.store.candidates('counters', {}).map((c) => [c._id, c.times]));
    travel(179 * 86_400_000);
    await timer();
    expect((host.store.get('cases', id)?.doc as Loose).purgedAt).toBeNull();
    travel(181 * 86_400_000);
    const res = await timer();
    expect(res.data.purged).toBeGreaterThanOrEqual(1);
    const doc = host.store.get('cases', id)?.doc as Loose;
    expect(doc).toMatchObject({ secret: null, phoneMask: null, requester: null, closeNote: null, messages: [], category: '家庭暴力', town: 'shuangjiang', village: 'shuangjiang-v1', outcome: '调解成功', status: 'closed' });
    expect((doc.actions as Loose[])[0]).toMatchObject({ type: '调解', date: '2026-11-28', note: null, message: null });
    expect(JSON.stringify(doc)).not.toMatch(/调解记录|请留意电话|结案说明|h-purge/);
    const staffView = dataOf(await call(host, 'help', 'getCase', { id }, ACTORS.district));
    expect(staffView).toMatchObject({ purged: true, phone: null, description: '（个人信息已按规定删除）' });
    // The statistics did not move.
    expect(JSON.stringify(host.store.candidates('counters', {}).map((c) => [c._id, c.times]))).toBe(counters);
  });
});
