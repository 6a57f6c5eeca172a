import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { QuestionDraft } from '../../shared/contracts/learn-admin';
import { IMPORT_HEADER } from '../../shared/domain/question-import';
import type { Host } from '../../server/host';
import type { Result } from '../../shared/result';
import { craftedFiles } from '../fixtures/sheets/crafted';
import { call, dataOf, freshHost } from '../support/host';

let host: Host;
beforeAll(() => {
  host = freshHost();
});
afterAll(() => host.close());

const ADMIN = 'dev-district';
type Loose = Record<string, unknown>;
const bank = (id: string) => (host.store.get('bank', id)?.doc as unknown as { ids: string[] } | undefined)?.ids ?? [];

const draft = (extra: Partial<QuestionDraft> = {}): QuestionDraft => ({
  lawId: 'anti-dv',
  type: 'single',
  stem: '家庭暴力受害人可以向哪里求助？（工作人员新增）',
  options: [
    { key: 'A', text: '加害人所在单位、居委会、村委会、妇联等' },
    { key: 'B', text: '只能找亲戚' },
    { key: 'C', text: '只能忍着' },
  ],
  answer: ['A'],
  explanation: '反家庭暴力法第十三条列出了可以投诉、反映或者求助的单位。',
  article: { law: '中华人民共和国反家庭暴力法', article: '第十三条', text: '家庭暴力受害人及其法定代理人、近亲属可以向加害人或者受害人所在单位、居民委员会、村民委员会、妇女联合会等单位投诉、反映或者求助。', source: 'LawRefBook/Laws:社会法/反家庭暴力法.md' },
  difficulty: 1,
  ...extra,
});

