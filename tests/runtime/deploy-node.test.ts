import fs from 'node:fs';
import path from 'node:path';
import { contracts, type ActionName, type FnName } from '../../shared/contracts';
import type { ActionContract } from '../../shared/contracts/define';
import { IMPORT_HEADER } from '../../shared/domain/question-import';
import { CONSENT_VERSION } from '../../shared/domain/help';
import { roleAllowed, type Role } from '../../shared/roles';
import { chinaDay } from '../../shared/time';
import { DEV_PEOPLE } from '../../server/dev-people';
import type { Host } from '../../server/host';
import { call, dataOf, freshHost, tempDir } from '../support/host';
import { deployNode, deployRuntimes } from '../support/deploy-node';

// The built bundles (dist/cloudfunctions) executed by the Node of the deploy runtime
// (cloudbaserc.json), each database request served by the local store in this host: every action
// of every function, called with a valid input by a role allowed to call it, must answer ok.

const node = deployNode();
const dataDir = tempDir('deploy-node-');
let host: Host;
beforeAll(() => {
  host = freshHost({ node: node.binary, dataDir });
});
afterAll(() => host.close());

/** What the steps learn from each other (ids made by earlier calls). */
type State = Record<string, string>;
type Data = Record<string, unknown> & { [k: string]: unknown };
interface Case {
  /** Who calls: a sample person's OPENID, or a fresh one. */
  as: string;
  input: (s: State) => Record<string, unknown>;
  /** Calls made first (they run on the deploy runtime too). */
  prepare?: (s: State) => Promise<void>;
  /** Keeps what later cases need from the answer. */
  keep?: (data: Data, s: State) => void;
}

const LEARNER = 'dev-learner';
const NEIGHBOUR = 'rt-neighbour';
const STATION = 'dev-station';
const TOWN = 'dev-town';
const DISTRICT = 'dev-district';
const ADMIN = 'dev-admin';
const today = () => chinaDay(new Date());
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
const ok = async (fn: FnName, action: string, input: Record<string, unknown>, as: string): Promise<Data> => dataOf(await call(host, fn, action as never, input, as));
const first = <T>(xs: unknown): T => {
  const x = (xs as T[])[0];
  if (x === undefined) throw new Error('expected at least one item');
  return x;
};
const csvRow = (stem: string) =>
  [
    '反家庭暴力法',
    '判断',
    stem,
    '',
    '',
    '',
    '',
    '',
    '正确',
    '公安机关可以出具告诫书。',
    '第十六条第一款',
    '家庭暴力情节较轻，依法不给予治安管理处罚的，由公安机关对加害人给予批评教育或者出具告诫书。',
    'LawRefBook/Laws:社会法/反家庭暴力法.md',
    '1',
  ].join(',');

