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

/** Bytes of the weapp main package (everything outside subpackage roots) and of each subpackage. */
export function packageSizes(weappDir: string): { main: number; subpackages: Record<string, number> } {
  const app = JSON.parse(fs.readFileSync(path.join(weappDir, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const subpackages: Record<string, number> = {};
  for (const root of roots) subpackages[root] = fs.existsSync(path.join(weappDir, root)) ? folderBytes(path.join(weappDir, root)) : 0;
  const all = folderBytes(weappDir);
  const inSubs = Object.values(subpackages).reduce((a, b) => a + b, 0);
  return { main: all - inSubs, subpackages };
}
