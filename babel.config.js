// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
//
// The weapp build runs in WeChat's logic layer: on iOS that is the system JavaScriptCore, which on
// iOS 12 (Safari 12) knows ES2019 at most — `?.`, `??`, `??=`, class fields are SyntaxErrors there and
// the whole app fails at start. project.config.json keeps the upload-time `es6` switch off, so the
// code in dist/weapp is what ships: it is lowered here, for the weapp build only (config/index.ts
// also sends the node_modules code that ends in the weapp bundles through this config). The h5 build
// keeps the modern targets of package.json's browserslist.
const WEAPP_TARGETS = { ios: '12' };
const isWeapp = process.env.TARO_ENV === 'weapp';

module.exports = {
  // `a ?? b` and `a?.b` lowered as `a != null` tests (smaller than Babel's strict form): the
  // mini-program has no `document.all`, the one value where the two differ.
  ...(isWeapp ? { assumptions: { noDocumentAll: true } } : {}),
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        // The mini-program base library and the browsers we target run ES2017+; no core-js polyfills.
        useBuiltIns: false,
        ...(isWeapp ? { targets: WEAPP_TARGETS, ignoreBrowserslistConfig: true } : {}),
      },
    ],
  ],
};
