import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CONSENT_VERSION } from '../../shared/domain/help';
import { chinaDay } from '../../shared/time';
import type { Host } from '../../server/host';
import { provideSecrets } from '../../server/secrets';
import { call, dataOf, freshHost, tempDir } from '../support/host';

let host: Host;
let dataDir: string;
type Loose = Record<string, unknown>;

const PHONE = '13987654321';
const STORY = '他把我的身份证藏起来了，还威胁说要带走孩子';
const SAFE_TIMES = '周二下午三点以后';
const CONTACT_NOTE = '接电话的若是婆婆就说是社区体检';
const STAFF_MESSAGE = '明天上午十点在村委会二楼等您。';
const ACTION_NOTE = '到村委会面谈，约定下次见面时间';
const CLOSE_NOTE = '已协助申请并送达，情况稳定';

const request = (extra: Loose = {}) => ({
  category: '家庭暴力',
  description: STORY,
  town: 'shuangjiang',
  village: 'shuangjiang-v1',
  contact: { method: 'phone', phone: PHONE, safeTimes: SAFE_TIMES, note: CONTACT_NOTE },
  urgency: 'normal',
  age: 'adult',
  consentVersion: CONSENT_VERSION,
  ...extra,
});

let people = 0;
const someone = () => `hs-person-${(people += 1)}`;
const submit = async (openid: string, extra: Loose = {}) => dataOf(await call(host, 'help', 'submitRequest', request(extra), openid));
const caseDoc = (id: string) => host.store.get('cases', id)?.doc as Loose;

const timer = () => host.invoke('helpTimer', { Type: 'Timer', TriggerName: 'hourly', Time: new Date().toISOString() }, null) as Promise<{ ok: boolean; data: Loose }>;
const travel = (ms: number) => {
  jest.useFakeTimers({ doNotFake: ['setImmediate', 'setTimeout', 'setInterval', 'nextTick', 'queueMicrotask', 'clearTimeout', 'clearInterval', 'clearImmediate', 'hrtime', 'performance'], now: Date.now() + ms });
};

beforeAll(() => {
  dataDir = tempDir('help-safety-');
  host = freshHost({ dataDir });
});
afterAll(() => host.close());
afterEach(() => jest.useRealTimers());