/** One case per action of every contract; a new action without a case fails the completeness test. */
const CASES: { [F in FnName]: { [A in ActionName<F>]: Case } } = {
  learn: {
    listLaws: { as: LEARNER, input: () => ({}), keep: (d, s) => (s.lawId = first<{ id: string }>(d.laws).id) },
    listLessons: { as: LEARNER, input: (s) => ({ lawId: s.lawId }), keep: (d, s) => (s.lessonId = first<{ id: string }>(d.lessons).id) },
    getLesson: { as: LEARNER, input: (s) => ({ lessonId: s.lessonId }) },
    startQuiz: {
      as: LEARNER,
      input: () => ({ mode: 'practice', lawId: 'anti-dv', count: 5 }),
      keep: (d, s) => {
        s.attemptId = String(d.attemptId);
        const q = first<{ id: string; options: Array<{ key: string }> }>(d.questions);
        s.checkedQuestion = q.id;
        s.checkedKey = first<{ key: string }>(q.options).key;
      },
    },
    checkAnswer: { as: LEARNER, input: (s) => ({ attemptId: s.attemptId, questionId: s.checkedQuestion, keys: [s.checkedKey] }) },
    // No answers: every question goes into the mistake book, for the drill below.
    submitQuiz: { as: LEARNER, input: (s) => ({ attemptId: s.attemptId, answers: [] }), keep: (d, s) => (s.questionId = first<{ questionId: string }>(d.items).questionId) },
    getResult: { as: LEARNER, input: (s) => ({ attemptId: s.attemptId }) },
    listMistakes: { as: LEARNER, input: () => ({ lawId: 'anti-dv' }) },
    drillMistakes: { as: LEARNER, input: () => ({ count: 3 }) },
    myProgress: { as: LEARNER, input: () => ({}) },
    ranking: { as: LEARNER, input: () => ({ period: 'month' }) },
    setRankingOptIn: { as: LEARNER, input: () => ({ optIn: true }) },
    listCampaigns: { as: LEARNER, input: () => ({}) },
    reportQuestion: { as: LEARNER, input: (s) => ({ questionId: s.questionId, reason: '答案有误', note: '运行环境测试' }), keep: (d, s) => (s.reportId = String(d.reportId)) },
  },
  learnAdmin: {
    listQuestions: { as: DISTRICT, input: () => ({ lawId: 'anti-dv', page: 1, pageSize: 5 }) },
    saveQuestion: {
      as: DISTRICT,
      input: () => ({
        question: {
          lawId: 'anti-dv',
          type: 'judge',
          stem: '告诫书由公安机关出具。（运行环境测试）',
          options: [
            { key: 'T', text: '正确' },
            { key: 'F', text: '错误' },
          ],
          answer: ['T'],
          explanation: '反家庭暴力法第十六条第一款。',
          article: { law: '中华人民共和国反家庭暴力法', article: '第十六条第一款', text: '家庭暴力情节较轻，依法不给予治安管理处罚的，由公安机关对加害人给予批评教育或者出具告诫书。', source: 'LawRefBook/Laws:社会法/反家庭暴力法.md' },
          difficulty: 1,
        },
      }),
      keep: (d, s) => (s.savedQuestion = String(d.id)),
    },
    retireQuestion: { as: DISTRICT, input: (s) => ({ id: s.savedQuestion }) },
    saveLesson: {
      as: DISTRICT,
      input: () => ({
        lesson: {
          id: 'anti-dv-runtime',
          lawId: 'anti-dv',
          order: 99,
          title: '运行环境测试课',
          summary: '测试用的一课。',
          body: ['测试用的一课。'],
          articles: [{ law: '中华人民共和国反家庭暴力法', article: '第十六条第一款', text: '家庭暴力情节较轻，依法不给予治安管理处罚的，由公安机关对加害人给予批评教育或者出具告诫书。', source: 'LawRefBook/Laws:社会法/反家庭暴力法.md' }],
          case: { title: '案例', text: '测试案例。' },
          actions: ['拨打 110'],
          contacts: [{ name: '报警', phone: '110' }],
          checked: '运行环境测试',
        },
      }),
    },
    retireLesson: { as: DISTRICT, input: () => ({ id: 'anti-dv-runtime' }) },
    listLessons: { as: DISTRICT, input: () => ({ lawId: 'anti-dv' }) },
    getLesson: { as: DISTRICT, input: () => ({ id: 'anti-dv-runtime' }) },
    listCampaigns: { as: DISTRICT, input: () => ({}) },
    saveCampaign: {
      as: DISTRICT,
      input: () => ({
        campaign: { title: '运行环境测试活动', description: '测试', startsAt: inDays(-1), endsAt: inDays(7), dailyCap: 2, questionCount: 5, ratio: { 'anti-dv': 1 }, passMark: 60, timeLimitSec: null, published: true },
      }),
      keep: (d, s) => (s.campaignId = String(d.id)),
    },
    removeCampaign: { as: DISTRICT, input: (s) => ({ id: s.campaignId }) },
    importQuestions: {
      as: DISTRICT,
      input: () => ({ fileName: 'runtime.csv', contentBase64: Buffer.from(`${IMPORT_HEADER.join(',')}\r\n${csvRow('运行环境测试导入题，对吗？')}\r\n`).toString('base64') }),
    },
    listReports: { as: DISTRICT, input: () => ({ status: 'open' }) },
    resolveReport: { as: DISTRICT, input: (s) => ({ id: s.reportId, decision: 'rejected', note: '答案无误' }) },
    setTownWomen: { as: DISTRICT, input: () => ({ town: 'shuangjiang', women: 12000 }) },
  },
  hall: {
    createTopic: {
      as: TOWN,
      input: () => ({ title: '运行环境测试议题', description: '说明', scope: { level: 'town', town: 'shuangjiang', village: null }, deadline: inDays(10) }),
      keep: (d, s) => (s.topicId = String(d.id)),
    },
    listTopics: { as: LEARNER, input: () => ({}) },
    getTopic: { as: LEARNER, input: (s) => ({ topicId: s.topicId }) },
    updateTopic: { as: TOWN, input: (s) => ({ topicId: s.topicId, deadline: inDays(12) }) },
    submitSuggestion: {
      as: LEARNER,
      input: (s) => ({ topicId: s.topicId, title: '路灯', content: '村口的路灯坏了，晚上回家不安全，建议尽快修好。', anonymous: false }),
      keep: (d, s) => (s.suggestionId = String(d.id)),
    },
    listSuggestions: { as: LEARNER, input: (s) => ({ topicId: s.topicId, sort: 'time', page: 1 }) },
    support: {
      as: NEIGHBOUR,
      prepare: async () => void (await ok('account', 'setRegion', { town: 'shuangjiang', village: 'shuangjiang-v1' }, NEIGHBOUR)),
      input: (s) => ({ suggestionId: s.suggestionId, topicId: s.topicId }),
    },
    mySuggestions: { as: LEARNER, input: () => ({}) },
    staffTopics: { as: TOWN, input: () => ({}) },
    moderationQueue: {
      as: TOWN,
      // A text the content check holds for a person.
      prepare: async (s) => {
        s.heldId = String((await ok('hall', 'submitSuggestion', { topicId: s.topicId, content: '有人在村里发小广告说可以贷款，请大家注意。', anonymous: true }, LEARNER)).id);
      },
      input: () => ({}),
    },
    handlingQueue: { as: TOWN, input: () => ({}) },
    moderate: { as: TOWN, input: (s) => ({ suggestionId: s.heldId, decision: 'publish' }) },
    reply: { as: TOWN, input: (s) => ({ suggestionId: s.suggestionId, status: 'accepted', text: '已经转交村委会' }) },
    rateReply: {
      as: LEARNER,
      prepare: async (s) => {
        await ok('hall', 'reply', { suggestionId: s.suggestionId, status: 'in_progress' }, TOWN);
        await ok('hall', 'reply', { suggestionId: s.suggestionId, status: 'adopted', text: '采纳' }, TOWN);
        await ok('hall', 'reply', { suggestionId: s.suggestionId, status: 'answered', text: '路灯已经修好' }, TOWN);
      },
      input: (s) => ({ suggestionId: s.suggestionId, score: 5, comment: '谢谢' }),
    },
  },
  help: {
    submitRequest: {
      as: LEARNER,
      input: () => ({
        category: '家庭暴力',
        description: '需要帮助，请在工作日上午联系。',
        town: 'shuangjiang',
        village: 'shuangjiang-v1',
        contact: { method: 'phone', phone: '13800000000', safeTimes: '工作日上午' },
        urgency: 'normal',
        age: 'adult',
        consentVersion: CONSENT_VERSION,
      }),
      keep: (d, s) => (s.caseId = String(d.id)),
    },
    myRequests: { as: LEARNER, input: () => ({}) },
    getMyRequest: { as: LEARNER, input: (s) => ({ id: s.caseId }) },
    withdraw: {
      as: NEIGHBOUR,
      prepare: async (s) => {
        s.withdrawnId = String(
          (await ok('help', 'submitRequest', { category: '法律咨询', description: '想咨询一下法律问题。', town: 'shuangjiang', village: 'shuangjiang-v1', contact: { method: 'in_app' }, urgency: 'normal', age: 'adult', consentVersion: CONSENT_VERSION }, NEIGHBOUR)).id,
        );
      },
      input: (s) => ({ id: s.withdrawnId }),
    },
    caseQueue: { as: STATION, input: () => ({ status: 'open' }) },
    caseSummary: { as: STATION, input: (s) => ({ id: s.caseId }) },
    getCase: { as: STATION, input: (s) => ({ id: s.caseId }) },
    accept: { as: STATION, input: (s) => ({ id: s.caseId }) },
    listAssignees: { as: TOWN, input: (s) => ({ id: s.caseId }), keep: (d, s) => (s.assignee = first<{ openid: string }>(d.staff).openid) },
    assign: { as: TOWN, input: (s) => ({ id: s.caseId, assignee: s.assignee }) },
    addAction: { as: STATION, input: (s) => ({ id: s.caseId, type: '回访', date: today(), note: '电话回访', messageToRequester: '工作人员已经和您联系' }) },
    close: { as: STATION, input: (s) => ({ id: s.caseId, outcome: '已办结', note: '已办结' }) },
    logVisit: { as: STATION, input: () => ({ category: '婚姻家庭纠纷', date: today(), note: '来访咨询' }) },
    followUps: { as: STATION, input: () => ({}) },
    auditLog: { as: ADMIN, input: (s) => ({ caseId: s.caseId }) },
  },
  stats: {
    dashboard: { as: DISTRICT, input: () => ({ kind: 'month' }) },
    annualReport: { as: DISTRICT, input: () => ({ year: Number(today().slice(0, 4)) }) },
    exportXlsx: { as: TOWN, input: () => ({ kind: 'year' }) },
    logActivity: { as: STATION, input: () => ({ type: '讲座', date: today(), title: '法治讲座', reached: 30, materials: 50, note: '' }), keep: (d, s) => (s.activityId = String(d.id)) },
    updateActivity: { as: STATION, input: (s) => ({ id: s.activityId, type: '讲座', date: today(), title: '法治讲座', reached: 35, materials: 50, note: '人数更正' }) },
    removeActivity: { as: TOWN, input: (s) => ({ id: s.activityId }) },
    listActivities: { as: TOWN, input: () => ({ year: Number(today().slice(0, 4)), page: 1 }) },
  },
  account: {
    me: { as: 'rt-newcomer', input: () => ({}) },
    listRegions: { as: LEARNER, input: () => ({}) },
    setRegion: { as: 'rt-newcomer', input: () => ({ town: 'zitong', village: 'zitong-c1' }) },
    inbox: { as: LEARNER, input: () => ({}), keep: (d, s) => (s.noticeId = first<{ id: string }>(d.items).id) },
    markInboxRead: { as: LEARNER, input: (s) => ({ ids: [s.noticeId] }) },
    skipRegion: { as: 'rt-skipper', input: () => ({}) },
    myData: { as: LEARNER, input: () => ({}) },
    exportMyData: { as: LEARNER, input: () => ({}) },
    deleteAccount: { as: 'rt-leaver', prepare: async () => void (await ok('account', 'setRegion', { town: 'guilin' }, 'rt-leaver')), input: () => ({ confirm: '注销' }) },
  },
  staff: {
    // As WeChat asks for it: the 小程序码's image crosses from the host's engine to the runner and into storage.
    createInvitation: {
      as: TOWN,
      input: () => ({ role: 'station', town: 'shuangjiang', village: 'shuangjiang-v2', name: '运行环境工作室', qr: 'wxacode' }),
      keep: (d, s) => {
        if (typeof d.image !== 'string' || d.imageHint !== null) throw new Error(`no 小程序码 on the deploy runtime: ${String(d.imageHint)}`);
        s.code = String(d.code);
      },
    },
    redeemInvitation: { as: 'rt-invitee', input: (s) => ({ code: s.code }) },
    listStaff: { as: TOWN, input: () => ({}) },
    setStaffActive: { as: TOWN, input: () => ({ id: 'rt-invitee', active: false }) },
    moveStaff: { as: TOWN, input: () => ({ id: 'rt-invitee', town: 'shuangjiang', village: 'shuangjiang-v1' }) },
    listPlaces: { as: DISTRICT, input: () => ({}) },
    addVillage: { as: DISTRICT, input: () => ({ town: 'tianjia', name: '运行环境村', station: { name: '运行环境工作室', active: true } }), keep: (d, s) => (s.villageId = String(d.id)) },
    renameVillage: { as: DISTRICT, input: (s) => ({ town: 'tianjia', village: s.villageId, name: '运行环境社区' }) },
    setStation: { as: DISTRICT, input: (s) => ({ town: 'tianjia', village: s.villageId, station: { name: '运行环境社区工作室', active: false } }) },
    retireVillage: { as: DISTRICT, input: (s) => ({ town: 'tianjia', village: s.villageId, retired: false }) },
    importVillages: { as: DISTRICT, input: () => ({ fileName: 'villages.csv', contentBase64: Buffer.from('镇街,村（社区）,工作室名称\r\n田家镇,运行环境二村,\r\n').toString('base64') }) },
    mergeVillages: {
      as: DISTRICT,
      prepare: async (s) => {
        const towns = (await ok('staff', 'listPlaces', {}, DISTRICT)).towns as Array<{ id: string; villages: Array<{ id: string; name: string }> }>;
        s.intoId = towns.find((t) => t.id === 'tianjia')?.villages.find((v) => v.name === '运行环境二村')?.id ?? '';
      },
      input: (s) => ({ town: 'tianjia', from: s.villageId, into: s.intoId }),
    },
    staffAudit: { as: ADMIN, input: () => ({}) },
  },
};

