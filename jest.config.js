// Test projects by layer; `npm test` (scripts/test-all.ts) runs them all after typecheck, lint and builds.
const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } }],
};
const common = {
  testEnvironment: 'node',
  // Generous: a loaded 2-core machine can take seconds for what is quick when idle; timing claims live in bench/.
  testTimeout: 30_000,
  transform,
  transformIgnorePatterns: ['/node_modules/', '/dist/'],
  // Jest on Node 20 cannot require ESM: point the one ESM-only path import at its CommonJS twin.
  moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/shared/$1', '^zod/v4/locales/(.*)\\.js$': '<rootDir>/node_modules/zod/v4/locales/$1.cjs' },
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/build-functions-once.ts',
    },
    // The built bundles on the deploy runtime's Node (cloudbaserc.json), served by a host on this one.
    {
      ...common,
      displayName: 'runtime',
      testMatch: ['<rootDir>/tests/runtime/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/build-functions-once.ts',
    },
    // Each CloudBase / MongoDB rule the code relies on, with its source, on the fast paths and on mingo.
    { ...common, displayName: 'conformance', testMatch: ['<rootDir>/tests/conformance/**/*.test.ts'] },
    { ...common, displayName: 'build', testMatch: ['<rootDir>/tests/build/**/*.test.ts'] },
    // Native mini-program components, loaded by miniprogram-simulate in jsdom.
    { ...common, displayName: 'component', testEnvironment: 'jsdom', testMatch: ['<rootDir>/tests/component/**/*.test.ts'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.test.ts'] },
    // dist/weapp through WeChat's own tools (wcc, wcsc, miniprogram-ci), its syntax level, and every
    // page in a simulated mini-program runtime bridged to the local host (needs the builds).
    { ...common, displayName: 'weapp', testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'] },
  ],
};