async function xlsxBase64(rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('题库');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const goodRow = (stem: string): string[] => [
  '反家庭暴力法',
  '单选',
  stem,
  '公安机关',
  '邮局',
  '银行',
  '',
  '',
  'A',
  '家庭暴力情节较轻的，公安机关可以出具告诫书。',
  '第十六条第一款',
  '家庭暴力情节较轻，依法不给予治安管理处罚的，由公安机关对加害人给予批评教育或者出具告诫书。',
  'LawRefBook/Laws:社会法/反家庭暴力法.md',
  '2',
];

describe('learnAdmin authorization', () => {
  it('refuses users, station and town staff; admits district staff and admins', async () => {
    for (const who of ['dev-learner', 'dev-station', 'dev-town', 'visitor-1']) {
      expect(await call(host, 'learnAdmin', 'listQuestions', { page: 1, pageSize: 5 }, who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    for (const who of ['dev-district', 'dev-admin']) expect((await call(host, 'learnAdmin', 'listQuestions', { page: 1, pageSize: 5 }, who)).ok).toBe(true);
  });
});

describe('the question bank', () => {
  it('lists a filtered page with the total', async () => {
    const page1 = dataOf(await call(host, 'learnAdmin', 'listQuestions', { lawId: 'minors', page: 1, pageSize: 20 }, ADMIN));
    const page2 = dataOf(await call(host, 'learnAdmin', 'listQuestions', { lawId: 'minors', page: 2, pageSize: 20 }, ADMIN));
    expect(page1.total).toBe(35);
    expect(page1.items).toHaveLength(20);
    expect(page2.items).toHaveLength(15);
    expect(new Set([...page1.items, ...page2.items].map((q) => q.id)).size).toBe(35);
    const judges = dataOf(await call(host, 'learnAdmin', 'listQuestions', { lawId: 'minors', type: 'judge', page: 1, pageSize: 50 }, ADMIN));
    expect(judges.items.every((q) => q.type === 'judge')).toBe(true);
    const found = dataOf(await call(host, 'learnAdmin', 'listQuestions', { keyword: '告诫书', page: 1, pageSize: 50 }, ADMIN));
    expect(found.total).toBeGreaterThan(0);
    expect(found.items.every((q) => q.stem.includes('告诫书'))).toBe(true);
  });

  it('creates a question that enters the bank and can be drawn', async () => {
    const { id } = dataOf(await call(host, 'learnAdmin', 'saveQuestion', { question: draft() }, ADMIN));
    expect(bank('anti-dv')).toContain(id);
    expect(bank('all')).toContain(id);
    expect((host.store.get('laws', 'anti-dv')?.doc as Loose).questionCount).toBe(36);
    expect(host.store.get('questions', id)?.doc).toMatchObject({ status: 'active', origin: 'staff' });
  });

  it('refuses an inconsistent question with the reasons', async () => {
    const res = await call(host, 'learnAdmin', 'saveQuestion', { question: draft({ type: 'multiple', answer: ['A'] }) }, ADMIN);
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!res.ok) expect(res.error.message).toContain('多选题至少有两个正确答案');
  });

  it('edits a seeded question and keeps the edit when content is re-seeded', async () => {
    const original = host.store.get('questions', 'anti-dv-q002')?.doc as unknown as QuestionDraft;
    await call(host, 'learnAdmin', 'saveQuestion', { question: { ...draft(), ...pickDraft(original), id: 'anti-dv-q002', explanation: '工作人员改写的解析。' } }, ADMIN);
    expect(host.store.get('questions', 'anti-dv-q002')?.doc).toMatchObject({ explanation: '工作人员改写的解析。', status: 'active' });
    host.store.commitSync([{ coll: 'meta', id: 'content', doc: { _id: 'content', hash: 'stale' } }]);
    const { seed } = await import('../../server/migrate');
    seed(host.store);
    expect(host.store.get('questions', 'anti-dv-q002')?.doc).toMatchObject({ explanation: '工作人员改写的解析。' });
  });

  it('retires a question out of every draw and restores it', async () => {
    await call(host, 'learnAdmin', 'retireQuestion', { id: 'anti-dv-q003' }, ADMIN);
    expect(bank('anti-dv')).not.toContain('anti-dv-q003');
    expect(bank('all')).not.toContain('anti-dv-q003');
    for (let i = 0; i < 5; i += 1) {
      const quiz = dataOf(await call(host, 'learn', 'startQuiz', { mode: 'practice', lawId: 'anti-dv', count: 20 }, 'drawer'));
      expect(quiz.questions.map((q) => q.id)).not.toContain('anti-dv-q003');
    }
    await Promise.all([call(host, 'learnAdmin', 'retireQuestion', { id: 'anti-dv-q003', restore: true }, ADMIN), call(host, 'learnAdmin', 'retireQuestion', { id: 'anti-dv-q003', restore: true }, ADMIN)]);
    expect(bank('anti-dv').filter((id) => id === 'anti-dv-q003')).toHaveLength(1);
  });
});

function pickDraft(q: QuestionDraft): Partial<QuestionDraft> {
  const { lawId, type, stem, options, answer, explanation, article, difficulty } = q;
  return { lawId, type, stem, options, answer, explanation, article, difficulty };
}

describe('importing questions', () => {
  it('imports nothing from an .xlsx with one bad row, and names the row and the reason', async () => {
    const before = host.store.candidates('questions', { lawId: 'anti-dv' }).length;
    const bad = goodRow('这一行的答案写错了');
    bad[8] = 'D';
    const content = await xlsxBase64([[...IMPORT_HEADER], goodRow('家庭暴力情节较轻的，谁可以出具告诫书？'), bad, goodRow('告诫书由哪个机关出具？')]);
    const res = dataOf(await call(host, 'learnAdmin', 'importQuestions', { fileName: '题库.xlsx', contentBase64: content }, ADMIN));
    expect(res.imported).toBe(0);
    expect(res.rows).toBe(3);
    expect(res.report.filter((r) => !r.ok)).toEqual([{ row: 3, ok: false, errors: ['答案 D 不在已填写的选项中'] }]);
    expect(host.store.candidates('questions', { lawId: 'anti-dv' })).toHaveLength(before);
  });

  it('imports every row of a valid .xlsx into the bank', async () => {
    const content = await xlsxBase64([[...IMPORT_HEADER], goodRow('家庭暴力情节较轻的，谁可以出具告诫书？'), goodRow('告诫书由哪个机关出具？')]);
    const dry = dataOf(await call(host, 'learnAdmin', 'importQuestions', { fileName: 'q.xlsx', contentBase64: content, dryRun: true }, ADMIN));
    expect(dry).toMatchObject({ imported: 0, rows: 2 });
    const res = dataOf(await call(host, 'learnAdmin', 'importQuestions', { fileName: 'q.xlsx', contentBase64: content }, ADMIN));
    expect(res.imported).toBe(2);
    const imported = host.store.candidates('questions', { lawId: 'anti-dv' }).filter((q) => q.origin === 'import');
    expect(imported).toHaveLength(2);
    for (const q of imported) expect(bank('anti-dv')).toContain(q._id);
    expect(imported[0]).toMatchObject({ type: 'single', answer: ['A'], article: { law: '中华人民共和国反家庭暴力法', article: '第十六条第一款' } });
  });

  it('reads CSV with quoted fields and reports a wrong header', async () => {
    const csv = `${IMPORT_HEADER.join(',')}\r\n反家庭暴力法,判断,"告诫书由公安机关出具，对吗？",,,,,,正确,"公安机关可以出具告诫书。",第十六条第一款,"家庭暴力情节较轻，依法不给予治安管理处罚的，由公安机关对加害人给予批评教育或者出具告诫书。",LawRefBook/Laws:社会法/反家庭暴力法.md,1\r\n`;
    const ok = dataOf(await call(host, 'learnAdmin', 'importQuestions', { fileName: 'q.csv', contentBase64: Buffer.from(`\uFEFF${csv}`).toString('base64'), dryRun: true }, ADMIN));
    expect(ok.report).toEqual([{ row: 2, ok: true, errors: [] }]);
    const wrongHeader = dataOf(await call(host, 'learnAdmin', 'importQuestions', { fileName: 'q.csv', contentBase64: Buffer.from('题目,答案\n').toString('base64') }, ADMIN));
    expect(wrongHeader.imported).toBe(0);
    expect(wrongHeader.report[0]?.errors[0]).toContain('表头');
  });
});

describe('importing a large bank as CloudBase would run it (10 s per call)', () => {
  const stems = (prefix: string, n: number) => Array.from({ length: n }, (_v, i) => `${prefix}第 ${i + 1} 题：告诫书由哪个机关出具？`);
  const sheet = (list: string[]) => xlsxBase64([[...IMPORT_HEADER], ...list.map(goodRow)]);
  const importAs = (content: string) => host.measure('learnAdmin', { action: 'importQuestions', input: { fileName: '题库.xlsx', contentBase64: content } }, { openid: ADMIN });
  const version = () => (host.store.get('meta', 'questions')?.doc as { v?: string } | undefined)?.v;
  const count = (law: string) => (host.store.get('laws', law)?.doc as { questionCount?: number } | undefined)?.questionCount ?? 0;
  const withStem = (stem: string) => host.store.candidates('questions', { lawId: 'anti-dv' }).filter((q) => q.stem === stem);

  it('imports 500 questions with a handful of database requests, not one per question', async () => {
    const list = stems('批量', 500);
    const content = await sheet(list);
    expect(content.length).toBeLessThanOrEqual(90_000);
    const before = count('anti-dv');
    const { result, stats } = await importAs(content);
    expect(result).toMatchObject({ ok: true, data: { imported: 500, alreadyPresent: 0, complete: true, rows: 500 } });
    expect(stats.requests).toBeLessThanOrEqual(20);
    expect(stats.roundTrips).toBeLessThanOrEqual(12);
    expect(count('anti-dv')).toBe(before + 500);
    const inBank = new Set(bank('anti-dv'));
    for (const stem of [list[0], list[499]] as string[]) expect(inBank.has(withStem(stem)[0]?._id ?? '')).toBe(true);
  });

  it('an import that fails half-way moves the version, says so, and run again adds each question once', async () => {
    const list = stems('重试', 250);
    const content = await sheet(list);
    const before = { version: version(), count: count('anti-dv'), bank: bank('anti-dv').length, all: bank('all').length };
    // The database refuses the second batch of questions, as a timeout half-way would leave it.
    const execute = host.engine.execute.bind(host.engine);
    let inserts = 0;
    const spy = jest.spyOn(host.engine, 'execute').mockImplementation((action, params, defer) => {
      if (action === 'database.insertDocument' && params?.collectionName === 'questions' && ++inserts === 2) return Promise.resolve({ code: 'DATABASE_TIMEOUT', message: 'request timed out', requestId: 'fault' });
      return execute(action, params, defer);
    });
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const first = await importAs(content);
    spy.mockRestore();
    quiet.mockRestore();
    expect(first.result).toMatchObject({ ok: true, data: { imported: 100, complete: false } });
    expect(version()).not.toBe(before.version);
    const afterFailure = version();

    const again = dataOf((await importAs(content)).result as Result<{ imported: number; alreadyPresent: number; complete: boolean }>);
    expect(again).toMatchObject({ imported: 150, alreadyPresent: 100, complete: true });
    expect(version()).not.toBe(afterFailure);
    const all = host.store.candidates('questions', { lawId: 'anti-dv' });
    const copies = list.map((stem) => all.filter((q) => q.stem === stem));
    expect(copies.filter((c) => c.length !== 1)).toEqual([]);
    const ids = copies.map((c) => c[0]?._id ?? '');
    const lawBank = bank('anti-dv');
    for (const id of ids) expect(lawBank.filter((x) => x === id)).toHaveLength(1);
    expect(lawBank).toHaveLength(before.bank + 250);
    expect(bank('all')).toHaveLength(before.all + 250);
    expect(count('anti-dv')).toBe(before.count + 250);

    // A third time: nothing new, nothing doubled.
    expect(dataOf((await importAs(content)).result as Result<{ imported: number }>)).toMatchObject({ imported: 0, alreadyPresent: 250, complete: true });
    expect(bank('anti-dv')).toHaveLength(before.bank + 250);
  });
});

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/sheets', name)).toString('base64');
const QUESTION_ROWS_OK = [2, 4, 5, 6].map((row) => ({ row, ok: true, errors: [] }));
const HEADER_ON_ROW_2 = [{ row: 1, ok: false, errors: ['表头应在第 1 行，现在在第 2 行：请删除表头上面的 1 行（例如合并的标题行）'] }];

describe('importing files saved by LibreOffice and ExcelJS', () => {
  // A fresh bank: the tests above imported some of these stems already, and an import adds each
  // (law, stem) once, so the workbook's four questions must meet a bank without them.
  beforeAll(() => {
    host.close();
    host = freshHost();
  });
  // Every fixture either imports as its sheet says or is refused with the rows and reasons named.
  const reports: Array<[string, Array<{ row: number; ok: boolean; errors: string[] }>]> = [
    ['lo-questions.xlsx', QUESTION_ROWS_OK],
    ['lo-hidden-first.xlsx', QUESTION_ROWS_OK],
    ['exceljs-questions.xlsx', QUESTION_ROWS_OK],
    ['exceljs-inline.xlsx', QUESTION_ROWS_OK],
    // CSV has no merged cells: the second of the two questions under one merged law cell has no law.
    ['lo-questions.csv', [...QUESTION_ROWS_OK.slice(0, 3), { row: 6, ok: false, errors: ['法律“（空）”不认识'] }]],
    ['bom-crlf.csv', [...QUESTION_ROWS_OK.slice(0, 3), { row: 6, ok: false, errors: ['法律“（空）”不认识'] }]],
    ['lo-merged-title.xlsx', HEADER_ON_ROW_2],
    ['exceljs-merged-title.xlsx', HEADER_ON_ROW_2],
    [
      'lo-bad-rows.xlsx',
      [
        { row: 2, ok: false, errors: ['法律“刑法”不认识'] },
        { row: 3, ok: false, errors: ['答案 D 不在已填写的选项中'] },
        { row: 4, ok: false, errors: ['难度应为 1、2 或 3'] },
      ],
    ],
  ];

  it.each(reports)('%s: the report names every row', async (name, report) => {
    const res = dataOf(await call(host, 'learnAdmin', 'importQuestions', { fileName: name, contentBase64: fixture(name), dryRun: true }, ADMIN));
    expect(res.imported).toBe(0);
    expect(res.report).toEqual(report);
  });

  it('refuses a sheet of other values at its header', async () => {
    for (const name of ['lo-values.xlsx', 'exceljs-values.xlsx']) {
      const res = dataOf(await call(host, 'learnAdmin', 'importQuestions', { fileName: name, contentBase64: fixture(name) }, ADMIN));
      expect(res).toMatchObject({ imported: 0, report: [{ row: 1, ok: false }] });
    }
  });

  it('imports the LibreOffice workbook with rich text joined, numbers, formula results, the date and the merged law as shown', async () => {
    const res = dataOf(await call(host, 'learnAdmin', 'importQuestions', { fileName: 'lo-questions.xlsx', contentBase64: fixture('lo-questions.xlsx') }, ADMIN));
    expect(res).toMatchObject({ imported: 4, alreadyPresent: 0, complete: true });
    const imported = host.store.candidates('questions', { lawId: 'anti-dv' }).filter((q) => q.origin === 'import' && String(q.checked).includes('lo-questions.xlsx'));
    const byStem = new Map(imported.map((q) => [q.stem as string, q as Loose]));
    expect(byStem.get('情节较轻的家庭暴力，谁可以出具告诫书？')).toMatchObject({ type: 'single', answer: ['A'], difficulty: 1 });
    expect(byStem.get('告诫书由公安机关出具，\n对吗？')).toMatchObject({ type: 'judge', answer: ['T'], difficulty: 2, explanation: '公安机关可以出具“告诫书”，见 "第十六条"。' });
    expect(byStem.get('下列哪些单位可以接受家庭暴力的投诉、反映或者求助？')).toMatchObject({ type: 'multiple', answer: ['A', 'B'], difficulty: 3, article: { article: '第十三条', source: '2026-03-08' } });
    expect(byStem.get('告诫书应当包括哪些内容之一？')).toMatchObject({ lawId: 'anti-dv', article: { article: '第十六条第二款' } });
  });
});

describe('crafted files through the host', () => {
  it('refuses each with INVALID_INPUT and a message, and goes on serving', async () => {
    for (const f of craftedFiles()) {
      const res = await call(host, 'learnAdmin', 'importQuestions', { fileName: `crafted.${f.kind}`, contentBase64: Buffer.from(f.bytes).toString('base64'), dryRun: true }, ADMIN);
      if (f.refusal) expect([f.name, res]).toEqual([f.name, { ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(f.refusal) as string } }]);
      // The files that must be read are not question sheets: refused at the header, as data.
      else expect([f.name, res]).toMatchObject([f.name, { ok: true, data: { imported: 0, report: [{ row: 1, ok: false }] } }]);
    }
    expect(dataOf(await call(host, 'learnAdmin', 'listQuestions', { page: 1, pageSize: 5 }, ADMIN)).total).toBeGreaterThan(0);
  });
});

describe('campaigns', () => {
  const campaign = {
    title: '三八节学法答题',
    description: '',
    startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    endsAt: new Date(Date.now() + 86_400_000).toISOString(),
    dailyCap: 3,
    questionCount: 5,
    ratio: { 'women-rights': 1, 'anti-dv': 1 },
    passMark: 60,
    timeLimitSec: null,
    published: true,
  };

  it('saves a campaign that users can then take', async () => {
    const { id } = dataOf(await call(host, 'learnAdmin', 'saveCampaign', { campaign }, ADMIN));
    const listed = dataOf(await call(host, 'learn', 'listCampaigns', {}, 'taker'));
    expect(listed.campaigns.find((c) => c.id === id)).toMatchObject({ title: '三八节学法答题', remainingToday: 3, running: true });
    const quiz = dataOf(await call(host, 'learn', 'startQuiz', { mode: 'campaign', campaignId: id }, 'taker'));
    expect(quiz.questions).toHaveLength(5);
    expect(dataOf(await call(host, 'learnAdmin', 'listCampaigns', {}, ADMIN)).campaigns.map((c) => c.id)).toContain(id);
  });

  it('refuses a window that ends before it starts, or a ratio on an unknown law', async () => {
    expect(await call(host, 'learnAdmin', 'saveCampaign', { campaign: { ...campaign, endsAt: campaign.startsAt } }, ADMIN)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call(host, 'learnAdmin', 'saveCampaign', { campaign: { ...campaign, ratio: { nope: 1 } } }, ADMIN)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('纠错 queue', () => {
  it('lists open reports with the question stem and resolves them once', async () => {
    const { reportId } = dataOf(await call(host, 'learn', 'reportQuestion', { questionId: 'minors-q001', reason: '题目表述不清' }, 'reporter'));
    const open = dataOf(await call(host, 'learnAdmin', 'listReports', { status: 'open' }, ADMIN));
    expect(open.reports.find((r) => r.id === reportId)).toMatchObject({ questionId: 'minors-q001', reason: '题目表述不清', status: 'open' });
    expect(open.reports[0]?.stem.length).toBeGreaterThan(3);
    expect(dataOf(await call(host, 'learnAdmin', 'resolveReport', { id: reportId, decision: 'rejected', note: '表述无误' }, ADMIN))).toEqual({ id: reportId, status: 'rejected' });
    expect(await call(host, 'learnAdmin', 'resolveReport', { id: reportId, decision: 'resolved', note: '再次' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(dataOf(await call(host, 'learnAdmin', 'listReports', { status: 'rejected' }, ADMIN)).reports.map((r) => r.id)).toContain(reportId);
  });
});

describe('lessons', () => {
  it('saves and removes a lesson, keeping the law lesson count', async () => {
    const lesson = (host.store.get('lessons', 'minors-01')?.doc ?? {}) as Loose;
    const { _id: _ignored, ...fields } = lesson;
    await call(host, 'learnAdmin', 'saveLesson', { lesson: { ...fields, id: 'minors-07', order: 7, title: '新的一课' } as never }, ADMIN);
    expect((host.store.get('laws', 'minors')?.doc as Loose).lessonCount).toBe(7);
    await call(host, 'learnAdmin', 'retireLesson', { id: 'minors-07' }, ADMIN);
    expect((host.store.get('laws', 'minors')?.doc as Loose).lessonCount).toBe(6);
  });
});

describe('towns', () => {
  it('sets the number of women of a town, which the ranking then divides by', async () => {
    expect(dataOf(await call(host, 'learnAdmin', 'setTownWomen', { town: 'taian', women: 1200 }, ADMIN))).toEqual({ town: 'taian', women: 1200 });
    expect(host.store.get('regions', 'taian')?.doc).toMatchObject({ women: 1200 });
    expect(await call(host, 'learnAdmin', 'setTownWomen', { town: 'nowhere', women: 5 }, ADMIN)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(host, 'learnAdmin', 'setTownWomen', { town: 'taian', women: 5 }, 'dev-town')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