describe('nothing links her to a case outside the sealed record', () => {
  it('files her notices under her requester key, opening her list of records, never naming the case or her OPENID', async () => {
    const her = someone();
    const { id, reference } = await submit(her);
    await call(host, 'help', 'accept', { id }, 'dev-station');
    await call(host, 'help', 'addAction', { id, type: '回访', date: chinaDay(new Date()), note: ACTION_NOTE, messageToRequester: STAFF_MESSAGE }, 'dev-station');
    const inbox = dataOf(await call(host, 'account', 'inbox', {}, her));
    expect(inbox.items).toHaveLength(2);
    for (const item of inbox.items) expect(item).toMatchObject({ title: '服务记录有更新', page: 'pkg-help/pages/records/index' });
    const stored = host.store.candidates('inbox', {}).filter((n) => n.case === id);
    expect(stored).toHaveLength(2);
    for (const n of stored) {
      expect(n.openid).not.toBe(her);
      expect(JSON.stringify(n)).not.toContain(her);
      expect(String(n.page)).not.toContain(id);
      expect(JSON.stringify(n)).not.toContain(reference);
    }
    // She can mark them read; nobody else can.
    const ids = inbox.items.map((i) => i.id);
    expect(dataOf(await call(host, 'account', 'markInboxRead', { ids }, someone()))).toEqual({ read: 0 });
    expect(dataOf(await call(host, 'account', 'markInboxRead', { ids }, her))).toEqual({ read: 2 });
  });

  it('seals the messages staff write to her', async () => {
    const her = someone();
    const { id } = await submit(her);
    await call(host, 'help', 'addAction', { id, type: '回访', date: chinaDay(new Date()), note: ACTION_NOTE, messageToRequester: STAFF_MESSAGE }, 'dev-station');
    expect(JSON.stringify(caseDoc(id))).not.toContain(STAFF_MESSAGE);
    expect(dataOf(await call(host, 'help', 'getMyRequest', { id }, her)).messages.map((m) => m.text)).toContain(STAFF_MESSAGE);
  });

  it('after a full case life and the purge, the SQLite files hold nothing of her, and nothing joins a user to the case', async () => {
    const her = `hs-raw-${randomBytes(6).toString('hex')}`;
    const herKey = `r${createHmac('sha256', process.env.HELP_LOOKUP_KEY ?? '').update(her).digest('hex').slice(0, 40)}`;
    const { id, reference } = await submit(her, { urgency: 'urgent' });
    expect(caseDoc(id).requester).toBe(herKey);
    await call(host, 'help', 'getMyRequest', { id }, her);
    await call(host, 'help', 'getCase', { id }, 'dev-station');
    await call(host, 'help', 'accept', { id }, 'dev-station');
    await call(host, 'help', 'assign', { id, assignee: 'dev-station' }, 'dev-town');
    await call(host, 'help', 'addAction', { id, type: '协助公安出具告诫书', date: chinaDay(new Date()), note: ACTION_NOTE, messageToRequester: STAFF_MESSAGE }, 'dev-station');
    await call(host, 'help', 'close', { id, outcome: '已办结', note: CLOSE_NOTE }, 'dev-station');
    dataOf(await call(host, 'account', 'inbox', {}, her));
    travel(181 * 86_400_000);
    expect((await timer()).ok).toBe(true);
    expect(caseDoc(id)).toMatchObject({ requester: null, secret: null, messages: [] });
    await new Promise((r) => setTimeout(r, 50));

    const files = fs.readdirSync(dataDir).filter((f) => f.startsWith('store.sqlite'));
    expect(files).toEqual(expect.arrayContaining(['store.sqlite', 'store.sqlite-wal']));
    for (const f of files) {
      const bytes = fs.readFileSync(path.join(dataDir, f));
      for (const secret of [her, PHONE, STORY, SAFE_TIMES, CONTACT_NOTE, STAFF_MESSAGE, ACTION_NOTE, CLOSE_NOTE]) {
        expect({ file: f, secret, found: bytes.includes(Buffer.from(secret, 'utf8')) }).toEqual({ file: f, secret, found: false });
      }
    }

    // She uses the app on: she has a profile. No stored document that names her (OPENID or keyed
    // hash) names the case, and nothing left holds her keyed hash at all.
    dataOf(await call(host, 'account', 'me', {}, her));
    const everything = host.store.listCollections().flatMap((coll) => host.store.candidates(coll, {}).map((doc) => ({ coll, text: JSON.stringify(doc) })));
    const hers = everything.filter((d) => d.text.includes(her) || d.text.includes(herKey));
    expect(hers.map((d) => d.coll)).toEqual(['users']);
    for (const d of hers) {
      expect(d.text).not.toContain(id);
      expect(d.text).not.toContain(reference);
    }
    expect(everything.filter((d) => d.text.includes(id) && d.coll !== 'cases' && d.coll !== 'case_audit' && d.coll !== 'inbox')).toEqual([]);
    expect(host.store.candidates('inbox', {}).filter((n) => n.case === id)).toHaveLength(0);
  });
});

