/**
 * `registry publish` end to end: the project's data is published into a
 * folder, a local static host serves it, and an extension built with that
 * address (QORGAN_REGISTRY_URL) and the test key (QORGAN_TRUSTED_KEYS)
 * installs it in real Chromium.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { REGISTRY_CLI } from '../../../cli/commands';
import { encodePrivateKeyPem } from '../../../cli/private-key-pem';
import { runCli } from '../../../cli/run-cli';
import { generateSigningKey } from '../../../lib/registry/sign-envelope';
import { ROOT } from '../support/browsers';
import { launchChromium } from '../support/chromium';
import { PopupPage } from '../support/pages';
import { serveStaticSite } from '../support/static-site';

const PUBLISHED_VERSION = 4242;

test('an extension built with QORGAN_REGISTRY_URL installs the registry that publish wrote', async () => {
  // Publishing and a whole extension build happen inside this test.
  test.setTimeout(600_000);
  const work = mkdtempSync(path.join(tmpdir(), 'qorgan-publish-e2e-'));
  const key = await generateSigningKey();
  const errors: string[] = [];
  const published = await runCli(
    [
      'publish',
      ...['--sources', 'data/kz/sources.csv', '--licensed', 'data/kz/licensed.csv'],
      ...['--warnings', 'data/kz/warnings.csv', '--blocked', 'data/kz/blocked.csv'],
      ...['--brands', 'data/kz/brands.csv', '--version', String(PUBLISHED_VERSION)],
      ...['--out-dir', path.join(work, 'site')],
    ],
    REGISTRY_CLI,
    {
      out: () => undefined,
      err: (line) => errors.push(line),
      env: { QORGAN_SIGNING_KEY: encodePrivateKeyPem(key.pkcs8) },
      cwd: ROOT,
    },
  );
  expect(published, errors.join('\n')).toBe(0);

  const site = await serveStaticSite(path.join(work, 'site'));
  const outDir = path.join(work, 'build');
  await promisify(execFile)('npx', ['wxt', 'build'], {
    cwd: ROOT,
    env: {
      ...process.env,
      QORGAN_OUT_DIR: outDir,
      QORGAN_REGISTRY_URL: `${site.url}/registry.json`,
      QORGAN_TRUSTED_KEYS: key.publicKey,
    },
  });
  const session = await launchChromium(site.port, { extensionDir: path.join(outDir, 'chrome-mv3') });
  try {
    const popup = await PopupPage.open(session.context);
    await expect
      .poll(
        async () => {
          await popup.page.reload();
          return [
            await popup.registryStatus.getAttribute('data-source'),
            await popup.registryStatus.getAttribute('data-version'),
          ];
        },
        { timeout: 30_000 },
      )
      .toEqual(['remote', String(PUBLISHED_VERSION)]);
    expect(site.requests).toContain('/registry.json');
    await popup.lookup('swiftex.io');
    await expect(popup.result).toHaveAttribute('data-verdict', 'warning');
  } finally {
    await session.close();
    await site.close();
    rmSync(work, { recursive: true, force: true });
  }
});
