import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const browserApis = {
  name: 'wxt/browser',
  message: 'lib/ knows no browser: take the adapter as an argument.',
};

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
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
            {
              group: ['**/background/**', '**/background', '~/lib/background/**'],
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
            {
              group: ['**/lib/store/**', 'idb', '**/lib/background/**'],
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
