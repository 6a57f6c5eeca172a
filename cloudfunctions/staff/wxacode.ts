import { cloud } from '../_lib/cloud';
import { config } from '../_lib/config';
import { uploadWithLink } from '../_lib/storage';

// The 小程序码 of an invitation, made by WeChat's wxacode.getUnlimited (cloud call; getUnlimitedQRCode,
// https://developers.weixin.qq.com/miniprogram/dev/server/API/qrcode-link/qr-code/api_getunlimitedqrcode.html):
// - scene: at most 32 visible characters of digits, letters and !#$&'()*+,/:;=?@-._~ (40169 for the
//   length, 40129 for a character outside that set). The invitation code (10 of A–Z and 2–9 without
//   look-alikes) is the scene as it is; the join page reads it back with decodeURIComponent.
// - page: a page of the published release, without a leading "/" and without parameters; otherwise
//   41030 "invalid page". check_path=false allows a page not yet published, env_version opens the
//   trial or develop version instead of the release.
// - As a cloud call the SDK answers { contentType, buffer } (wx-server-sdk 4.0.2, callWXOpenAPI's
//   "buffer response") and throws { errCode, errMsg: "openapi.wxacode.getUnlimited:fail …" } otherwise.
// Declared in config.json's permissions.openapi: an undeclared open API answers -604101.

/** The width asked for, in pixels (WeChat's default; 280 to 1280): scans well from another phone's screen. */
export const WXACODE_WIDTH = 430;

/** MINIPROGRAM_STATE (as subscribe messages name the versions) to getUnlimited's env_version. */
const ENV_VERSION: Record<string, 'release' | 'trial' | 'develop'> = { formal: 'release', trial: 'trial', developer: 'develop' };

interface WxacodeApi {
  wxacode: { getUnlimited(p: { scene: string; page: string; checkPath: boolean; envVersion: string; width: number }): Promise<{ contentType?: string; buffer?: unknown }> };
}

const TYPED = '请对方在小程序「我的 → 工作人员邀请」里输入邀请码。';

/** What the inviter reads when WeChat made no 小程序码 (the code still works). */
function hintFor(errCode: unknown): string {
  if (errCode === 41030) return `小程序正式版还没有发布加入页面，暂时生成不了小程序码。${TYPED}`;
  return `小程序码暂时生成不了。${TYPED}`;
}

/**
 * The 小程序码 that opens the join page with `code` as its scene, uploaded under an unguessable name
 * with a link valid for an hour; when WeChat refuses or storage fails, no image and a plain hint.
 * Never throws: the invitation is made either way.
 */
export async function invitationWxacode(code: string, page: string, now: Date): Promise<{ image: string | null; imageHint: string | null }> {
  const envVersion = ENV_VERSION[config.miniprogramState] ?? 'release';
  try {
    const made = await (cloud.openapi as unknown as WxacodeApi).wxacode.getUnlimited({ scene: code, page, checkPath: envVersion === 'release', envVersion, width: WXACODE_WIDTH });
    if (!Buffer.isBuffer(made.buffer) || made.buffer.length === 0) throw new Error('wxacode.getUnlimited answered no image');
    const ext = made.contentType === 'image/png' ? 'png' : 'jpg';
    const { url } = await uploadWithLink('invitations', ext, made.buffer, now);
    return { image: url, imageHint: null };
  } catch (err) {
    const errCode = (err as { errCode?: unknown } | null)?.errCode;
    // Why, for the function's log; never the code itself.
    const why = typeof errCode === 'number' ? `errCode ${errCode}` : err instanceof Error ? err.message.split(code).join('…').slice(0, 200) : 'unknown';
    console.warn(`[staff.createInvitation] no 小程序码: ${why}`);
    return { image: null, imageHint: hintFor(errCode) };
  }
}