describe('withdraw means erase', () => {
  it('erases her details, the messages and her notices at once, keeping what the statistics need', async () => {
    const her = someone();
    const { id } = await submit(her);
    await call(host, 'help', 'addAction', { id, type: '回访', date: chinaDay(new Date()), note: ACTION_NOTE, messageToRequester: STAFF_MESSAGE }, 'dev-station');
    expect(host.store.candidates('inbox', {}).filter((n) => n.case === id)).toHaveLength(1);
    const day = chinaDay(new Date());
    const withdrawnBefore = (host.store.get('counters', `help_closed:outcome=求助人撤回|day|${day}`)?.doc as Loose | undefined)?.times ?? 0;

    expect(dataOf(await call(host, 'help', 'withdraw', { id }, her))).toEqual({ id, status: '已撤回', erased: true });
    const doc = caseDoc(id);
    expect(doc).toMatchObject({ status: 'closed', withdrawn: true, outcome: '求助人撤回', secret: null, phoneMask: null, requester: null, messages: [], category: '家庭暴力', village: 'shuangjiang-v1' });
    expect(doc.purgedAt).toBeInstanceOf(Date);
    expect((doc.actions as Loose[])[0]).toMatchObject({ type: '回访', note: null, message: null });
    expect(JSON.stringify(doc)).not.toContain(her);
    expect(host.store.candidates('inbox', {}).filter((n) => n.case === id)).toHaveLength(0);
    expect(dataOf(await call(host, 'account', 'inbox', {}, her)).items).toHaveLength(0);
    // Staff see that it is gone; she no longer finds it.
    expect(dataOf(await call(host, 'help', 'getCase', { id }, 'dev-station'))).toMatchObject({ purged: true, phone: null, description: '（个人信息已按规定删除）' });
    expect(await call(host, 'help', 'getMyRequest', { id }, her)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((host.store.get('counters', `help_closed:outcome=求助人撤回|day|${day}`)?.doc as Loose).times).toBe((withdrawnBefore as number) + 1);
  });
});

describe('the audit trail', () => {
  it('records every staff action on a case (read, accept, assign, action, close, walk-in visit) and every reading of the log', async () => {
    const { id, reference } = await submit(someone());
    await call(host, 'help', 'getCase', { id }, 'dev-station');
    await call(host, 'help', 'accept', { id }, 'dev-station');
    await call(host, 'help', 'assign', { id, assignee: 'dev-station' }, 'dev-town');
    await call(host, 'help', 'addAction', { id, type: '调解', date: chinaDay(new Date()), note: ACTION_NOTE }, 'dev-station');
    await call(host, 'help', 'close', { id, outcome: '调解成功', note: CLOSE_NOTE }, 'dev-station');
    const visit = dataOf(await call(host, 'help', 'logVisit', { category: '法律咨询', date: chinaDay(new Date()), note: '来访咨询抚养费' }, 'dev-station'));

    const log = dataOf(await call(host, 'help', 'auditLog', { caseId: id }, 'dev-admin'));
    expect(log.entries.map((e) => [e.action, e.staff, e.detail]).reverse()).toEqual([
      ['read', 'dev-station', null],
      ['accept', 'dev-station', null],
      ['assign', 'dev-town', '指派给刘妈（双江镇示例村一工作室）'],
      ['action', 'dev-station', '调解'],
      ['close', 'dev-station', '调解成功'],
    ]);
    expect(log.entries.every((e) => e.reference === reference)).toBe(true);
    expect(JSON.stringify(log)).not.toMatch(new RegExp(`${STORY}|${ACTION_NOTE}|${CLOSE_NOTE}`));
    const visits = dataOf(await call(host, 'help', 'auditLog', { caseId: visit.id }, 'dev-admin'));
    expect(visits.entries.map((e) => [e.action, e.staff, e.detail])).toEqual([['visit', 'dev-station', '法律咨询']]);

    // Reading the log is on the log, with what was looked for.
    const reads = dataOf(await call(host, 'help', 'auditLog', { staff: 'dev-admin' }, 'dev-admin'));
    expect(reads.entries.filter((e) => e.action === 'audit_read').length).toBeGreaterThanOrEqual(3);
    expect(reads.entries.some((e) => e.detail === id)).toBe(true);
    expect(reads.entries.every((e) => e.staff === 'dev-admin' && e.caseId === null)).toBe(true);
  });

  it('pages the log and filters it by case, reference, staff member and China date, reaching the oldest entry of a long log', async () => {
    const { id, reference } = await submit(someone());
    const first = new Date();
    for (let i = 0; i < 130; i += 1) await call(host, 'help', 'getCase', { id }, i % 2 === 0 ? 'dev-station' : 'dev-town');
    const byCase = [];
    for (let page = 1; page <= 4; page += 1) byCase.push(...dataOf(await call(host, 'help', 'auditLog', { caseId: id, page, pageSize: 50 }, 'dev-admin')).entries);
    expect(byCase).toHaveLength(130);
    const pageOne = dataOf(await call(host, 'help', 'auditLog', { reference, pageSize: 50 }, 'dev-admin'));
    expect(pageOne).toMatchObject({ total: 130, page: 1, pageSize: 50 });
    expect(pageOne.entries).toHaveLength(50);
    expect(byCase.map((e) => e.at)).toEqual([...byCase.map((e) => e.at)].sort().reverse());
    expect(Date.parse(byCase[129]?.at ?? '')).toBeGreaterThanOrEqual(first.getTime() - 1000);
    expect(dataOf(await call(host, 'help', 'auditLog', { caseId: id, staff: 'dev-town', pageSize: 50 }, 'dev-admin')).total).toBe(65);
    const today = chinaDay(new Date());
    expect(dataOf(await call(host, 'help', 'auditLog', { caseId: id, from: today, to: today }, 'dev-admin')).total).toBe(130);
    const yesterday = chinaDay(new Date(Date.now() - 86_400_000));
    expect(dataOf(await call(host, 'help', 'auditLog', { caseId: id, to: yesterday }, 'dev-admin')).total).toBe(0);
    expect(dataOf(await call(host, 'help', 'auditLog', { caseId: id, from: chinaDay(new Date(Date.now() + 86_400_000)) }, 'dev-admin')).total).toBe(0);
  });
});

describe('abuse limits', () => {
  it('takes three requests per person per China day; the refusal keeps 110 and 12338 in view; the next day she may ask again', async () => {
    const her = someone();
    for (let i = 0; i < 3; i += 1) await submit(her);
    const count = host.store.candidates('cases', {}).length;
    const refused = await call(host, 'help', 'submitRequest', request(), her);
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    if (!refused.ok) {
      expect(refused.error.message).toContain('110');
      expect(refused.error.message).toContain('12338');
      expect(refused.error.message).toContain('拨打');
    }
    expect(host.store.candidates('cases', {})).toHaveLength(count);
    // Someone else is not affected; the allowance is not stored under her OPENID.
    await submit(someone());
    expect(JSON.stringify(host.store.candidates('quotas', {}))).not.toContain(her);
    travel(86_400_000);
    await submit(her);
  });

  it('reads the limit from HELP_REQUESTS_PER_DAY', async () => {
    process.env.HELP_REQUESTS_PER_DAY = '1';
    try {
      const her = someone();
      await submit(her);
      expect(await call(host, 'help', 'submitRequest', request(), her)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    } finally {
      delete process.env.HELP_REQUESTS_PER_DAY;
    }
  });
});

describe('sealing bound to its place', () => {
  it('refuses to open a sealed value moved to another case', async () => {
    const a = await submit(someone());
    const b = await submit(someone(), { description: '另一个人的情况说明，与上一条无关' });
    host.store.commitSync([{ coll: 'cases', id: b.id, doc: { ...caseDoc(b.id), _id: b.id, secret: caseDoc(a.id).secret } }]);
    const res = await call(host, 'help', 'getCase', { id: b.id }, 'dev-district');
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(res)).not.toContain(STORY);
    // Moved between fields of the same case, too.
    const c = await submit(someone());
    await call(host, 'help', 'close', { id: c.id, outcome: '已办结', note: CLOSE_NOTE }, 'dev-station');
    const doc = caseDoc(c.id);
    host.store.commitSync([{ coll: 'cases', id: c.id, doc: { ...doc, _id: c.id, secret: doc.closeNote } }]);
    expect(await call(host, 'help', 'getCase', { id: c.id }, 'dev-district')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('opens records sealed before places were bound, and records under a retired key during rotation', async () => {
    const keys = JSON.parse(process.env.HELP_KEYS ?? '{}') as Record<string, string>;
    const k1 = keys[process.env.HELP_ACTIVE_KEY ?? ''] ?? '';
    // A record as sealed before: AES-GCM without additional data.
    const legacy = (value: unknown) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', Buffer.from(k1, 'base64'), iv);
      const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return { kid: process.env.HELP_ACTIVE_KEY, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
    };
    const { id } = await submit(someone());
    const old = caseDoc(id);
    host.store.commitSync([
      {
        coll: 'cases',
        id,
        doc: { ...old, _id: id, secret: legacy({ description: '旧格式的情况说明', phone: PHONE, safeTimes: null, note: null, openid: 'legacy-her' }), messages: [{ at: new Date(), text: '旧的留言' }] },
      },
    ]);
    expect(dataOf(await call(host, 'help', 'getCase', { id }, 'dev-district'))).toMatchObject({ description: '旧格式的情况说明', phone: PHONE });

    // Rotation: k2 becomes active, k1 stays until its records are purged.
    const saved = { keys: process.env.HELP_KEYS, active: process.env.HELP_ACTIVE_KEY };
    process.env.HELP_KEYS = JSON.stringify({ ...keys, k2: randomBytes(32).toString('base64') });
    process.env.HELP_ACTIVE_KEY = 'k2';
    try {
      const her = someone();
      const fresh = await submit(her);
      expect((caseDoc(fresh.id).secret as Loose).kid).toBe('k2');
      expect(dataOf(await call(host, 'help', 'getCase', { id }, 'dev-district')).description).toBe('旧格式的情况说明');
      const before = await submit(someone());
      expect(dataOf(await call(host, 'help', 'getCase', { id: fresh.id }, 'dev-district')).description).toBe(STORY);
      expect((caseDoc(before.id).secret as Loose).kid).toBe('k2');
    } finally {
      process.env.HELP_KEYS = saved.keys;
      process.env.HELP_ACTIVE_KEY = saved.active;
    }
  });

  it('keeps the help keys outside the data folder when HELP_KEYS_FILE names a place, moving keys found in the data folder there', () => {
    const data = tempDir('keys-data-');
    const apart = path.join(tempDir('keys-apart-'), 'help-keys.json');
    const env: NodeJS.ProcessEnv = {};
    provideSecrets(data, null, env);
    const inData = JSON.parse(fs.readFileSync(path.join(data, 'secrets.json'), 'utf8')) as Loose;
    expect(inData.active).toBe('k1');
    expect(JSON.stringify(inData.keys)).toBe(env.HELP_KEYS);
    const firstEnv = { ...env };
    provideSecrets(data, apart, env);
    expect(env).toEqual(firstEnv);
    expect(JSON.parse(fs.readFileSync(apart, 'utf8'))).toEqual({ active: 'k1', keys: inData.keys, lookup: inData.lookup });
    expect(fs.statSync(apart).mode & 0o777).toBe(0o600);
    const left = JSON.parse(fs.readFileSync(path.join(data, 'secrets.json'), 'utf8')) as Loose;
    expect(Object.keys(left)).toEqual(['host']);
    for (const name of fs.readdirSync(data)) expect(fs.readFileSync(path.join(data, name)).includes(Buffer.from(String(inData.lookup)))).toBe(false);
    // A fresh data folder with HELP_KEYS_FILE set never holds keys at all.
    const fresh = tempDir('keys-fresh-');
    provideSecrets(fresh, path.join(tempDir('keys-apart-'), 'k.json'), {});
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(fresh, 'secrets.json'), 'utf8')) as Loose)).toEqual(['host']);
  });

  it('gives each deployed function only the keys its code uses (helpTimer opens nothing)', () => {
    const root = path.join(__dirname, '../..');
    const rc = JSON.parse(fs.readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8')) as { functions: Array<{ name: string; config: { envVariables?: Record<string, string> } }> };
    for (const fn of rc.functions) {
      const bundle = fs.readFileSync(path.join(root, 'dist/cloudfunctions', fn.name, 'index.js'), 'utf8');
      for (const key of ['HELP_KEYS', 'HELP_ACTIVE_KEY', 'HELP_LOOKUP_KEY']) {
        expect({ fn: fn.name, key, given: key in (fn.config.envVariables ?? {}) }).toEqual({ fn: fn.name, key, given: bundle.includes(key) });
      }
    }
    expect(rc.functions.find((f) => f.name === 'helpTimer')?.config.envVariables).not.toHaveProperty('HELP_KEYS');
  });
});

describe('staff lists at any size', () => {
  const station = 'hs-station-v2';
  const ids: string[] = [];
  beforeAll(async () => {
    host.store.commitSync([{ coll: 'users', id: station, doc: { _id: station, role: 'station', name: '示例村二工作室', town: 'shuangjiang', village: 'shuangjiang-v2', createdAt: new Date() } }]);
    for (let i = 0; i < 130; i += 1) ids.push((await submit(someone(), { village: 'shuangjiang-v2', urgency: i % 3 === 0 ? 'urgent' : 'normal' })).id);
  }, 60_000);

  async function allPages(action: 'caseQueue' | 'followUps', input: Loose) {
    const seen: Array<{ id: string; urgency: string; dueAt: string | null; followUpAt: string | null }> = [];
    for (let page = 1; page <= 20; page += 1) {
      const out = dataOf(await call(host, 'help', action, { ...input, page, pageSize: 50 }, station));
      seen.push(...out.cases);
      if (page * 50 >= out.total) break;
    }
    return seen;
  }

  it('caseQueue reaches every one of more than a hundred open cases, urgent first and then the earliest due, page by page', async () => {
    const first = dataOf(await call(host, 'help', 'caseQueue', { status: 'open' }, station));
    expect(first).toMatchObject({ total: 130, page: 1, pageSize: 20 });
    const queue = await allPages('caseQueue', { status: 'open' });
    expect(queue).toHaveLength(130);
    expect(new Set(queue.map((c) => c.id))).toEqual(new Set(ids));
    const expected = ids
      .map((id) => caseDoc(id))
      .sort((a, b) => Number(b.urgency === 'urgent') - Number(a.urgency === 'urgent') || (a.dueAt as Date).getTime() - (b.dueAt as Date).getTime() || String(a._id).localeCompare(String(b._id)))
      .map((c) => c._id);
    expect(queue.map((c) => c.id)).toEqual(expected);
    // The oldest request, the one most overdue, is on the first page.
    expect(first.cases.map((c) => c.id)).toContain(ids[0]);
  });

  it('caseQueue puts walk-in visits (no due time) after the dated cases, and lists closed cases newest first', async () => {
    const visit = dataOf(await call(host, 'help', 'logVisit', { category: '法律咨询', date: chinaDay(new Date()), note: '来访咨询' }, station));
    const queue = await allPages('caseQueue', { status: 'open' });
    expect(queue).toHaveLength(131);
    expect(queue[130]?.id).toBe(visit.id);
    for (const id of ids.slice(0, 2)) await call(host, 'help', 'close', { id, outcome: '已办结', note: '' }, station);
    const closed = dataOf(await call(host, 'help', 'caseQueue', { status: 'closed' }, station));
    expect(closed.total).toBe(2);
    expect(closed.cases.map((c) => c.id)).toEqual([ids[1], ids[0]]);
  });

  it('followUps reaches every one of more than a hundred due follow-ups, soonest first', async () => {
    const tenDaysAgo = chinaDay(new Date(Date.now() - 10 * 86_400_000));
    const nineDaysAgo = chinaDay(new Date(Date.now() - 9 * 86_400_000));
    const due = ids.slice(2, 112);
    for (const [i, id] of due.entries()) await call(host, 'help', 'addAction', { id, type: '协助公安出具告诫书', date: i % 2 === 0 ? nineDaysAgo : tenDaysAgo, note: '陪同' }, station);
    const list = await allPages('followUps', {});
    expect(list).toHaveLength(110);
    expect(new Set(list.map((c) => c.id))).toEqual(new Set(due));
    const times = list.map((c) => Date.parse(c.followUpAt ?? ''));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  }, 60_000);
});
