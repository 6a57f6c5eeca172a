import path from 'node:path';
import { defineConfig } from '@tarojs/cli';
import type { IProjectConfig } from '@tarojs/taro/types/compile';
import devConfig from './dev';
import prodConfig from './prod';

// The one config module that reads process.env (the build's environment, not the app's).
const ROOT = path.resolve(__dirname, '..');
const SHARED = path.join(ROOT, 'shared');
const inNodeModules = (file: string): boolean => /[\\/]node_modules[\\/]/.test(file);
const TARO_ENV = process.env.TARO_ENV ?? 'weapp';
const CLOUD_ENV = process.env.CLOUD_ENV ?? '';
const isWatch = process.argv.includes('--watch') || process.argv.includes('-w');

export default defineConfig<'webpack5'>((merge) => {
  const baseConfig: IProjectConfig<'webpack5'> = {
    projectName: 'jinguo-fazhitong',
    date: '2026-11-29',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'client',
    outputRoot: `dist/${TARO_ENV}`,
    plugins: [path.join(__dirname, 'plugins/weapp-aria.js'), path.join(__dirname, 'plugins/weapp-project-config.js'), path.join(__dirname, 'plugins/h5-precompress.js')],
    alias: { '@shared': SHARED },
    defineConstants: {
      // Empty means "the environment the mini-program was opened in" (DYNAMIC_CURRENT_ENV).
      CLOUD_ENV: JSON.stringify(CLOUD_ENV),
    },
    // The browser build's favicon (drawn by scripts/make-icons.ts), at the site root where browsers look.
    copy: { patterns: TARO_ENV === 'h5' ? [{ from: 'client/assets/icons/favicon.ico', to: 'dist/h5/favicon.ico' }] : [], options: {} },
    framework: 'react',
    // Taro prebundles only in non-production (watch) builds; off, so a watch build matches the real one.
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    logger: { quiet: !isWatch, stats: false },
    mini: {
      // Babel (babel.config.js: ES2019 targets for weapp) also runs over the node_modules code that
      // ends in the weapp bundles, so no newer syntax ships from a dependency either.
      compile: { include: [SHARED, inNodeModules] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // Plain React components (View is a div): lighter than the web-component set, and roles,
      // aria-* and data-* land on real elements for screen readers and browser tests.
      useHtmlComponents: true,
      compile: { include: [SHARED] },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
      // The h5 build is the local/demo front; its size is watched through the weapp budget instead.
      webpackChain(chain) {
        chain.performance.hints(false);
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig);
});
