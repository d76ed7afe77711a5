/**
 * What the browser benchmarks share: one keyed build of the extension per
 * bench run, the fixture server with a registry endpoint that answers
 * conditional requests, Chromium launched into a throwaway profile and driven
 * over the DevTools pipe, and the few moves every module makes on an extension
 * page (send a message, stop the worker).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { decodeBase64, encodeBase64 } from '../../lib/registry/base64';
import type { RegistryStatus } from '../../lib/messaging/protocol';
import { generateSigningKey, importSigningKey, signEnvelope } from '../../lib/registry/sign-envelope';
import type { EntryStatus, RegistryPayload } from '../../lib/registry/types';
import type { VerdictResult } from '../../lib/verdict/types';
import type { BenchRow } from '../types';
import { CHROME_EXTENSION_ID, ROOT, chromiumPath } from '../../test/e2e/support/browsers';
import { chromiumArgs } from '../../test/e2e/support/chromium';
import { FixtureServer } from '../../test/e2e/support/fixture-server';
import { testPayload } from '../../test/e2e/support/registry';
import { syntheticRegistry } from '../node/synthetic-registry';
import { CdpConnection, type CdpEvent } from './cdp';

export const EXTENSION_ID = CHROME_EXTENSION_ID;
const WORKER_URL = `chrome-extension://${EXTENSION_ID}/background.js`;
/** A document of the extension's origin that sends nothing by itself: it can message the worker without waking it. */
const QUIET_EXTENSION_PAGE = `chrome-extension://${EXTENSION_ID}/manifest.json`;

// ---------------------------------------------------------------------------
// The keyed build
// ---------------------------------------------------------------------------

const BUILD_ROOT = path.join(ROOT, '.output/bench');
const BUILD_STAMP = path.join(BUILD_ROOT, 'bench-build.json');

export interface BenchBuild {
  extensionDir: string;
  /** Base64 raw Ed25519 public key built into this copy. */
  publicKey: string;
  /** Signs a payload into the envelope bytes a registry URL serves. */
  sign(payload: RegistryPayload): Promise<Uint8Array>;
}

interface BuildStamp {
  run: string;
  publicKey: string;
  pkcs8: string;
}

/**
 * The bench runner starts every module in its own process; the runner's
 * process (its id and start time) names the run, so the modules of one run
 * share one build and one key, and the next run makes both afresh.
 */
function benchRunId(): string {
  let started = '';
  try {
    const stat = readFileSync(`/proc/${process.ppid}/stat`, 'utf8');
    started = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    // Not Linux: the parent's id alone names the run.
  }
  return `${process.ppid}:${started}`;
}

function readStamp(): BuildStamp | null {
  try {
    return JSON.parse(readFileSync(BUILD_STAMP, 'utf8')) as BuildStamp;
  } catch {
    return null;
  }
}