const roleOf = (openid: string): Role => DEV_PEOPLE.find((p) => p.openid === openid)?.role ?? 'user';
const steps = (Object.keys(CASES) as FnName[]).flatMap((fn) => Object.entries(CASES[fn] as Record<string, Case>).map(([action, c]) => ({ fn, action, c })));
const state: State = {};

describe(`the function bundles on the deploy runtime (${node.version})`, () => {
  it('is the Node version cloudbaserc.json deploys every function on', () => {
    const runtimes = deployRuntimes();
    expect([...runtimes.keys()].sort()).toEqual([...host.functions].sort());
    for (const runtime of runtimes.values()) {
      const m = /^Nodejs(\d+)\.(\d+)$/.exec(runtime);
      expect(node.version.startsWith(`v${m?.[1]}.${m?.[2]}.`)).toBe(true);
    }
  });

  it('has a case for every action of every contract, called by a role allowed to call it', () => {
    const wanted = Object.entries(contracts).flatMap(([fn, contract]) => Object.keys(contract).map((action) => `${fn}.${action}`));
    expect(steps.map((s) => `${s.fn}.${s.action}`).sort()).toEqual(wanted.sort());
    for (const { fn, action, c } of steps) {
      const spec = (contracts[fn] as Record<string, ActionContract>)[action] as ActionContract;
      expect([`${fn}.${action}`, roleAllowed(roleOf(c.as), spec.roles)]).toEqual([`${fn}.${action}`, true]);
    }
  });

  it.each(steps.map((s) => [`${s.fn}.${s.action}`, s] as const))('%s answers ok', async (_name, { fn, action, c }) => {
    await c.prepare?.(state);
    const data = await ok(fn, action, c.input(state), c.as);
    c.keep?.(data, state);
  });

  it('helpTimer runs from its timer trigger', async () => {
    const res = await host.invoke('helpTimer', { Type: 'Timer', TriggerName: 'hourly', Time: new Date().toISOString() }, null);
    expect(res).toMatchObject({ ok: true });
  });

  it('exportsTimer runs from its timer trigger and deletes the exports made above whose time is up', async () => {
    const made = host.store.candidates('exports', {});
    expect(made.length).toBeGreaterThanOrEqual(2); // stats.exportXlsx and account.exportMyData
    const files = made.map((d) => path.join(dataDir, 'files', String(d.fileID).replace('cloud://local.files/', '')));
    expect(files.every((f) => fs.existsSync(f))).toBe(true);
    host.store.commitSync(made.map((d) => ({ coll: 'exports', id: d._id, doc: { ...d, removeAt: new Date(Date.now() - 60_000) } })));
    const res = await host.invoke('exportsTimer', { Type: 'Timer', TriggerName: 'hourly', Time: new Date().toISOString() }, null);
    expect(res).toMatchObject({ ok: true, data: { removed: made.length, failed: 0 } });
    expect(files.filter((f) => fs.existsSync(f))).toEqual([]);
    expect(host.store.candidates('exports', {})).toEqual([]);
  });
});
