import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  // Tests see a build with no registry URL, no built-in keys and no report address.
  define: { __QORGAN_BUILD__: JSON.stringify({ registryUrl: '', trustedKeys: '', reportUrl: '' }) },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    setupFiles: ['test/unit/setup.ts'],
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
