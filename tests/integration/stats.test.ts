// The China-time rules must hold whatever the server's zone: this file runs the process in UTC.
process.env.TZ = 'UTC';

import ExcelJS from 'exceljs';
import { CONSENT_VERSION } from '../../shared/domain/help';
import { daysOf, keyOfDay } from '../../shared/domain/periods';
import type { Dashboard } from '../../shared/contracts/stats';
import type { Host } from '../../server/host';
import { call, dataOf, freshHost } from '../support/host';
import { sheetsThroughLibreOffice } from '../support/libreoffice';

let host: Host;
const FAKE = { doNotFake: ['setImmediate', 'setTimeout', 'setInterval', 'nextTick', 'queueMicrotask', 'clearTimeout', 'clearInterval', 'clearImmediate', 'hrtime', 'performance'] as const };

/** The instant of a China wall-clock time. */
const china = (local: string) => new Date(`${local}+08:00`);

beforeAll(() => {
  host = freshHost();
  const now = new Date();
  const staff = (id: string, role: string, town: string | null, village: string | null) => ({ coll: 'users', id, doc: { _id: id, role, name: id, town, village, createdAt: now } });
  host.store.commitSync([
    staff('st-sj1', 'station', 'shuangjiang', 'shuangjiang-v1'),
    staff('st-sj2', 'station', 'shuangjiang', 'shuangjiang-v2'),
    staff('st-zt1', 'station', 'zitong', 'zitong-c1'),
    staff('st-zt2', 'station', 'zitong', 'zitong-c2'),
    staff('st-gx1', 'station', 'guxi', 'guxi-v1'),
    staff('tw-sj', 'town', 'shuangjiang', null),
    staff('tw-zt', 'town', 'zitong', null),
    staff('tw-gx', 'town', 'guxi', null),
  ]);
});
afterEach(() => jest.useRealTimers());
afterAll(() => host.close());

const at = (instant: Date) => jest.useFakeTimers({ ...FAKE, now: instant } as never);

describe('who may read statistics', () => {
  it('refuses every stats action to a non-staff caller', async () => {
    const inputs: Record<string, unknown> = {
      dashboard: { kind: 'month' },
      annualReport: { year: 2026 },
      exportXlsx: { kind: 'month' },
      logActivity: { type: '讲座', date: '2026-11-01', title: '讲座', reached: 1, materials: 0, note: '' },
      listActivities: { year: 2026, page: 1 },
    };
    for (const [action, input] of Object.entries(inputs)) {
      for (const who of ['dev-learner', 'visitor-x']) {
        expect({ action, res: await host.invoke('stats', { action, input }, { openid: who }) }).toMatchObject({ action, res: { ok: false, error: { code: 'FORBIDDEN' } } });
      }
    }
  });

  it("gives a station its village's figures and a town its town's, never another town's", async () => {
    await call(host, 'stats', 'logActivity', { type: '讲座', date: '2026-11-20', title: '古溪讲座', reached: 40, materials: 100, note: '' }, 'tw-gx');
    await call(host, 'stats', 'logActivity', { type: '讲座', date: '2026-11-20', title: '双江讲座', reached: 7, materials: 3, note: '' }, 'st-sj1');
    const town = dataOf(await call(host, 'stats', 'dashboard', { kind: 'month', date: '2026-11-20' }, 'tw-sj'));
    expect(town.scope).toEqual({ level: 'town', name: '双江镇' });
    expect(town.totals.activities).toEqual({ count: 1, reached: 7, materials: 3 });
    expect(town.towns.map((t) => t.town)).toEqual(['shuangjiang']);
    const otherStation = dataOf(await call(host, 'stats', 'dashboard', { kind: 'month', date: '2026-11-20' }, 'st-sj2'));
    expect(otherStation.scope.level).toBe('village');
    expect(otherStation.totals.activities.count).toBe(0);
    expect(otherStation.towns).toEqual([]);
    const district = dataOf(await call(host, 'stats', 'dashboard', { kind: 'month', date: '2026-11-20' }, 'dev-district'));
    expect(district.totals.activities).toEqual({ count: 2, reached: 47, materials: 103 });
    const zitong = dataOf(await call(host, 'stats', 'listActivities', { year: 2026, page: 1 }, 'tw-zt'));
    expect(zitong.activities).toHaveLength(0);
  });
});

