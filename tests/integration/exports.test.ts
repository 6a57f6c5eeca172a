import fs from 'node:fs';
import path from 'node:path';
import type { Host } from '../../server/host';
import { sdkModule, withIdentity } from '../../server/sdk-host';
import { call, dataOf, freshHost, tempDir } from '../support/host';

// Exported workbooks in cloud storage (statistics, her own data) are recorded in `exports` when
// made and removed by exportsTimer when their time is up, through the real SDK's deleteFile.

const HOUR = 3_600_000;
const dataDir = tempDir('exports-');
let host: Host;
beforeAll(() => {
  host = freshHost({ dataDir });
});
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});
afterAll(() => host.close());

type Loose = Record<string, unknown>;
interface Deleted {
  fileList: Array<{ fileID: string; status: number; errMsg: string }>;
  errMsg: string;
}
/** The clock at `ms` from the real now. */
const travel = (ms: number) => {
  jest.useRealTimers();
  jest.useFakeTimers({ doNotFake: ['setImmediate', 'setTimeout', 'setInterval', 'nextTick', 'queueMicrotask', 'clearTimeout', 'clearInterval', 'clearImmediate', 'hrtime', 'performance'], now: Date.now() + ms });
};
const timer = () => host.invoke('exportsTimer', { Type: 'Timer', TriggerName: 'hourly', Time: new Date().toISOString() }, null) as Promise<{ ok: boolean; data: { removed: number; failed: number } }>;
/** The local file behind a file ID (the host keeps cloud storage under <data>/files). */
const fileOf = (fileID: string) => path.join(dataDir, 'files', fileID.replace(/^cloud:\/\/local\.files\//, ''));
const recordOf = (fileID: string) => host.store.candidates('exports', {}).find((d) => d.fileID === fileID);
const statsExport = async () => dataOf(await call(host, 'stats', 'exportXlsx', { kind: 'month' }, 'dev-district')).fileID;
const myExport = async () => dataOf(await call(host, 'account', 'exportMyData', {}, 'dev-learner')).fileID;
/** `cloud.deleteFile` of the real SDK, inside a call of exportsTimer. */
const deleteFile = (params: unknown) => withIdentity(null, () => (sdkModule() as unknown as { deleteFile: (p: unknown) => Promise<Deleted> }).deleteFile(params), 'exportsTimer');

describe('an export is recorded for removal', () => {
  it('keeps the file in storage and records its file ID, when it was made and when it goes: nothing personal', async () => {
    const fileID = await statsExport();
    expect(fs.existsSync(fileOf(fileID))).toBe(true);
    const record = recordOf(fileID) as Loose;
    expect(Object.keys(record).sort()).toEqual(['_id', 'createdAt', 'fileID', 'removeAt']);
    expect((record.removeAt as Date).getTime() - (record.createdAt as Date).getTime()).toBe(24 * HOUR);
  });

  it('removes her own data as soon as its link has expired (an hour)', async () => {
    const record = recordOf(await myExport()) as Loose;
    expect((record.removeAt as Date).getTime() - (record.createdAt as Date).getTime()).toBe(HOUR);
  });
});

describe('exportsTimer', () => {
  it('runs only from its timer trigger', async () => {
    expect(await host.invoke('exportsTimer', { Type: 'Timer' }, { openid: 'dev-admin' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('removes files past their time, and their records; fresh exports stay', async () => {
    const report = await statsExport();
    const mine = await myExport();
    travel(2 * HOUR);
    const fresh = await statsExport();
    expect((await timer()).ok).toBe(true);
    expect([fs.existsSync(fileOf(mine)), recordOf(mine)]).toEqual([false, undefined]);
    for (const kept of [report, fresh]) expect([fs.existsSync(fileOf(kept)), recordOf(kept)?.fileID]).toEqual([true, kept]);

    travel(25 * HOUR);
    const res = await timer();
    expect(res).toMatchObject({ ok: true, data: { failed: 0 } });
    expect(res.data.removed).toBeGreaterThanOrEqual(1);
    expect([fs.existsSync(fileOf(report)), recordOf(report)]).toEqual([false, undefined]);
    expect([fs.existsSync(fileOf(fresh)), recordOf(fresh)?.fileID]).toEqual([true, fresh]);
  });

  it('removes more than 50 files in one run, at most 50 a deleteFile call', async () => {
    const made: string[] = [];
    for (let i = 0; i < 120; i += 1) made.push(await myExport());
    const remove = jest.spyOn(host.files, 'remove');
    travel(2 * HOUR);
    const res = await timer();
    expect(res).toMatchObject({ ok: true, data: { failed: 0 } });
    expect(res.data.removed).toBeGreaterThanOrEqual(120);
    const sizes = remove.mock.calls.map(([p]) => (p.fileList as unknown[]).length);
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(50);
    expect(made.filter((f) => fs.existsSync(fileOf(f)) || recordOf(f))).toEqual([]);
  }, 120_000);

  it('drops the record of a file already gone, and keeps for the next run one whose deletion failed', async () => {
    const gone = await myExport();
    const refused = await myExport();
    fs.rmSync(fileOf(gone));
    const real = host.files.remove.bind(host.files);
    jest.spyOn(host.files, 'remove').mockImplementationOnce((p) => {
      const out = real({ fileList: (p.fileList as string[]).filter((f) => f !== refused) });
      return { ...out, fileList: [...out.fileList, { fileID: refused, status: -503002, errMsg: 'storage permission denied' }] };
    });
    travel(2 * HOUR);
    expect(await timer()).toMatchObject({ ok: true, data: { removed: 1, failed: 1 } });
    expect(recordOf(gone)).toBeUndefined();
    expect([fs.existsSync(fileOf(refused)), recordOf(refused)?.fileID]).toEqual([true, refused]);
    expect(await timer()).toMatchObject({ ok: true, data: { removed: 1, failed: 0 } });
    expect([fs.existsSync(fileOf(refused)), recordOf(refused)]).toEqual([false, undefined]);
  });
});

describe('cloud.deleteFile on the local host, as on CloudBase', () => {
  it('deletes the file and answers per file; a missing file is a per-file status, not a rejection', async () => {
    const fileID = await statsExport();
    const missing = 'cloud://local.files/exports/2020-01-01/none.xlsx';
    const res = await deleteFile({ fileList: [fileID, missing] });
    expect(res).toEqual({
      errMsg: 'deleteFile:ok',
      fileList: [
        { fileID, status: 0, errMsg: 'ok' },
        { fileID: missing, status: -503003, errMsg: 'storage file not exists' },
      ],
    });
    expect(fs.existsSync(fileOf(fileID))).toBe(false);
    // Deleted once: a second time finds nothing.
    expect((await deleteFile({ fileList: [fileID] })).fileList[0]).toMatchObject({ status: -503003 });
    // Storage has no folders: a folder emptied goes too.
    const lone = host.files.upload({ cloudPath: 'exports/1999-01-01/lone.xlsx', fileContent: Buffer.from('x') }).fileID;
    expect((await deleteFile({ fileList: [lone] })).fileList[0]).toMatchObject({ status: 0 });
    expect(fs.existsSync(path.dirname(fileOf(lone)))).toBe(false);
  });

  it('deletes nothing outside cloud storage: a file ID that climbs out names no file', async () => {
    const outside = path.join(dataDir, 'outside.txt');
    fs.writeFileSync(outside, 'x');
    const res = await deleteFile({ fileList: ['cloud://local.files/../outside.txt', 'cloud://other.env/outside.txt'] });
    expect(res.fileList.map((f) => f.status)).toEqual([-503003, -503003]);
    expect(fs.existsSync(outside)).toBe(true);
  });

  it('refuses a call the SDK or CloudBase refuses: more than 50 files, or a file list that is not strings', async () => {
    const many = Array.from({ length: 51 }, (_v, i) => `cloud://local.files/exports/x/${i}.xlsx`);
    await expect(deleteFile({ fileList: many })).rejects.toMatchObject({ errCode: -501007, errMsg: expect.stringMatching(/^deleteFile:fail /) as string });
    await expect(deleteFile({ fileList: [1] })).rejects.toMatchObject({ errCode: -1, errMsg: 'deleteFile:fail Type of fileList[0] must be string instead of number' });
    await expect(deleteFile({})).rejects.toMatchObject({ errCode: -1 });
  });
});
