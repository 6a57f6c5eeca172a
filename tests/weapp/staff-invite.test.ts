import fs from 'node:fs';
import path from 'node:path';
import type { Host } from '../../server/host';
import { appPages } from '../../server/openapi/wxacode';
import { freshHost } from '../support/host';
import { MiniProgram, type ViewNode } from './support/logic-layer';

/**
 * An invitation made in WeChat, through the weapp build: the administrator's 工作人员 page asks for
 * a 小程序码 and shows it as an image; scanning it opens the join page with the code as `scene`,
 * where the invitee accepts. Every cloud call is answered by the local host and its open-API engine.
 */

const ROOT = path.resolve(__dirname, '../..');
const WEAPP = path.join(ROOT, 'dist/weapp');
const JOIN = 'pkg-me/pages/join/index';

let host: Host;
let mp: MiniProgram;
let openid = 'dev-admin';

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'dist/cloudfunctions'))) throw new Error('build the function bundles first: npm run build:functions');
  host = freshHost();
  mp = new MiniProgram({ dir: WEAPP, callFunction: (name, data) => host.invoke(name, data, { openid }) });
  await mp.launch('/pkg-staff/pages/people/index');
}, 60_000);

afterAll(() => {
  mp?.close();
  host?.close();
});

/** Invites district staff from the 工作人员 page, as the administrator taps it. */
async function inviteDistrictStaff(): Promise<void> {
  openid = 'dev-admin';
  await mp.reLaunch('/pkg-staff/pages/people/index');
  await mp.tap(mp.byLabel('邀请的岗位：区妇联'));
  await mp.tap(mp.byLabel('生成邀请'));
}

const images = (): ViewNode[] => MiniProgram.findAll(mp.screen(), (n) => n.tag === 'image');

describe('an invitation in WeChat carries a 小程序码', () => {
  it('the 工作人员 page asks for it in the same call and shows it; scanned, it opens the join page with the code', async () => {
    await inviteDistrictStaff();
    const made = mp.calls.filter((c) => c.action === 'createInvitation');
    expect(made).toHaveLength(1);
    const inv = (made[0]?.reply as { ok: true; data: { code: string; image: string } }).data;
    expect(made[0]?.input).toMatchObject({ role: 'district', qr: 'wxacode' });

    // The image, long-pressable (save, forward, recognise), inside a view that 读屏 announces.
    const shown = MiniProgram.findAll(mp.byLabel(`邀请小程序码，邀请码 ${inv.code}`), (n) => n.tag === 'image');
    expect(shown.map((n) => [n.attr.src, n.attr.showMenuByLongpress])).toEqual([[inv.image, true]]);
    expect(images()).toHaveLength(1);
    const text = MiniProgram.text(mp.screen());
    expect(text).toContain(inv.code);
    expect(text).toContain('请对方用微信扫一扫这个小程序码');
    expect(text).not.toMatch(/scene/i);

    // What WeChat encodes: the join page, the code as its scene. Scanning opens that page so.
    const asked = host.openapi.wxacodeRequests().at(-1);
    expect(asked).toMatchObject({ scene: inv.code, page: JOIN });
    openid = 'weapp-scanned-invitee';
    await mp.reLaunch(`/${asked?.page ?? ''}?scene=${encodeURIComponent(asked?.scene ?? '')}`);
    await mp.tap(mp.byLabel('接受邀请'));
    expect(MiniProgram.text(mp.screen())).toContain('您已成为 区妇联 工作人员');
    expect(mp.calls.filter((c) => c.action === 'redeemInvitation').map((c) => [c.input, c.ok])).toEqual([[{ code: inv.code }, true]]);
    expect(mp.errors).toEqual([]);
    expect(mp.view.warnings).toEqual([]);
  }, 60_000);

  it('when WeChat cannot make it yet (the join page not in the published release), the code and a plain hint are shown', async () => {
    host.openapi.publishPages(appPages().filter((p) => p !== JOIN));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await inviteDistrictStaff();
    } finally {
      warn.mockRestore();
      host.openapi.publishPages(null);
    }
    const made = mp.calls.filter((c) => c.action === 'createInvitation').at(-1);
    const inv = (made?.reply as { ok: true; data: { code: string } }).data;
    expect(images()).toHaveLength(0);
    const text = MiniProgram.text(mp.screen());
    expect(text).toContain(inv.code);
    expect(text).toContain('小程序正式版还没有发布加入页面，暂时生成不了小程序码。请对方在小程序「我的 → 工作人员邀请」里输入邀请码。');
    expect(text).not.toMatch(/scene/i);
    expect(mp.errors).toEqual([]);
  }, 60_000);
});
