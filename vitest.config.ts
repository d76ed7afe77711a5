import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { packedData } from './scripts/vite-packed-data';

export default defineConfig({
  // The build's packing of large tables too, so the tests read them as the extension does.
  plugins: [WxtVitest(), packedData()],
  // Tests see a build with no registry URL, no built-in keys and no report address.
  define: { __QORGAN_BUILD__: JSON.stringify({ registryUrl: '', trustedKeys: '', reportUrl: '' }) },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    setupFiles: ['test/unit/setup.ts'],
    // The packed tables are modules the plugin writes, though their files lie in node_modules.
    server: { deps: { inline: [/qorgan-pairs/] } },
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