export async function benchBuild(): Promise<BenchBuild> {
  const extensionDir = path.join(BUILD_ROOT, 'chrome-mv3');
  const run = benchRunId();
  let stamp = readStamp();
  if (!stamp || stamp.run !== run || !existsSync(path.join(extensionDir, 'manifest.json'))) {
    const key = await generateSigningKey();
    const started = performance.now();
    try {
      execFileSync('npx', ['wxt', 'build'], {
        cwd: ROOT,
        stdio: 'pipe',
        encoding: 'utf8',
        env: {
          ...process.env,
          QORGAN_OUT_DIR: BUILD_ROOT,
          QORGAN_TRUSTED_KEYS: key.publicKey,
          QORGAN_REGISTRY_URL: '',
        },
      });
    } catch (error) {
      const output = error as { stdout?: string; stderr?: string };
      throw new Error(`the keyed build failed:\n${output.stdout ?? ''}${output.stderr ?? ''}`, {
        cause: error,
      });
    }
    stamp = { run, publicKey: key.publicKey, pkcs8: encodeBase64(key.pkcs8) };
    writeFileSync(BUILD_STAMP, JSON.stringify(stamp));
    console.log(`  built the keyed extension copy in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const pkcs8 = decodeBase64(stamp.pkcs8);
  if (!pkcs8) throw new Error('the bench build stamp holds an unreadable key');
  const signing = await importSigningKey(pkcs8);
  return {
    extensionDir,
    publicKey: stamp.publicKey,
    sign: (payload) => signEnvelope(new TextEncoder().encode(JSON.stringify(payload)), [signing]),
  };
}

// ---------------------------------------------------------------------------
// Registries and the fixture server
// ---------------------------------------------------------------------------

export interface BenchRegistry {
  payload: RegistryPayload;
  /** A host entry in the middle of the list, whose verdict proves a lookup really hit the registry. */
  known: { target: string; status: EntryStatus };
}

export function benchRegistry(count: number, version: number): BenchRegistry {
  const entries = syntheticRegistry({ count });
  let knownIndex = Math.floor(count / 2);
  while (entries[knownIndex]?.target.includes('/')) knownIndex++;
  const known = entries[knownIndex];
  if (!known) throw new Error('the synthetic registry has no host entry');
  return { payload: testPayload(version, entries), known };
}

/** `/registry.json` on the fixture server: a signed envelope with an ETag, 304 to a matching If-None-Match. */
export class RegistryEndpoint {
  readonly answered = { full: 0, notModified: 0, unavailable: 0 };
  private body: Buffer | null = null;
  private etag = '';

  constructor(readonly url: string) {}

  /** Serves these envelope bytes from now on under a new ETag. */
  serve(bytes: Uint8Array, etag: string): void {
    this.body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.etag = `"${etag}"`;
  }

  /** Answers 503 from now on, so a sync the settings change starts fails without installing anything. */
  withdraw(): void {
    this.body = null;
  }

  handle(ifNoneMatch: string | undefined): {
    status: number;
    headers: Record<string, string>;
    body?: Buffer;
  } {
    if (!this.body) {
      this.answered.unavailable++;
      return { status: 503, headers: { 'retry-after': '60' } };
    }
    // no-store keeps the browser's HTTP cache out of the way: a 304 here answers the extension's own If-None-Match.
    const headers = { etag: this.etag, 'cache-control': 'no-store' };
    if (ifNoneMatch === this.etag) {
      this.answered.notModified++;
      return { status: 304, headers };
    }
    this.answered.full++;
    return {
      status: 200,
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': String(this.body.byteLength),
      },
      body: this.body,
    };
  }
}

export interface BenchServer {
  server: FixtureServer;
  port: number;
  registry: RegistryEndpoint;
  stop(): Promise<void>;
}

export async function startBenchServer(): Promise<BenchServer> {
  const server = new FixtureServer();
  const port = await server.start();
  const registry = new RegistryEndpoint(`http://127.0.0.1:${port}/registry.json`);
  server.route('/registry.json', (req, res) => {
    const header = req.headers['if-none-match'];
    const answer = registry.handle(Array.isArray(header) ? header[0] : header);
    res.writeHead(answer.status, answer.headers).end(answer.body);
  });
  return { server, port, registry, stop: () => server.stop() };
}

// ---------------------------------------------------------------------------
// Chromium over the DevTools pipe
// ---------------------------------------------------------------------------

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** Resolves when the extension's service worker target appears. */
function workerCreated(cdp: CdpConnection, what: string): Promise<CdpEvent> {
  return cdp.waitFor(
    (event) =>
      event.method === 'Target.targetCreated' &&
      (event.params.targetInfo as TargetInfo).type === 'service_worker' &&
      (event.params.targetInfo as TargetInfo).url === WORKER_URL,
    15_000,
    what,
  );
}

export class BenchBrowser {
  private constructor(
    readonly cdp: CdpConnection,
    private readonly process: ChildProcess,
    private readonly profileDir: string,
  ) {}

  /** Chromium, headless, with the fixture host rules and (unless `extensionDir` is null) the extension, in a new profile. */
  static async launch(port: number, extensionDir: string | null): Promise<BenchBrowser> {
    const profileDir = mkdtempSync(path.join(tmpdir(), 'qorgan-bench-'));
    const child = spawn(
      chromiumPath(),
      [
        // http: pages load over http:, as the page asks: an upgrade attempt first adds a TLS round trip,
        // and its time, to every load a benchmark counts.
        ...chromiumArgs(port, extensionDir).map((arg) =>
          arg.startsWith('--disable-features=') ? `${arg},HttpsUpgrades` : arg,
        ),
        // Lets the DevTools pipe install and remove the extension (Extensions.loadUnpacked, .uninstall).
        '--enable-unsafe-extension-debugging',
        '--headless',
        `--user-data-dir=${profileDir}`,
        '--remote-debugging-pipe',
        '--no-default-browser-check',
        '--disable-background-timer-throttling',
        '--disable-renderer-backgrounding',
        '--disable-backgrounding-occluded-windows',
        '--window-size=1280,800',
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
    );
    const cdp = new CdpConnection(child.stdio[3] as Writable, child.stdio[4] as Readable);
    const browser = new BenchBrowser(cdp, child, profileDir);
    try {
      const workerSeen = extensionDir ? workerCreated(cdp, "the extension's service worker") : null;
      await cdp.send('Target.setDiscoverTargets', { discover: true });
      await workerSeen;
    } catch (error) {
      await browser.close();
      throw error;
    }
    return browser;
  }

  /** Installs the unpacked extension at `extensionDir` into the running browser and waits for its worker. */
  async installExtension(extensionDir: string): Promise<void> {
    const workerSeen = workerCreated(this.cdp, "the installed extension's service worker");
    const { id } = await this.cdp.send<{ id: string }>('Extensions.loadUnpacked', { path: extensionDir });
    if (id !== EXTENSION_ID) throw new Error(`the extension installed as ${id}, not ${EXTENSION_ID}`);
    await workerSeen;
  }

  /** Removes the extension, its worker and its data from the running browser. */
  async uninstallExtension(): Promise<void> {
    await this.cdp.send('Extensions.uninstall', { id: EXTENSION_ID });
    const deadline = Date.now() + 10_000;
    while ((await this.serviceWorkerTargets()).length > 0) {
      if (Date.now() > deadline) throw new Error("the extension's worker outlived its uninstall");
      await sleep(20);
    }
  }

  async closePage(page: BenchPage): Promise<void> {
    await this.cdp.send('Target.closeTarget', { targetId: page.targetId });
  }

  async newPage(url = 'about:blank'): Promise<BenchPage> {
    const { targetId } = await this.cdp.send<{ targetId: string }>('Target.createTarget', {
      url: 'about:blank',
    });
    const { sessionId } = await this.cdp.send<{ sessionId: string }>('Target.attachToTarget', {
      targetId,
      flatten: true,
    });
    const page = new BenchPage(this.cdp, targetId, sessionId);
    await page.send('Page.enable');
    if (url !== 'about:blank') await page.navigate(url);
    return page;
  }

  /** A page of the extension's origin that talks to the worker only when told to. */
  async extensionPage(): Promise<ExtensionPage> {
    const page = await this.newPage(QUIET_EXTENSION_PAGE);
    const control = new ExtensionPage(page);
    await control.start();
    return control;
  }

  /** A DevTools session on the extension's running worker (evaluate runs in its global scope). */
  async workerSession(): Promise<BenchPage> {
    const [worker] = await this.serviceWorkerTargets();
    if (worker === undefined) throw new Error("the extension's worker is not running");
    const { sessionId } = await this.cdp.send<{ sessionId: string }>('Target.attachToTarget', {
      targetId: worker.targetId,
      flatten: true,
    });
    return new BenchPage(this.cdp, worker.targetId, sessionId);
  }

  async serviceWorkerTargets(): Promise<TargetInfo[]> {
    const { targetInfos } = await this.cdp.send<{ targetInfos: TargetInfo[] }>('Target.getTargets');
    return targetInfos.filter((target) => target.type === 'service_worker' && target.url === WORKER_URL);
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null || this.process.signalCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    await Promise.race([this.cdp.send('Browser.close').catch(() => undefined), exited]);
    const killTimer = setTimeout(() => this.process.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killTimer);
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}

export class BenchPage {
  constructor(
    readonly cdp: CdpConnection,
    readonly targetId: string,
    readonly sessionId: string,
  ) {}

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    return this.cdp.send<T>(method, params, this.sessionId);
  }

  waitFor(
    method: string,
    timeoutMs: number,
    match: (event: CdpEvent) => boolean = () => true,
  ): Promise<CdpEvent> {
    return this.cdp.waitFor(
      (event) => event.sessionId === this.sessionId && event.method === method && match(event),
      timeoutMs,
      method,
    );
  }

  /** Evaluates an expression in the page's main world, awaiting a promise, and returns the value. */
  async evaluate<T>(expression: string): Promise<T> {
    const answer = await this.send<{
      result: { value?: unknown };
      exceptionDetails?: { exception?: { description?: string }; text: string };
    }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (answer.exceptionDetails) {
      const detail = answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text;
      throw new Error(`page evaluation failed: ${detail}`);
    }
    return answer.result.value as T;
  }

  /** Navigates and waits for the load event. */
  async navigate(url: string, timeoutMs = 15_000): Promise<void> {
    const loaded = this.waitFor('Page.loadEventFired', timeoutMs);
    const { errorText } = await this.send<{ errorText?: string }>('Page.navigate', { url });
    if (errorText) {
      loaded.catch(() => undefined);
      throw new Error(`navigation to ${url} failed: ${errorText}`);
    }
    await loaded;
  }
}

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

/** An extension page that messages the worker, and stops it through the DevTools ServiceWorker domain. */
export class ExtensionPage {
  private workerStatus: RunningStatus | 'unknown' = 'unknown';

  constructor(readonly page: BenchPage) {}

  async start(): Promise<void> {
    this.page.cdp.on((event) => {
      if (event.sessionId !== this.page.sessionId || event.method !== 'ServiceWorker.workerVersionUpdated')
        return;
      const versions = event.params.versions as { scriptURL: string; runningStatus: RunningStatus }[];
      for (const version of versions)
        if (version.scriptURL === WORKER_URL) this.workerStatus = version.runningStatus;
    });
    await this.page.send('ServiceWorker.enable');
  }

  /** Sends one protocol message and times it in the page, from the call to the answer. */
  async timedMessage<T>(message: {
    type: string;
    data: Record<string, unknown>;
  }): Promise<{ ms: number; response: T }> {
    return this.page.evaluate(`(async () => {
      const started = performance.now();
      const response = await chrome.runtime.sendMessage(${JSON.stringify(message)});
      return { ms: performance.now() - started, response };
    })()`);
  }

  async status(): Promise<RegistryStatus> {
    return (await this.timedMessage<RegistryStatus>({ type: 'registry/status', data: {} })).response;
  }

  async lookup(query: string): Promise<{ ms: number; result: VerdictResult | null }> {
    const { ms, response } = await this.timedMessage<{ result: VerdictResult | null }>({
      type: 'lookup',
      data: { query },
    });
    return { ms, result: response.result };
  }

  /** Sets the user's registry URL, as the options page does; the background re-reads its settings and syncs. */
  async setRegistryUrl(url: string): Promise<void> {
    await this.page.evaluate(
      `chrome.storage.local.set({ settings: { registryUrl: ${JSON.stringify(url)} } })`,
    );
  }

  /** Polls the registry status until `done` accepts it. */
  async waitForStatus(
    done: (status: RegistryStatus) => boolean,
    what: string,
    timeoutMs = 60_000,
  ): Promise<RegistryStatus> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = await this.status();
      if (done(status)) return status;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(status)}`);
      await sleep(50);
    }
  }

  /**
   * Stops the extension's service worker and makes sure it is stopped: the
   * DevTools ServiceWorker domain reports it stopped and no worker target is left.
   */
  async stopWorker(browser: BenchBrowser): Promise<void> {
    await this.page.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + 10_000;
    while (this.workerStatus !== 'stopped' || (await browser.serviceWorkerTargets()).length > 0) {
      if (Date.now() > deadline)
        throw new Error(`the extension's worker did not stop (status ${this.workerStatus})`);
      await sleep(10);
    }
  }

  get workerRunningStatus(): string {
    return this.workerStatus;
  }
}

