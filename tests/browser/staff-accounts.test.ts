import type { Page } from 'playwright-core';
import { pageAs, shown, startRig, wholePage, type BrowserRig } from '../support/browser';

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 60_000);
afterAll(async () => {
  await rig.close();
});

/** Fills the invitation form on 工作人员 and returns the link it shows. */
async function invite(page: Page, role: string, town: string | null, village: string | null, name: string): Promise<string> {
  await page.goto(`${rig.base}/#/pkg-staff/pages/people/index`);
  await shown(page, 'invite-form').waitFor({ timeout: 30_000 });
  await shown(page, `invite-role-${role}`).click();
  if (town) await shown(page, 'invite-town').selectOption(town);
  if (village) await shown(page, 'invite-village').selectOption(village);
  await shown(page, 'invite-name').fill(name);
  await shown(page, 'invite-create').click();
  await shown(page, 'invitation-qr').waitFor({ timeout: 10_000 });
  return shown(page, 'invitation-link').innerText();
}

/** A newcomer opens the link and accepts. */
async function accept(link: string, openid: string): Promise<Page> {
  const { page, errors } = await pageAs(rig, openid);
  await page.goto(link);
  await shown(page, 'join-accept').click({ timeout: 30_000 });
  await shown(page, 'join-done').waitFor({ timeout: 10_000 });
  expect(errors).toEqual([]);
  return page;
}

describe('staff accounts by invitation, in the browser', () => {
  it('an admin invites town staff, who invites a station; the station opens the link and sees its own village only', async () => {
    const { page: admin } = await pageAs(rig, 'dev-admin');
    const townLink = await invite(admin, 'town', 'shuangjiang', null, '新来的镇街干部');
    expect(townLink).toMatch(/#\/pkg-me\/pages\/join\/index\?code=[A-Z2-9]{10}$/);
    await wholePage(admin, 'staff-invitation.png');
    await admin.context().close();

    const town = await accept(townLink, 'b-new-town');
    expect(await shown(town, 'join-done').innerText()).toContain('镇街妇联工作人员：双江镇');
    const stationLink = await invite(town, 'station', null, 'shuangjiang-v2', '二村刘妈');
    await town.context().close();

    const station = await accept(stationLink, 'b-new-station');
    await shown(station, 'join-open-desk').click();
    await shown(station, 'desk-stats-dashboard').click({ timeout: 30_000 });
    expect(await shown(station, 'stats-scope').innerText({ timeout: 30_000 })).toBe('村（社区）：双江镇示例村二');
    expect(await station.locator('[data-testid="town-row"]:visible').count()).toBe(0);
    await station.context().close();
  }, 180_000);

  it('an invitation link used a second time is refused, with the reason', async () => {
    const { page: admin } = await pageAs(rig, 'dev-admin');
    const link = await invite(admin, 'station', 'shuangjiang', 'shuangjiang-v1', '一村');
    await admin.context().close();
    await (await accept(link, 'b-first')).context().close();
    const { page } = await pageAs(rig, 'b-second');
    await page.goto(link);
    await shown(page, 'join-accept').click({ timeout: 30_000 });
    expect(await shown(page, 'join-error').innerText({ timeout: 10_000 })).toContain('已经用过');
    await page.context().close();
  }, 120_000);
});
