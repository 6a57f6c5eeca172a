import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './ensure-chromium';

// Draws the app's icons from the SVG below, rendered by Debian's Chromium with a transparent
// background, and writes the PNGs (and favicon.ico) that are committed beside the client:
//   npx tsx scripts/make-icons.ts
// Tab bar icons: 81×81 (WeChat's recommended size; WeChat allows 40 KB each), gray outline when
// not selected, filled in the theme colour when selected. App icon: 144×144 (the mini-program's
// avatar in the WeChat admin console). Favicon: 16 and 32 px PNGs in one .ico.
const ROOT = path.resolve(__dirname, '..');
const TAB_DIR = path.join(ROOT, 'client/assets/tabbar');
const ICON_DIR = path.join(ROOT, 'client/assets/icons');
const GRAY = '#555555';
const THEME = '#a31545';

/** One tab glyph on a 24-unit grid: its outline (stroked) and its filled form, given a colour. */
interface Glyph {
  outline: (c: string) => string;
  filled: (c: string) => string;
}

const stroke = (c: string) => `fill="none" stroke="${c}" stroke-width="1.8" stroke-linejoin="round" stroke-linecap="round"`;
const BOOK = 'M12 6.6C9.6 5.1 6.6 4.7 3.4 5.3V18.7C6.6 18.1 9.6 18.5 12 20C14.4 18.5 17.4 18.1 20.6 18.7V5.3C17.4 4.7 14.4 5.1 12 6.6Z';
const BUBBLE = 'M5 4.5H19A1.8 1.8 0 0 1 20.8 6.3V15.2A1.8 1.8 0 0 1 19 17H11.2L6.6 20.5V17H5A1.8 1.8 0 0 1 3.2 15.2V6.3A1.8 1.8 0 0 1 5 4.5Z';
const HEART = 'M12 20.2C12 20.2 3.4 15 3.4 9.1A4.7 4.7 0 0 1 12 6.5A4.7 4.7 0 0 1 20.6 9.1C20.6 15 12 20.2 12 20.2Z';
const dots = (c: string) => [8, 12, 16].map((x) => `<circle cx="${x}" cy="10.8" r="1.35" fill="${c}"/>`).join('');

const GLYPHS: Record<string, Glyph> = {
  // 学法: an open book.
  learn: {
    outline: (c) => `<path d="${BOOK}" ${stroke(c)}/><path d="M12 6.6V20" ${stroke(c)}/>`,
    filled: (c) => `<path d="${BOOK}" fill="${c}" ${stroke(c).replace('fill="none" ', '')}/><path d="M12 7.6V18.6" stroke="#fff" stroke-width="1.4" stroke-linecap="round"/>`,
  },
  // 议事: a speech bubble.
  hall: {
    outline: (c) => `<path d="${BUBBLE}" ${stroke(c)}/>${dots(c)}`,
    filled: (c) => `<path d="${BUBBLE}" fill="${c}" ${stroke(c).replace('fill="none" ', '')}/>${dots('#fff')}`,
  },
  // 服务: a heart (a neutral sign of care; the help pages keep neutral words on purpose).
  service: {
    outline: (c) => `<path d="${HEART}" ${stroke(c)}/>`,
    filled: (c) => `<path d="${HEART}" fill="${c}" ${stroke(c).replace('fill="none" ', '')}/>`,
  },
  // 我的: a person.
  me: {
    outline: (c) => `<circle cx="12" cy="8.2" r="3.9" ${stroke(c)}/><path d="M4.4 20.2C4.4 16.2 7.8 13.6 12 13.6S19.6 16.2 19.6 20.2" ${stroke(c)}/>`,
    filled: (c) => `<circle cx="12" cy="8.2" r="3.9" fill="${c}" ${stroke(c).replace('fill="none" ', '')}/><path d="M4.4 20.2C4.4 16.2 7.8 13.6 12 13.6S19.6 16.2 19.6 20.2Z" fill="${c}" ${stroke(c).replace('fill="none" ', '')}/>`,
  },
};

const svg = (size: number, viewBox: string, body: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="${viewBox}">${body}</svg>`;

/** The app's mark: 巾帼 in white on the theme colour (法治通 beneath when there is room). */
function appMark(size: number): string {
  const big = size >= 64;
  const text = big
    ? `<text x="72" y="76" font-size="54" font-weight="700" text-anchor="middle" fill="#fff" font-family="Noto Sans CJK SC">巾帼</text><text x="72" y="112" font-size="24" font-weight="500" text-anchor="middle" fill="#fff" font-family="Noto Sans CJK SC" letter-spacing="4">法治通</text>`
    : `<text x="72" y="118" font-size="112" font-weight="700" text-anchor="middle" fill="#fff" font-family="Noto Sans CJK SC">巾</text>`;
  return svg(size, '0 0 144 144', `<rect width="144" height="144" rx="${big ? 30 : 26}" fill="${THEME}"/>${text}`);
}

/** An .ico holding PNG images (Windows Vista and every current browser read PNG entries). */
function ico(pngs: Array<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size % 256, at);
    header.writeUInt8(size % 256, at + 1);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs.map((p) => p.png)]);
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--force-color-profile=srgb'] });
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const render = async (size: number, markup: string): Promise<Buffer> => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${markup}</body></html>`);
    await page.evaluate(() => document.fonts.ready);
    return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  };
  fs.mkdirSync(TAB_DIR, { recursive: true });
  fs.mkdirSync(ICON_DIR, { recursive: true });
  const written: string[] = [];
  const write = (file: string, data: Buffer) => {
    fs.writeFileSync(file, data);
    written.push(`${path.relative(ROOT, file)} ${data.length} bytes`);
  };
  for (const [name, glyph] of Object.entries(GLYPHS)) {
    write(path.join(TAB_DIR, `${name}.png`), await render(81, svg(81, '0 0 24 24', glyph.outline(GRAY))));
    write(path.join(TAB_DIR, `${name}-active.png`), await render(81, svg(81, '0 0 24 24', glyph.filled(THEME))));
  }
  write(path.join(ICON_DIR, 'app-icon-144.png'), await render(144, appMark(144)));
  write(path.join(ICON_DIR, 'favicon.ico'), ico([{ size: 16, png: await render(16, appMark(16)) }, { size: 32, png: await render(32, appMark(32)) }]));
  await browser.close();
  for (const line of written) console.log(line);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
