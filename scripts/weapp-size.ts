import fs from 'node:fs';
import path from 'node:path';

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(p) : fs.statSync(p).size;
  }
  return total;
}

export interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
  tabBar?: { list: Array<{ pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }> };
  window?: { navigationBarTitleText?: string };
}

/** The app.json of a weapp build. */
export function readAppJson(weappDir: string): AppJson {
  return JSON.parse(fs.readFileSync(path.join(weappDir, 'app.json'), 'utf8')) as AppJson;
}

/** Every page route of a weapp build: the main package's, then each subpackage's (`root/page`). */
export function allPages(app: AppJson): string[] {
  const subs = app.subPackages ?? app.subpackages ?? [];
  return [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))];
}

/** Bytes of the weapp main package (everything outside subpackage roots) and of each subpackage. */
export function packageSizes(weappDir: string): { main: number; subpackages: Record<string, number> } {
  const app = readAppJson(weappDir);
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const subpackages: Record<string, number> = {};
  for (const root of roots) subpackages[root] = fs.existsSync(path.join(weappDir, root)) ? folderBytes(path.join(weappDir, root)) : 0;
  const all = folderBytes(weappDir);
  const inSubs = Object.values(subpackages).reduce((a, b) => a + b, 0);
  return { main: all - inSubs, subpackages };
}
