// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        // The mini-program base library and the browsers we target run ES2017+; no core-js polyfills.
        useBuiltIns: false,
      },
    ],
  ],
};
