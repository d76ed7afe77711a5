/** Real Chromium with the built extension loaded, every host mapped to the fixture server. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { CHROME_BUILD, chromiumPath, requireBuild } from './browsers';

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

export function chromiumArgs(port: number, extensionDir: string | null): string[] {
  return [
    '--no-sandbox',
    `--host-resolver-rules=MAP * 127.0.0.1:${port}, EXCLUDE localhost`,
    '--ignore-certificate-errors',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--disable-client-side-phishing-detection',
    '--disable-domain-reliability',
    '--disable-default-apps',
    '--disable-component-extensions-with-background-pages',
    '--metrics-recording-only',
    '--no-pings',
    // The browser's own Google services (account list, autofill, time) point at a dead port, so the
    // fixture server's log holds only what pages and the extension asked for.
    '--gaia-url=http://127.0.0.1:9/',
    '--google-apis-url=http://127.0.0.1:9/',
    '--apps-gallery-update-url=http://127.0.0.1:9/',
    '--component-updater=url-source=http://127.0.0.1:9/',
    '--disable-features=DisableLoadExtensionCommandLineSwitch,NetworkTimeServiceQuerying,AutofillServerCommunication,Translate,OptimizationHints,MediaRouter',
    ...(extensionDir
      ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
      : []),
  ];
}

export async function launchChromium(
  port: number,
  options: { extensionDir?: string | null; locale?: string } = {},
): Promise<ChromiumSession> {
  const extensionDir = options.extensionDir === undefined ? CHROME_BUILD : options.extensionDir;
  if (extensionDir) requireBuild(extensionDir);
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'qorgan-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    locale: options.locale ?? 'en-US',
    args: chromiumArgs(port, extensionDir),
  });
  const close = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  if (!extensionDir) return { context, extensionId: '', worker: undefined as never, close };
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker, close };
}