describe('China time, with the process in UTC', () => {
  it('runs in UTC', () => {
    expect(new Date().getTimezoneOffset()).toBe(0);
  });

  it('puts 23:59:59 and 00:00:00 China time on different days, weeks and years', async () => {
    at(china('2025-12-31T23:59:59'));
    await call(host, 'learn', 'getLesson', { lessonId: 'anti-dv-01' }, 'tz-reader');
    at(china('2026-01-01T00:00:00'));
    await call(host, 'learn', 'getLesson', { lessonId: 'anti-dv-01' }, 'tz-reader');
    jest.useRealTimers();
    const read = (kind: string, date: string) => call(host, 'stats', 'dashboard', { kind: kind as 'day', date }, 'dev-district').then((r) => dataOf(r).totals.lessonReads);
    expect(await read('day', '2025-12-31')).toEqual({ times: 1, people: 1 });
    expect(await read('day', '2026-01-01')).toEqual({ times: 1, people: 1 });
    expect(await read('year', '2025-12-31')).toEqual({ times: 1, people: 1 });
    expect(await read('year', '2026-01-01')).toEqual({ times: 1, people: 1 });
    // 2025-12-31 and 2026-01-01 share ISO week 2026-W01; Monday 2026-01-05 starts 2026-W02.
    expect(await read('week', '2026-01-01')).toEqual({ times: 2, people: 1 });
    at(china('2026-01-04T23:59:59'));
    await call(host, 'learn', 'getLesson', { lessonId: 'anti-dv-01' }, 'tz-reader-2');
    at(china('2026-01-05T00:00:00'));
    await call(host, 'learn', 'getLesson', { lessonId: 'anti-dv-01' }, 'tz-reader-2');
    jest.useRealTimers();
    expect(await read('week', '2026-01-04')).toEqual({ times: 3, people: 2 });
    expect(await read('week', '2026-01-05')).toEqual({ times: 1, people: 1 });
  });
});

