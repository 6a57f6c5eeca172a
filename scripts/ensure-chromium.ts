import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** Where the browser tests find Chromium: CHROMIUM_PATH, or Debian's package. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Finds Debian's Chromium (and CJK fonts for screenshots), installing them with apt when missing. */
export function ensureChromium(): void {
  const fontsMissing = !fs.existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
  if (fs.existsSync(CHROMIUM) && !fontsMissing) return;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new Error(`Chromium not found at ${CHROMIUM}; install Debian's chromium and fonts-noto-cjk (apt-get install chromium fonts-noto-cjk)`);
  }
  console.log('installing chromium and fonts-noto-cjk with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const res = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit', env });
  if (res.status !== 0 || !fs.existsSync(CHROMIUM)) throw new Error('could not install chromium');
}

if (require.main === module) ensureChromium();
