/**
 * Stops the extension's service worker in Chromium, as the browser does to an idle one, through
 * the DevTools protocol's ServiceWorker domain, and tells whether it runs: the next event the
 * extension listens to (a navigation, a message) has to start it again.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { within } from './deadline';

interface WorkerVersion {
  versionId: string;
  runningStatus: string;
}

export class WorkerControl {
  private readonly status = new Map<string, string>();
  private changed: () => void = () => undefined;

  private constructor(
    private readonly cdp: CDPSession,
    private readonly page: Page,
  ) {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: WorkerVersion[] }) => {
      for (const version of versions) this.status.set(version.versionId, version.runningStatus);
      this.changed();
    });
  }

  /** Watches the workers of `context` from a blank page of its own. */
  static async open(context: BrowserContext): Promise<WorkerControl> {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const control = new WorkerControl(cdp, page);
    // Enabling the domain reports every worker version; wait for that report before any stop.
    const reported = new Promise<void>((resolve) => (control.changed = resolve));
    await cdp.send('ServiceWorker.enable');
    await within('reading the service workers', 10_000, reported);
    control.changed = () => undefined;
    return control;
  }

  /** Whether a worker version is running now. */
  get running(): boolean {
    return [...this.status.values()].includes('running');
  }

  /** Stops every worker and waits until each reports it stopped. */
  async stop(): Promise<void> {
    if (!this.running) throw new Error('no service worker is running to stop');
    const stopped = new Promise<void>((resolve) => {
      this.changed = () => {
        if ([...this.status.values()].every((status) => status === 'stopped')) resolve();
      };
    });
    await this.cdp.send('ServiceWorker.stopAllWorkers');
    await within('stopping the service worker', 10_000, stopped);
    this.changed = () => undefined;
  }

  async close(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
    await this.page.close();
  }
}
