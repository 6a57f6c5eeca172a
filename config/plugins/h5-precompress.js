/**
 * After an h5 build, writes a brotli (quality 11) and a gzip (level 9) copy beside every text
 * asset of 1 KB or more, where it is smaller: the local host (server/static.ts) sends these to
 * browsers that accept them, so it never compresses at request time what the build could.
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const COMPRESSIBLE = /\.(js|css|html|json|svg|txt|map|ico)$/;
const MIN_BYTES = 1024;

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function precompress(dir) {
  for (const file of files(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const body = fs.readFileSync(file);
    if (body.length < MIN_BYTES) continue;
    // A watch rebuild leaves unchanged files alone: their copies are newer.
    const mtime = fs.statSync(file).mtimeMs;
    if (['.br', '.gz'].every((ext) => fs.existsSync(file + ext) && fs.statSync(file + ext).mtimeMs >= mtime)) continue;
    const variants = [
      ['.br', zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })],
      ['.gz', zlib.gzipSync(body, { level: 9 })],
    ];
    for (const [ext, packed] of variants) if (packed.length < body.length) fs.writeFileSync(file + ext, packed);
  }
}

module.exports = (ctx) => {
  ctx.onBuildFinish(() => {
    if (process.env.TARO_ENV !== 'h5' || !fs.existsSync(ctx.paths.outputPath)) return;
    precompress(ctx.paths.outputPath);
  });
};
module.exports.precompress = precompress;
