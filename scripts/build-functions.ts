import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'cloudfunctions');
const OUT = path.join(ROOT, 'dist/cloudfunctions');
/** The runner that executes the bundles in another Node process (server/function-runner.ts). */
const RUNNER_OUT = path.join(ROOT, 'dist/runner/function-runner.js');
const SDK_VERSION = '4.0.2';

/** The cloud functions: every folder of cloudfunctions/ but the shared _lib. */
export function functionNames(): string[] {
  return fs
    .readdirSync(SRC)
    .filter((n) => !n.startsWith('_') && fs.existsSync(path.join(SRC, n, 'index.ts')))
    .sort();
}

/** Bundles each function with shared/ and _lib inlined, wx-server-sdk the only external. */
export async function buildFunctions(): Promise<Array<{ name: string; bytes: number }>> {
  const out: Array<{ name: string; bytes: number }> = [];
  for (const name of functionNames()) {
    const dir = path.join(OUT, name);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [path.join(SRC, name, 'index.ts')],
      outfile: path.join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk'],
      minify: true,
      legalComments: 'none',
      logLevel: 'warning',
    });
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': SDK_VERSION } }, null, 2)}\n`,
    );
    const config = path.join(SRC, name, 'config.json');
    if (fs.existsSync(config)) fs.copyFileSync(config, path.join(dir, 'config.json'));
    out.push({ name, bytes: fs.statSync(path.join(dir, 'index.js')).size });
  }
  // For the deploy runtime's Node, as the bundles are; not deployed, so left readable.
  await build({
    entryPoints: [path.join(ROOT, 'server/function-runner.ts')],
    outfile: RUNNER_OUT,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    logLevel: 'warning',
  });
  return out;
}

if (require.main === module) {
  buildFunctions()
    .then((built) => {
      for (const b of built) console.log(`built dist/cloudfunctions/${b.name}/index.js ${(b.bytes / 1024).toFixed(1)} KiB`);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