describe('the dashboard against a full recount', () => {
  // A small seeded random generator, so a failure can be replayed.
  let seed = 20261129;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

  const PEOPLE = [
    ['r1', 'shuangjiang', 'shuangjiang-v1'],
    ['r2', 'shuangjiang', 'shuangjiang-v1'],
    ['r3', 'shuangjiang', 'shuangjiang-v2'],
    ['r4', 'zitong', 'zitong-c1'],
    ['r5', 'zitong', 'zitong-c2'],
    ['r6', 'guxi', 'guxi-v1'],
    ['r7', 'guxi', 'guxi-v1'],
  ] as const;
  const INSTANTS = ['2027-03-01T08:00:00', '2027-03-01T23:59:59', '2027-03-02T00:00:00', '2027-03-07T12:00:00', '2027-03-08T09:00:00', '2027-04-30T23:30:00', '2027-05-01T00:30:00'];
  const LAWS = ['anti-dv', 'women-rights', 'minors'];
  const CATEGORIES = ['家庭暴力', '婚姻家庭纠纷', '法律咨询'] as const;
  const STAFF_OF: Record<string, string> = { 'shuangjiang-v1': 'st-sj1', 'shuangjiang-v2': 'st-sj2', 'zitong-c1': 'st-zt1', 'zitong-c2': 'st-zt2', 'guxi-v1': 'st-gx1' };

  interface Event {
    kind: 'read' | 'quiz' | 'suggestion' | 'help' | 'activity';
    person: string;
    town: string;
    village: string | null;
    day: string;
    law?: string;
    category?: string;
    reached?: number;
    materials?: number;
  }
  const log: Event[] = [];

  beforeAll(async () => {
    for (const [id, town, village] of PEOPLE) {
      host.store.commitSync([{ coll: 'users', id, doc: { _id: id, role: 'user', name: null, town, village, createdAt: new Date() } }]);
    }
    let n = 0;
    for (const instant of INSTANTS) {
      at(china(instant));
      const day = instant.slice(0, 10);
      for (let i = 0; i < 9; i += 1) {
        const [person, town, village] = pick(PEOPLE);
        const kind = pick(['read', 'read', 'quiz', 'suggestion', 'help', 'activity'] as const);
        const law = pick(LAWS);
        n += 1;
        if (kind === 'read') {
          dataOf(await call(host, 'learn', 'getLesson', { lessonId: `${law}-0${1 + Math.floor(rand() * 3)}` }, person));
          log.push({ kind, person, town, village, day, law });
        } else if (kind === 'quiz') {
          const quiz = dataOf(await call(host, 'learn', 'startQuiz', { mode: 'practice', lawId: law, count: 3 }, person));
          dataOf(await call(host, 'learn', 'submitQuiz', { attemptId: quiz.attemptId, answers: quiz.questions.map((q) => ({ questionId: q.id, keys: [pick(q.options).key] })) }, person));
          log.push({ kind, person, town, village, day, law });
        } else if (kind === 'suggestion') {
          const res = await call(host, 'hall', 'submitSuggestion', { content: `关于村里道路照明的建议，第${n}条，希望多装路灯`, anonymous: rand() < 0.5 }, person);
          if (res.ok) log.push({ kind, person, town, village, day });
        } else if (kind === 'help') {
          const category = pick(CATEGORIES);
          dataOf(await call(host, 'help', 'submitRequest', { category, description: '需要帮助的情况说明', town, village, contact: { method: 'in_app' }, urgency: 'normal', age: 'adult', consentVersion: CONSENT_VERSION }, person));
          log.push({ kind, person, town, village, day, category });
        } else {
          const staff = STAFF_OF[village] as string;
          const reached = Math.floor(rand() * 50);
          const materials = Math.floor(rand() * 200);
          dataOf(await call(host, 'stats', 'logActivity', { type: '宣传资料发放', date: day, title: '宣传', reached, materials, note: '' }, staff));
          log.push({ kind, person: `activity-${n}`, town, village, day, reached, materials });
        }
      }
    }
    jest.useRealTimers();
  }, 120_000);

  type ScopeCase = { reader: string; town: string | null; village: string | null };
  const SCOPES: ScopeCase[] = [
    { reader: 'dev-district', town: null, village: null },
    { reader: 'tw-sj', town: 'shuangjiang', village: null },
    { reader: 'tw-zt', town: 'zitong', village: null },
    { reader: 'st-sj1', town: 'shuangjiang', village: 'shuangjiang-v1' },
    { reader: 'st-gx1', town: 'guxi', village: 'guxi-v1' },
  ];

  function recount(events: Event[], kind: Event['kind']) {
    const mine = events.filter((e) => e.kind === kind);
    return { times: mine.length, people: new Set(mine.map((e) => e.person)).size };
  }

  it('equals the recount for every period and scope, area by area', async () => {
    let checked = 0;
    for (const period of ['day', 'week', 'month', 'year'] as const) {
      const keys = [...new Set(log.map((e) => keyOfDay(period, e.day)))];
      for (const key of keys) {
        const days = new Set(daysOf(period, key));
        for (const scope of SCOPES) {
          const events = log.filter((e) => days.has(e.day) && (!scope.town || e.town === scope.town) && (!scope.village || e.village === scope.village));
          const d: Dashboard = dataOf(await call(host, 'stats', 'dashboard', { kind: period, date: [...days][0] }, scope.reader));
          const ctx = { period, key, reader: scope.reader };
          expect({ ...ctx, v: d.totals.lessonReads }).toEqual({ ...ctx, v: recount(events, 'read') });
          expect({ ...ctx, v: d.totals.quizAttempts }).toEqual({ ...ctx, v: recount(events, 'quiz') });
          expect({ ...ctx, v: d.totals.suggestions }).toEqual({ ...ctx, v: recount(events, 'suggestion') });
          expect({ ...ctx, v: d.totals.helpRequests }).toEqual({ ...ctx, v: recount(events, 'help') });
          const acts = events.filter((e) => e.kind === 'activity');
          expect({ ...ctx, v: d.totals.activities }).toEqual({ ...ctx, v: { count: acts.length, reached: acts.reduce((s, e) => s + (e.reached ?? 0), 0), materials: acts.reduce((s, e) => s + (e.materials ?? 0), 0) } });
          for (const law of LAWS) {
            const row = d.learn.perLaw.find((l) => l.lawId === law);
            const reads = events.filter((e) => e.kind === 'read' && e.law === law).length;
            const quizzes = events.filter((e) => e.kind === 'quiz' && e.law === law);
            expect({ ...ctx, law, reads: row?.reads, attempts: row?.attempts, people: row?.people }).toEqual({ ...ctx, law, reads, attempts: quizzes.length, people: new Set(quizzes.map((e) => e.person)).size });
          }
          for (const category of CATEGORIES) {
            expect({ ...ctx, category, v: d.help.byCategory.find((c) => c.category === category)?.times }).toEqual({ ...ctx, category, v: events.filter((e) => e.kind === 'help' && e.category === category).length });
          }
          if (!scope.village) {
            for (const row of d.towns) {
              const inTown = events.filter((e) => e.town === row.town);
              const q = recount(inTown, 'quiz');
              expect({ ...ctx, town: row.town, reads: row.lessonReads, quiz: row.quizAttempts, quizPeople: row.quizPeople, help: row.helpRequests }).toEqual({ ...ctx, town: row.town, reads: recount(inTown, 'read').times, quiz: q.times, quizPeople: q.people, help: recount(inTown, 'help').times });
            }
          }
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('adds up a custom range of days, leaving 人数 out', async () => {
    const d = dataOf(await call(host, 'stats', 'dashboard', { kind: 'custom', from: '2027-03-01', to: '2027-03-07' }, 'dev-district'));
    const events = log.filter((e) => e.day >= '2027-03-01' && e.day <= '2027-03-07');
    expect(d.totals.lessonReads).toEqual({ times: recount(events, 'read').times, people: null });
    expect(d.period.label).toBe('2027-03-01 至 2027-03-07');
    expect(await call(host, 'stats', 'dashboard', { kind: 'custom', from: '2027-01-01', to: '2027-12-31' }, 'dev-district')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('exports a workbook whose numbers are the dashboard’s', async () => {
    const d = dataOf(await call(host, 'stats', 'dashboard', { kind: 'year', date: '2027-03-01' }, 'dev-district'));
    const exported = dataOf(await call(host, 'stats', 'exportXlsx', { kind: 'year', date: '2027-03-01' }, 'dev-district'));
    expect(exported.fileName).toBe('巾帼法治通统计_全区_2027.xlsx');
    const file = host.files.resolve(exported.url.replace('/api/files/', ''));
    expect(file).not.toBeNull();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file as string);
    const overview = wb.getWorksheet('总览');
    const row = (label: string) => overview?.getRows(1, 20)?.find((r) => r.getCell(1).value === label);
    expect(row('学法（阅读课程）')?.getCell(2).value).toBe(d.totals.lessonReads.times);
    expect(row('学法（阅读课程）')?.getCell(3).value).toBe(d.totals.lessonReads.people);
    expect(row('答题')?.getCell(2).value).toBe(d.totals.quizAttempts.times);
    expect(row('求助（含来访）')?.getCell(2).value).toBe(d.totals.helpRequests.times);
    expect(row('发放宣传资料（份）')?.getCell(2).value).toBe(d.totals.activities.materials);
    const towns = wb.getWorksheet('镇街');
    const sj = towns?.getRows(2, 30)?.find((r) => r.getCell(1).value === '双江镇');
    expect(sj?.getCell(2).value).toBe(d.towns.find((t) => t.town === 'shuangjiang')?.lessonReads);
    expect(sj?.getCell(3).value).toBe(d.towns.find((t) => t.town === 'shuangjiang')?.quizAttempts);
  });

  it('exports a workbook that LibreOffice opens, every sheet carrying the dashboard’s figures', async () => {
    const d = dataOf(await call(host, 'stats', 'dashboard', { kind: 'year', date: '2027-03-01' }, 'dev-district'));
    const exported = dataOf(await call(host, 'stats', 'exportXlsx', { kind: 'year', date: '2027-03-01' }, 'dev-district'));
    const sheets = sheetsThroughLibreOffice(host.files.resolve(exported.url.replace('/api/files/', '')) as string);
    expect(Object.keys(sheets).sort()).toEqual(['总览', '镇街', '村（社区）', '学法答题', '议事厅', '求助', '线下活动'].sort());
    /** The cells after the label in the row that starts with it, as LibreOffice shows them. */
    const row = (sheet: string, label: string) => (sheets[sheet] ?? []).find((r) => r[0] === label)?.slice(1);
    const text = (...values: Array<number | string | null>) => values.map((v) => (v === null ? '' : String(v)));
    const pct = (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(1)}%`);
    expect(row('总览', '范围')).toEqual([d.scope.name]);
    expect(row('总览', '时段')).toEqual([d.period.label]);
    expect(row('总览', '学法（阅读课程）')).toEqual(text(d.totals.lessonReads.times, d.totals.lessonReads.people));
    expect(row('总览', '答题')).toEqual(text(d.totals.quizAttempts.times, d.totals.quizAttempts.people));
    expect(row('总览', '议事厅建议')).toEqual(text(d.totals.suggestions.times, d.totals.suggestions.people));
    expect(row('总览', '求助（含来访）')).toEqual(text(d.totals.helpRequests.times, d.totals.helpRequests.people));
    expect(row('总览', '发放宣传资料（份）')).toEqual(text(d.totals.activities.materials));
    expect(d.towns.length).toBeGreaterThan(0);
    for (const t of d.towns) expect(row('镇街', t.name)).toEqual(text(t.lessonReads, t.quizAttempts, t.quizPeople, t.women, pct(t.rate), t.suggestions, t.helpRequests, t.activities));
    expect(d.learn.perLaw.some((l) => l.attempts > 0)).toBe(true);
    for (const l of d.learn.perLaw) expect(row('学法答题', l.lawShort)).toEqual(text(l.reads, l.attempts, l.people, l.answered, l.correct, pct(l.accuracy), l.passes));
    expect(row('议事厅', '提交建议')).toEqual(text(d.hall.submitted));
    expect(row('议事厅', '采纳率')).toEqual(d.hall.adoptionRate === null ? [] : [pct(d.hall.adoptionRate)]);
    for (const c of d.help.byCategory) expect(row('求助', c.category)).toEqual(text(c.times));
    expect(row('求助', '来访接待')).toEqual(text(d.help.visits));
    for (const o of d.offline) expect(row('线下活动', o.type)).toEqual(text(o.count, o.reached, o.materials));
  }, 120_000);

  it('writes the year-end figures in the report’s terms from the same counters', async () => {
    const d = dataOf(await call(host, 'stats', 'dashboard', { kind: 'year', date: '2027-03-01' }, 'dev-district'));
    const report = dataOf(await call(host, 'stats', 'annualReport', { year: 2027 }, 'dev-district'));
    const fig = (key: string) => report.figures.find((f) => f.key === key)?.value;
    expect(fig('materials')).toBe(d.totals.activities.materials);
    expect(fig('onlineTimes')).toBe(d.totals.lessonReads.times + d.totals.quizAttempts.times);
    expect(fig('dvCases')).toBe(d.help.byCategory.find((c) => c.category === '家庭暴力')?.times);
    expect(report.paragraphs[0]).toContain('2027年');
    expect(report.paragraphs[0]).toContain('人次参加线上法律知识普及活动');
    expect(report.paragraphs[1]).toContain('协助处理家暴案件');
  });
});
