import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

// The one config module that reads process.env (the build's environment, not the app's).
const ROOT = path.resolve(__dirname, '..');
const SHARED = path.join(ROOT, 'shared');
const TARO_ENV = process.env.TARO_ENV ?? 'weapp';
const CLOUD_ENV = process.env.CLOUD_ENV ?? '';
const isWatch = process.argv.includes('--watch') || process.argv.includes('-w');

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'jinguo-fazhitong',
    date: '2025-11-29',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'client',
    outputRoot: `dist/${TARO_ENV}`,
    plugins: [path.join(__dirname, 'plugins/weapp-aria.js')],
    alias: { '@shared': SHARED },
    defineConstants: {
      // Empty means "the environment the mini-program was opened in" (DYNAMIC_CURRENT_ENV).
      CLOUD_ENV: JSON.stringify(CLOUD_ENV),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    // Prebundling only ever runs in watch mode; it is off so the watch build matches the real one.
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    logger: { quiet: !isWatch, stats: false },
    mini: {
      compile: { include: [SHARED] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [SHARED] },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash:8].css', chunkFilename: 'css/[name].[chunkhash:8].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig) as UserConfigExport<'webpack5'>;
});
