import { hashId } from '../../cloudfunctions/_lib/ids';
import { pageAs, phonePage, shown, startRig, type BrowserRig } from '../support/browser';

/**
 * A district on day one, in the browser: a newcomer in a town whose villages nobody has entered
 * asks for help and that town's staff see it; invitations that must not work do not.
 */
let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 60_000);
afterAll(async () => {
  await rig.close();
});

type Ok<T> = { ok: true; data: T };
const invoke = async <T>(fn: string, action: string, input: unknown, openid: string): Promise<T> => {
  const res = (await rig.host.invoke(fn, { action, input }, { openid })) as Ok<T> | { ok: false; error: unknown };
  if (!res.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(res.error)}`);
  return res.data;
};

/** The join page of an invitation, opened by a newcomer who taps 接受邀请; what it then says. */
async function openInvitation(code: string, openid: string): Promise<{ text: string; errors: string[] }> {
  const { page, errors } = await pageAs(rig, openid);
  await page.goto(`${rig.base}/#/pkg-me/pages/join/index?code=${code}`);
  await shown(page, 'join-accept').click({ timeout: 30_000 });
  const outcome = page.locator('[data-testid="join-error"]:visible, [data-testid="join-done"]:visible');
  await outcome.first().waitFor({ timeout: 15_000 });
  const text = await outcome.first().innerText();
  await page.context().close();
  return { text, errors };
}

describe('day one of a real district, in the browser', () => {
  it('a brand-new visitor in a town with no villages entered asks for help; that town’s staff, invited that day, see it', async () => {
    // 花岩镇 has no villages in the list. Its staff member comes by invitation, as every staff member does.
    const code = (await invoke<{ code: string }>('staff', 'createInvitation', { role: 'town', town: 'huayan', name: '花岩镇妇联' }, 'dev-admin')).code;
    expect((await openInvitation(code, 'b-huayan-town')).text).toContain('花岩镇');

    // A visitor with nothing set: no profile, no sign-in.
    const page = await phonePage(rig);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${rig.base}/#/pkg-help/pages/request/index`);
    await shown(page, 'help-age-adult').click({ timeout: 30_000 });
    await shown(page, 'help-form').waitFor({ timeout: 15_000 });
    await shown(page, 'help-town').selectOption('huayan');
    // The village picker works with zero villages: it says so, and nothing has to be chosen.
    expect(await shown(page, 'help-village').locator('option').allInnerTexts()).toEqual(['本镇街的村（社区）还没有录入，不用选']);
    await shown(page, 'help-category-婚姻家庭纠纷').click();
    await shown(page, 'help-description').fill('想问问分家时宅基地怎么分');
    await shown(page, 'help-contact-in_app').click();
    await shown(page, 'help-consent').click();
    await shown(page, 'help-submit').click();
    await shown(page, 'help-reference').waitFor({ timeout: 15_000 });
    const reference = (await shown(page, 'help-reference').innerText()).trim();
    expect(reference).toMatch(/^FW-[0-9A-F]{6}$/);
    expect(errors).toEqual([]);
    await page.context().close();

    // The town's new staff member finds it in her queue, at her level.
    const { page: staff, errors: staffErrors } = await pageAs(rig, 'b-huayan-town');
    await staff.goto(`${rig.base}/#/pkg-staff/pages/cases/index`);
    const row = staff.locator('[data-testid="case-row"]:visible', { hasText: reference });
    await row.waitFor({ timeout: 30_000 });
    expect(await staff.locator('[data-testid="case-row"]:visible').count()).toBe(1);
    // Station staff elsewhere do not.
    const { page: station } = await pageAs(rig, 'dev-station');
    await station.goto(`${rig.base}/#/pkg-staff/pages/cases/index`);
    await station.locator('[data-testid="case-list"]:visible, [data-testid="state-empty"]:visible').first().waitFor({ timeout: 30_000 });
    expect(await station.locator('[data-testid="case-row"]:visible', { hasText: reference }).count()).toBe(0);
    expect(staffErrors).toEqual([]);
    await staff.context().close();
    await station.context().close();
  }, 180_000);

  it('an expired invitation, and one whose inviter has since been switched off, are refused with the reason; nobody becomes staff', async () => {
    const expired = (await invoke<{ code: string }>('staff', 'createInvitation', { role: 'station', town: 'shuangjiang', village: 'shuangjiang-v1', days: 1 }, 'dev-town')).code;
    const id = hashId('iv', expired);
    const doc = rig.host.store.get('invitations', id)?.doc as Record<string, unknown>;
    rig.host.store.commitSync([{ coll: 'invitations', id, doc: { ...doc, _id: id, expiresAt: new Date(Date.now() - 60_000) } }]);
    expect((await openInvitation(expired, 'b-late')).text).toContain('过期');

    // A town staff member invites a station, then loses her post before it is used.
    const town = (await invoke<{ code: string }>('staff', 'createInvitation', { role: 'town', town: 'guxi', name: '古溪镇妇联' }, 'dev-admin')).code;
    expect((await openInvitation(town, 'b-guxi-town')).text).toContain('古溪镇');
    const villageOfGuxi = (await invoke<{ towns: Array<{ id: string; villages: Array<{ id: string }> }> }>('account', 'listRegions', {}, 'dev-admin')).towns.find((t) => t.id === 'guxi')?.villages[0]?.id;
    expect(villageOfGuxi).toBeDefined();
    const orphan = (await invoke<{ code: string }>('staff', 'createInvitation', { role: 'station', town: 'guxi', village: villageOfGuxi }, 'b-guxi-town')).code;
    await invoke('staff', 'setStaffActive', { id: 'b-guxi-town', active: false }, 'dev-admin');
    const refused = await openInvitation(orphan, 'b-orphan');
    expect(refused.text).toContain('邀请失效');

    for (const who of ['b-late', 'b-orphan']) expect((await invoke<{ role: string }>('account', 'me', {}, who)).role).toBe('user');
  }, 180_000);

  it('the invitation form never offers more than the inviter holds: town staff may invite stations of their own town only', async () => {
    const { page, errors } = await pageAs(rig, 'dev-town');
    await page.goto(`${rig.base}/#/pkg-staff/pages/people/index`);
    await shown(page, 'invite-form').waitFor({ timeout: 30_000 });
    const roles = await page.locator('[data-testid^="invite-role-"]:visible').allInnerTexts();
    expect(roles.map((r) => r.trim())).toEqual(['村（社区）工作室']);
    await shown(page, 'invite-role-station').click();
    expect(await shown(page, 'invite-town').inputValue()).toBe('shuangjiang');
    const villages = (await shown(page, 'invite-village').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).filter(Boolean);
    expect(villages.length).toBeGreaterThan(0);
    expect(villages.every((v) => v.startsWith('shuangjiang-'))).toBe(true);
    // And the server refuses what the form does not offer.
    const res = await rig.host.invoke('staff', { action: 'createInvitation', input: { role: 'town', town: 'shuangjiang' } }, { openid: 'dev-town' });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