// ---------------------------------------------------------------------------
// Small things
// ---------------------------------------------------------------------------

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `work` with a fresh fixture server and stops it whatever happens. */
export async function withServer<T>(work: (server: BenchServer) => Promise<T>): Promise<T> {
  const server = await startBenchServer();
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

/** Runs `work` with a browser and closes it (and deletes its profile) whatever happens. */
export async function withBrowser<T>(
  port: number,
  extensionDir: string | null,
  work: (browser: BenchBrowser) => Promise<T>,
): Promise<T> {
  const browser = await BenchBrowser.launch(port, extensionDir);
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}

export function formatCount(count: number): string {
  return count >= 1_000_000 ? `${count / 1_000_000}M` : `${count / 1000}k`;
}

/**
 * Adds the machine's load to every row's note: browser figures are wall-clock
 * times, and other work on the same cores stretches them.
 */
export async function withMachineLoad(work: () => Promise<BenchRow[]>): Promise<BenchRow[]> {
  const before = loadavg()[0] ?? 0;
  const rows = await work();
  const after = loadavg()[0] ?? 0;
  const load = `load average ${before.toFixed(1)} -> ${after.toFixed(1)} on ${cpus().length} cores`;
  return rows.map((row) => ({ ...row, note: row.note ? `${row.note}; ${load}` : load }));
}
