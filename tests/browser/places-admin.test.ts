import { writeXlsx } from '../../shared/domain/xlsx-writer';
import { pageAs, phonePage, shown, startRig, wholePage, type BrowserRig } from '../support/browser';

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 60_000);
afterAll(async () => {
  await rig.close();
});

describe('places managed in the app, in the browser', () => {
  it('an administrator imports a spreadsheet of villages; a new user then picks one of them', async () => {
    const { page, errors } = await pageAs(rig, 'dev-admin');
    await page.goto(`${rig.base}/#/pkg-staff/pages/places/index`);
    await shown(page, 'places-import').click({ timeout: 30_000 });
    const file = Buffer.from(writeXlsx([{ name: 'Sheet1', rows: [['镇街', '村（社区）', '工作室名称'], ['花岩镇', '花岩村', '花岩村暖心刘妈工作室'], ['花岩镇', '新华村', '']] }]));
    await shown(page, 'import-file').setInputFiles({ name: '花岩镇村社区.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await shown(page, 'import-check').click();
    expect(await shown(page, 'import-summary').innerText({ timeout: 10_000 })).toContain('全部通过');
    await shown(page, 'import-run').click();
    expect(await shown(page, 'import-done').innerText({ timeout: 10_000 })).toBe('已导入 2 个村（社区）');
    await wholePage(page, 'places-import.png');
    expect(errors).toEqual([]);
    await page.context().close();

    const visitor = await phonePage(rig);
    await visitor.goto(rig.base);
    await shown(visitor, 'place-prompt-choose').click({ timeout: 30_000 });
    await shown(visitor, 'place-first-town').selectOption('huayan');
    const options = shown(visitor, 'place-first-village');
    expect(await options.locator('option').allInnerTexts()).toEqual(['不方便说', '花岩村', '新华村']);
    await options.selectOption({ label: '新华村' });
    await shown(visitor, 'place-first-save').click();
    expect(await shown(visitor, 'place-prompt-done').innerText()).toContain('花岩镇 新华村');
    await visitor.context().close();
  }, 120_000);
});
