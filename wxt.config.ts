import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { packedData } from './scripts/vite-packed-data';

/**
 * Public half of the key that fixes the Chrome extension ID
 * (pkbehbehdgokiljigiiaaciccfpmabkk) on every machine. The private half is
 * not needed to load the extension and is never committed.
 */
const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAmXbAf1YJzvhL6JA7+7fmVgOl4lmQQ709FeQzHWPqIm9i9+sOo1SnbstbgXY0/5y5tE3swPI5QaERofz6VMFVcT38gmHst0XNd9f+xCnUqHjwpxsT5ZSa0jc2NXKd9R8h8JqyR5jA110sqyUmDHuALMPSFUbIoYHA/7yemSs7XqCTIzgJHELzXcFXyn7FpZsClE3FdgCqYLPOFTdaU5DU5IUUEOlaJkT34dlHyUFV4BNW0vyE1u1mVW2YGkhH0A9wzmK8N0FBk94w+vKjK4Y1CjJuu6BK/jIDzG3VTZdAagVvWe936sPwnGF1UwykK/YUJqJdwM91aQYA4ZLkeVOB9QIDAQAB';

export const GECKO_ID = 'qorgan@qorgan.kz';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Benchmarks build a copy with their own trusted key into another folder.
  outDir: process.env.QORGAN_OUT_DIR ?? '.output',
  // Every file imports what it uses, so the layer rules see every dependency.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  hooks: {
    // The bundled registry snapshot must validate, or there is no build.
    'build:before': async () => {
      const { assertSnapshotValid } = await import('./scripts/check-snapshot');
      await assertSnapshotValid();
    },
  },
  vite: () => ({
    plugins: [
      preact(),
      // The worker's two largest tables in forms that cost a start little to parse.
      packedData(),
      // Kazakh and Russian text as UTF-8, not \uXXXX escapes: a third of the content script's bytes.
      // WXT sets esbuild's charset to ASCII after reading this config (a guard against bundles that
      // are not valid UTF-8, which Chrome refuses to load as content scripts), so it is set here from
      // a plugin hook, which runs later. Our bundles are valid UTF-8: the e2e tests load them.
      { name: 'qorgan:utf8-output', config: () => ({ esbuild: { charset: 'utf8' } }) },
      // Nearly all of the link marks' code runs the moment it is injected, in a world where nothing
      // of it is compiled yet: V8's compile hint has it compile each function once, up front, instead
      // of pre-parsing it and then parsing it again at its first call (bench/browser/link-marks.ts).
      {
        name: 'qorgan:link-marks-compile-hint',
        // After WXT's own, which expect the bundle to start with its code.
        enforce: 'post',
        generateBundle(_options, bundle) {
          const chunk = bundle['link-marks.js'];
          if (chunk?.type === 'chunk') chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
        },
      },
    ],
    define: {
      // Build configuration, documented in README: a registry URL, its trusted keys, a report address.
      __QORGAN_BUILD__: JSON.stringify({
        registryUrl: process.env.QORGAN_REGISTRY_URL ?? '',
        trustedKeys: process.env.QORGAN_TRUSTED_KEYS ?? '',
        reportUrl: process.env.QORGAN_REPORT_URL ?? '',
      }),
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'webNavigation', 'scripting', 'contextMenus'],
    host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
          content_security_policy: "script-src 'self'; object-src 'none';",
        }
      : {
          key: CHROME_PUBLIC_KEY,
          storage: { managed_schema: 'managed_schema.json' },
          minimum_chrome_version: '137',
          content_security_policy: {
            extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none';",
          },
        }),
  }),
});
