import type { UserConfigExport } from '@tarojs/cli';

/** Development (watch) builds: readable output, source maps. */
export default {
  enableSourceMap: true,
  mini: { enableSourceMap: true, optimizeMainPackage: { enable: true } },
  h5: { enableSourceMap: true },
} satisfies UserConfigExport<'webpack5'>;
