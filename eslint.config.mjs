import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import nodePlugin from 'eslint-plugin-n';
import fs from 'node:fs';

// The Node version the functions deploy on (cloudbaserc.json, e.g. "Nodejs16.13"): the lowest one
// configured. Code that ends up in a function bundle may use only what that version has.
const deployNode = JSON.parse(fs.readFileSync(new URL('./cloudbaserc.json', import.meta.url), 'utf8'))
  .functions.map((f) => /^Nodejs(\d+)\.(\d+)$/.exec(f.config.runtime))
  .map((m) => `${m[1]}.${m[2]}.0`)
  .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))[0];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'test-artifacts/**', 'coverage/**', '.swc/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser, ...globals.jest },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // Function bundles (cloudfunctions/ with the shared/ code they inline) and the runner that
    // executes them on the deploy runtime: no built-in, global or prototype method that
    // runtime lacks (structuredClone, Array.prototype.findLast, fetch, …). esbuild lowers syntax
    // to node16, but it cannot add a missing built-in; the typed rules tell arrays from look-alikes.
    files: ['cloudfunctions/**/*.ts', 'shared/**/*.ts', 'server/sdk-swap.ts', 'server/function-runner.ts'],
    plugins: { n: nodePlugin },
    settings: { n: { version: deployNode } },
    rules: {
      'n/no-unsupported-features/es-builtins': 'error',
      'n/no-unsupported-features/es-syntax': 'error',
      'n/no-unsupported-features/node-builtins': 'error',
    },
  },
  {
    files: ['client/**/*.tsx', 'client/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
