import { CONSENT_VERSION } from '../../shared/domain/help';
import type { Host } from '../../server/host';
import { call, dataOf, freshHost } from '../support/host';

let host: Host;
const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();

beforeAll(() => {
  host = freshHost();
  // 桂林街道 has no villages entered: its staff are the only ones who can take what comes from there.
  host.store.commitSync([{ coll: 'users', id: 'town-guilin', doc: { _id: 'town-guilin', role: 'town', name: '桂林街道妇联', town: 'guilin', village: null, createdAt: new Date() } }]);
});
afterAll(() => host.close());

const helpRequest = (town: string, village?: string) => ({
  category: '婚姻家庭纠纷',
  description: '想咨询离婚时孩子抚养的问题',
  town,
  ...(village ? { village } : {}),
  contact: { method: 'in_app' },
  urgency: 'normal',
  age: 'adult',
  consentVersion: CONSENT_VERSION,
});

async function quiz(openid: string): Promise<void> {
  const start = dataOf(await call(host, 'learn', 'startQuiz', { mode: 'practice', lawId: 'anti-dv', count: 1 }, openid));
  dataOf(await call(host, 'learn', 'submitQuiz', { attemptId: start.attemptId, answers: [] }, openid));
}

describe('her place, once', () => {
  it('a first-time visitor has no place and has not skipped; 以后再说 is remembered', async () => {
    expect(dataOf(await call(host, 'account', 'me', {}, 'p-new'))).toMatchObject({ role: 'user', town: null, placeSkipped: false });
    expect(dataOf(await call(host, 'account', 'skipRegion', {}, 'p-new'))).toMatchObject({ town: null, placeSkipped: true });
    expect(dataOf(await call(host, 'account', 'me', {}, 'p-new'))).toMatchObject({ placeSkipped: true });
  });

  it('the first screen’s one call (listLaws) says whether to ask: a newcomer yes; after 以后再说, a chosen place, or for staff, no', async () => {
    const ask = async (who: string) => dataOf(await call(host, 'learn', 'listLaws', {}, who)).askPlace;
    expect(await ask('p-ask')).toBe(true);
    dataOf(await call(host, 'account', 'skipRegion', {}, 'p-ask'));
    expect(await ask('p-ask')).toBe(false);
    dataOf(await call(host, 'account', 'setRegion', { town: 'guxi' }, 'p-ask2'));
    expect(await ask('p-ask2')).toBe(false);
    expect(await ask('dev-town')).toBe(false);
  });

  it('staff cannot skip or set their own place', async () => {
    for (const who of ['dev-station', 'dev-town', 'dev-district', 'dev-admin']) {
      expect(await call(host, 'account', 'skipRegion', {}, who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await call(host, 'account', 'setRegion', { town: 'guilin' }, who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('a town with no villages entered is a full answer, and the picker lists it with none', async () => {
    const { towns } = dataOf(await call(host, 'account', 'listRegions', {}, 'p-guilin'));
    expect(towns.find((t) => t.id === 'guilin')).toMatchObject({ villages: [] });
    expect(dataOf(await call(host, 'account', 'setRegion', { town: 'guilin' }, 'p-guilin'))).toMatchObject({ town: 'guilin', townName: '桂林街道', village: null });
  });

  it('her quiz counts for her town and her village on the district dashboard', async () => {
    dataOf(await call(host, 'account', 'setRegion', { town: 'shuangjiang', village: 'shuangjiang-v2' }, 'p-sj'));
    const before = dataOf(await call(host, 'stats', 'dashboard', { kind: 'month' }, 'dev-district'));
    await quiz('p-sj');
    const after = dataOf(await call(host, 'stats', 'dashboard', { kind: 'month' }, 'dev-district'));
    const town = (d: typeof after) => d.towns.find((t) => t.town === 'shuangjiang')?.quizPeople ?? 0;
    const village = (d: typeof after) => d.villages.find((v) => v.village === 'shuangjiang-v2')?.quizPeople ?? 0;
    expect([town(after) - town(before), village(after) - village(before)]).toEqual([1, 1]);
    expect(after.villages.find((v) => v.village === 'shuangjiang-v2')).toMatchObject({ name: '双江镇示例村二' });
    // The town's staff see every village of theirs, the station only its own figures.
    const townView = dataOf(await call(host, 'stats', 'dashboard', { kind: 'month' }, 'dev-town'));
    expect(townView.villages.map((v) => v.village).sort()).toEqual(['shuangjiang-v1', 'shuangjiang-v2']);
  });

  it('a quiz by a woman who gave only her town counts for the town and no village', async () => {
    const before = dataOf(await call(host, 'stats', 'dashboard', { kind: 'month' }, 'dev-district'));
    await quiz('p-guilin');
    const after = dataOf(await call(host, 'stats', 'dashboard', { kind: 'month' }, 'dev-district'));
    expect(after.towns.find((t) => t.town === 'guilin')?.quizPeople).toBe((before.towns.find((t) => t.town === 'guilin')?.quizPeople ?? 0) + 1);
    expect(after.villages.some((v) => v.town === 'guilin')).toBe(false);
  });

  it('议事 shows the topics of her town once she has said where she lives', async () => {
    const id = dataOf(await call(host, 'hall', 'createTopic', { title: '桂林街道的议题', description: '', scope: { level: 'town', town: 'guilin', village: null }, deadline }, 'town-guilin')).id;
    const listed = async (who: string) => dataOf(await call(host, 'hall', 'listTopics', {}, who)).topics.some((t) => t.id === id);
    expect(await listed('p-guilin')).toBe(true);
    expect(await listed('p-new')).toBe(false);
  });
});

describe('never blocked by missing places', () => {
  it('a help request from a town without villages goes to that town’s staff', async () => {
    const { id } = dataOf(await call(host, 'help', 'submitRequest', helpRequest('guilin'), 'p-guilin'));
    const queue = dataOf(await call(host, 'help', 'caseQueue', { status: 'open' }, 'town-guilin'));
    expect(queue.cases.find((c) => c.id === id)).toMatchObject({ placeName: '桂林街道', escalation: 'town' });
    expect(dataOf(await call(host, 'account', 'inbox', {}, 'town-guilin')).items[0]).toMatchObject({ title: '有新的服务记录待受理' });
    expect(dataOf(await call(host, 'help', 'caseQueue', { status: 'open' }, 'dev-town')).cases.some((c) => c.id === id)).toBe(false);
  });

  it('不方便说: a request with a town and no village goes to the town’s staff, not a station', async () => {
    const { id } = dataOf(await call(host, 'help', 'submitRequest', helpRequest('shuangjiang'), 'p-unsaid'));
    expect(dataOf(await call(host, 'help', 'caseQueue', { status: 'open' }, 'dev-town')).cases.find((c) => c.id === id)).toMatchObject({ escalation: 'town', placeName: '双江镇' });
    expect(dataOf(await call(host, 'help', 'caseQueue', { status: 'open' }, 'dev-station')).cases.some((c) => c.id === id)).toBe(false);
  });

  it('a request from a village without a station goes to the town’s staff at once', async () => {
    const { id } = dataOf(await call(host, 'help', 'submitRequest', helpRequest('shuangjiang', 'shuangjiang-v2'), 'p-sj'));
    expect(dataOf(await call(host, 'help', 'caseQueue', { status: 'open' }, 'dev-town')).cases.find((c) => c.id === id)).toMatchObject({ escalation: 'town' });
  });

  it('a request from a village with a station still goes to the station', async () => {
    const { id } = dataOf(await call(host, 'help', 'submitRequest', helpRequest('shuangjiang', 'shuangjiang-v1'), 'p-v1'));
    expect(dataOf(await call(host, 'help', 'caseQueue', { status: 'open' }, 'dev-station')).cases.find((c) => c.id === id)).toMatchObject({ escalation: 'station' });
  });

  it('a free suggestion from a town without villages is the town’s, handled by its staff', async () => {
    const s = dataOf(await call(host, 'hall', 'submitSuggestion', { content: '希望街道多办几场法律讲座，方便上班的人参加', anonymous: false }, 'p-guilin'));
    const handled = async (who: string) =>
      [...dataOf(await call(host, 'hall', 'handlingQueue', {}, who)).suggestions, ...dataOf(await call(host, 'hall', 'moderationQueue', {}, who)).suggestions].some((x) => x.id === s.id);
    expect(await handled('town-guilin')).toBe(true);
    expect(await handled('dev-town')).toBe(false);
  });

  it('a village not of the town is refused with a clear code, nothing stored', async () => {
    const res = await call(host, 'help', 'submitRequest', helpRequest('guilin', 'shuangjiang-v1'), 'p-guilin');
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
