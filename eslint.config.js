import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** One import style: relative paths, which every tool resolves the same way. */
const noAliases = { group: ['@/*', '@/**', '~/*', '~/**'], message: 'Use a relative import.' };

const browserApis = {
  name: 'wxt/browser',
  message: 'lib/ knows no browser: take the adapter as an argument.',
};

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      // Files that break the rules on purpose; test/unit/lint/lint-rules.test.ts lints them.
      'test/lint-fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    rules: { 'no-restricted-imports': ['error', { patterns: [noAliases] }] },
  },
  {
    // The layer rules, on the files each import resolves to (not on how the import is spelled).
    files: ['lib/**', 'background/**', 'components/**', 'entrypoints/**'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './lib',
              from: ['./background', './components', './entrypoints'],
              message: 'lib/ is pure: it never imports background/, components/ or entrypoints/.',
            },
            {
              target: './entrypoints/page-*/**',
              from: './background',
              message: 'Content code never imports background code.',
            },
            {
              target: './components',
              from: ['./lib/store', './node_modules/idb', './background'],
              message: 'components/ never touches storage or background code.',
            },
          ],
        },
      ],
    },
  },
  {
    // Extension APIs come from an import (`wxt/browser`), never from a global.
    files: ['background/**', 'components/**', 'entrypoints/**'],
    ignores: ['entrypoints/page-watch/index.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: "Import it: import { browser } from 'wxt/browser'." },
        { name: 'chrome', message: "Import it: import { browser } from 'wxt/browser'." },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [browserApis, { name: 'webextension-polyfill', message: browserApis.message }],
          patterns: [
            noAliases,
            {
              group: ['**/entrypoints/**', '~/entrypoints/**', '@/entrypoints/**'],
              message: 'lib/ never imports entrypoints/.',
            },
            {
              group: ['**/components/**', '~/components/**', '@/components/**'],
              message: 'lib/ never imports components/.',
            },
            { group: ['wxt/*', '#imports'], message: browserApis.message },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: browserApis.message },
        { name: 'chrome', message: browserApis.message },
        { name: 'window', message: 'lib/ is pure: pass what it needs.' },
        { name: 'document', message: 'lib/ is pure: pass what it needs.' },
        ...[
          'indexedDB',
          'localStorage',
          'sessionStorage',
          'location',
          'navigator',
          'self',
          'fetch',
          'caches',
        ].map((name) => ({ name, message: 'lib/ is pure: take it as an argument.' })),
      ],
    },
  },
  {
    files: ['entrypoints/page-*/**', 'entrypoints/link-marks/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noAliases,
            {
              group: ['**/background/**', '**/background'],
              message: 'Content code never imports background code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noAliases,
            {
              group: ['**/lib/store/**', 'idb', '**/background/**'],
              message: 'components/ never touches storage.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'browser', property: 'storage', message: 'components/ never touches storage.' },
      ],
    },
  },
);
