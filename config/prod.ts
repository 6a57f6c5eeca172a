import type { UserConfigExport } from '@tarojs/cli';

/** Production builds: minified JS and CSS, no source maps shipped. */
export default {
  enableSourceMap: false,
  jsMinimizer: 'terser',
  cssMinimizer: 'csso',
  terser: { enable: true, config: { compress: { passes: 2 } } },
  csso: { enable: true, config: {} },
  mini: { enableSourceMap: false, optimizeMainPackage: { enable: true } },
  h5: { enableSourceMap: false },
} satisfies UserConfigExport<'webpack5'>;
