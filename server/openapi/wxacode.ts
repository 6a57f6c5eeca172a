import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { generate } from 'lean-qr';
import { REPO_ROOT } from '../config';

// The local engine of wxacode.getUnlimited (getUnlimitedQRCode), checking what WeChat checks:
// https://developers.weixin.qq.com/miniprogram/dev/server/API/qrcode-link/qr-code/api_getunlimitedqrcode.html
// - scene: required, at most 32 visible characters: digits, letters and !#$&'()*+,/:;=?@-._~. WeChat
//   answers 40169 "invalid length for scene, or the data is not json string" for the length and
//   40129 "invalid scene" for a character outside the set (both as the cloud call reports them:
//   "openapi.wxacode.getUnlimited:fail invalid scene rid: …", WeChat community threads
//   https://developers.weixin.qq.com/community/develop/doc/0000c844b107084f2a7b0662d56c00 and
//   https://developers.weixin.qq.com/community/develop/doc/000e86b7acc018296beda83a55b400).
// - page: no leading "/", no parameters; with check_path (default true) a page of the published
//   release; otherwise 41030 "invalid page".
// - env_version release | trial | develop; width 280–1280 (default 430). Outside them the engine
//   answers WeChat's general 40097 "invalid args" (what WeChat does there is not documented).
// The image is a real PNG of the width asked for: a QR code of "<page>?scene=<scene>" (a stand-in
// for the round 小程序码, which only WeChat draws), with contentType 'image/png'.

/** What a function passes to `cloud.openapi.wxacode.getUnlimited` (camelCase; the SDK also takes snake_case). */
export interface GetUnlimitedParams {
  scene?: unknown;
  page?: unknown;
  checkPath?: unknown;
  check_path?: unknown;
  envVersion?: unknown;
  env_version?: unknown;
  width?: unknown;
}

/** A request the engine accepted, as WeChat read it. */
export interface WxacodeRequest {
  scene: string;
  page: string;
  checkPath: boolean;
  envVersion: 'release' | 'trial' | 'develop';
  width: number;
}

const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]*$/;
const ENV_VERSIONS = ['release', 'trial', 'develop'] as const;

/** The pages of the app (client/app.config.ts), main package and subpackages: what a release publishes. */
export function appPages(): string[] {
  const g = globalThis as { defineAppConfig?: (c: unknown) => unknown };
  // Taro's build provides defineAppConfig; read as plain data here.
  g.defineAppConfig ??= (c: unknown) => c;
  const mod = require(path.join(REPO_ROOT, 'client/app.config.ts')) as { default: { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> } };
  const app = mod.default;
  return [...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
}

/** WeChat's refusal of a request, as [errcode, errmsg], or the request as WeChat reads it. */
export function checkGetUnlimited(params: GetUnlimitedParams, published: readonly string[]): { refused: [number, string] } | { request: WxacodeRequest } {
  const { scene } = params;
  if (typeof scene !== 'string' || scene.length === 0 || scene.length > 32) return { refused: [40169, 'invalid length for scene, or the data is not json string'] };
  if (!SCENE_CHARS.test(scene)) return { refused: [40129, 'invalid scene'] };
  const page = params.page === undefined ? (published[0] ?? '') : params.page;
  const checkPath = (params.checkPath ?? params.check_path ?? true) !== false;
  if (typeof page !== 'string' || page.startsWith('/') || page.includes('?') || (checkPath && !published.includes(page))) return { refused: [41030, 'invalid page'] };
  const envVersion = params.envVersion ?? params.env_version ?? 'release';
  const width = params.width ?? 430;
  if (!ENV_VERSIONS.includes(envVersion as WxacodeRequest['envVersion']) || typeof width !== 'number' || !Number.isInteger(width) || width < 280 || width > 1280) {
    return { refused: [40097, 'invalid args'] };
  }
  return { request: { scene, page, checkPath, envVersion: envVersion as WxacodeRequest['envVersion'], width } };
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A width×width black-and-white PNG (1 bit per pixel) of a QR code of `text`, with a quiet zone of four modules. */
export function qrPng(text: string, width: number): Buffer {
  const code = generate(text);
  const modules = code.size + 8;
  const stride = Math.ceil(width / 8) + 1;
  const rows = Buffer.alloc(stride * width);
  for (let y = 0; y < width; y += 1) {
    const my = Math.floor((y * modules) / width) - 4;
    // Filter byte 0, then the pixels, most significant bit first; a set bit is white.
    for (let x = 0; x < width; x += 1) {
      const mx = Math.floor((x * modules) / width) - 4;
      const at = y * stride + 1 + (x >> 3);
      if (!code.get(mx, my)) rows[at] = (rows[at] ?? 0) | (0x80 >> (x & 7));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(width, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}
