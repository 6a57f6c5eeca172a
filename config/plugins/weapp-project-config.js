/**
 * Taro copies the root project.config.json into dist/weapp/ with miniprogramRoot "./" but leaves
 * cloudfunctionRoot relative to the repository root. Point it at dist/cloudfunctions/ from there,
 * so opening either folder in WeChat DevTools finds the functions.
 */
const fs = require('node:fs');
const path = require('node:path');

module.exports = (ctx) => {
  ctx.onBuildFinish(() => {
    if (process.env.TARO_ENV !== 'weapp') return;
    const file = path.join(ctx.paths.outputPath, 'project.config.json');
    if (!fs.existsSync(file)) return;
    const config = JSON.parse(fs.readFileSync(file, 'utf8'));
    const cloudRoot = path.relative(ctx.paths.outputPath, path.join(ctx.paths.appPath, 'dist/cloudfunctions'));
    const next = { ...config, miniprogramRoot: './', cloudfunctionRoot: `${cloudRoot.split(path.sep).join('/')}/` };
    fs.writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`);
  });
};
