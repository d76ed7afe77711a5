/** Playwright fixtures: a fixture server per worker, and a browser session per test. */
import { test as base } from '@playwright/test';
import { launchChromium, type ChromiumSession } from './chromium';
import { FixtureServer } from './fixture-server';
import { launchFirefox, type FirefoxSession } from './firefox';

export const test = base.extend<
  { chromiumSession: ChromiumSession; firefoxSession: FirefoxSession },
  { server: FixtureServer }
>({
  server: [
    // Playwright requires the object pattern for a fixture without dependencies.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = new FixtureServer();
      await server.start();
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  chromiumSession: async ({ server }, use) => {
    const session = await launchChromium(server.port);
    await use(session);
    await session.close();
  },
  firefoxSession: async ({ server }, use) => {
    const session = await launchFirefox(server.port);
    await use(session);
    await session.close();
  },
});

export { expect } from '@playwright/test';
