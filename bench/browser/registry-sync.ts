/**
 * Full registry sync in real Chromium: fetch from loopback, verify the
 * signature, validate, store in IndexedDB and index, timed from an extension
 * page's `registry/sync-now` to its answer; then the 304 round that follows
 * when the registry has not changed.
 *
 * Each full sync runs in a fresh profile. The registry URL is set first while
 * the endpoint answers 503, so the sync the settings change starts fails and
 * installs nothing; then the endpoint serves the signed envelope and the timed
 * `sync-now` does the whole work. The answer must report the new version from
 * the remote source with every entry, and a lookup of a known entry must give
 * its status, or the run fails.
 *
 * What fetching and storing the bytes costs depends on the machine, so the
 * full sync's figure is a ratio: after each fresh-profile sync, a fresh
 * browser with an empty extension (bench/browser/empty-extension.ts) fetches
 * the same envelope from the same endpoint on an extension page and writes
 * the bytes into IndexedDB in one transaction, with no verification at all.
 */
import type { RegistryStatus } from '../../lib/messaging/protocol';
import { median, percentile } from '../measure';
import type { BenchRow } from '../types';
import { rawFetchAndStore, writeEmptyExtension } from './empty-extension';
import {
  benchBuild,
  benchRegistry,
  EXTENSION_ID,
  formatCount,
  withBrowser,
  withServer,
  type BenchBuild,
  type BenchRegistry,
  type BenchServer,
  type ExtensionPage,
  withMachineLoad,
} from './support';

const FULL_RUNS = 3;
const NOT_MODIFIED_ROUNDS = 15;
const SYNC_NOW = { type: 'registry/sync-now', data: {} } as const;

interface SyncFigures {
  fullMs: number;
  notModifiedMs: number[];
  envelopeBytes: number;
}

function assertInstalled(status: RegistryStatus, registry: BenchRegistry, what: string): void {
  const { version, entries } = registry.payload;
  if (status.origin !== 'remote' || status.version !== version || status.entryCount !== entries.length) {
    throw new Error(
      `${what}: expected remote version ${version} with ${entries.length} entries, got ${status.origin} ` +
        `version ${status.version} with ${status.entryCount} (last error ${JSON.stringify(status.lastError)})`,
    );
  }
  if (status.lastError) throw new Error(`${what}: the sync reported ${JSON.stringify(status.lastError)}`);
}

/** The popup's registry status element, as a person (or the contract's tests) would read it. */
async function popupShowsRemote(ext: ExtensionPage, version: number): Promise<void> {
  const popup = ext.page;
  await popup.navigate(`chrome-extension://${EXTENSION_ID}/popup.html`);
  const shown = await popup.evaluate<{
    source: string | null;
    version: string | null;
  }>(`new Promise((resolve) => {
    const read = () => {
      const element = document.querySelector('[data-testid="registry-status"][data-source]');
      if (element) resolve({ source: element.getAttribute('data-source'), version: element.getAttribute('data-version') });
      else setTimeout(read, 20);
    };
    read();
  })`);
  if (shown.source !== 'remote' || shown.version !== String(version)) {
    throw new Error(`the popup shows ${JSON.stringify(shown)}, expected remote version ${version}`);
  }
}

async function syncIntoFreshProfile(
  build: BenchBuild,
  server: BenchServer,
  registry: BenchRegistry,
  envelope: Uint8Array,
  options: { notModifiedRounds: number; checkPopup: boolean },
): Promise<SyncFigures> {
  const endpoint = server.registry;
  return withBrowser(server.port, build.extensionDir, async (browser) => {
    const ext = await browser.extensionPage();
    await ext.waitForStatus((status) => status.entryCount > 0, 'the bundled registry');
    endpoint.withdraw();
    await ext.setRegistryUrl(endpoint.url);
    await ext.waitForStatus(
      (status) => status.registryUrl === endpoint.url && status.lastError !== null,
      'the first attempt (answered 503) to fail',
    );
    endpoint.serve(envelope, `v${registry.payload.version}`);
    const fullBefore = endpoint.answered.full;

    const full = await ext.timedMessage<RegistryStatus>(SYNC_NOW);
    assertInstalled(full.response, registry, 'full sync');
    if (endpoint.answered.full !== fullBefore + 1)
      throw new Error('the full sync did not fetch the envelope once');
    const { result } = await ext.lookup(registry.known.target);
    if (result?.verdict !== registry.known.status) {
      throw new Error(
        `lookup of ${registry.known.target}: ${result?.verdict}, expected ${registry.known.status}`,
      );
    }

    const notModifiedMs: number[] = [];
    for (let round = 0; round < options.notModifiedRounds; round++) {
      const before = endpoint.answered.notModified;
      const again = await ext.timedMessage<RegistryStatus>(SYNC_NOW);
      assertInstalled(again.response, registry, '304 round');
      if (endpoint.answered.notModified !== before + 1)
        throw new Error('the second sync was not answered with 304');
      notModifiedMs.push(again.ms);
    }
    if (options.checkPopup) await popupShowsRemote(ext, registry.payload.version);
    return { fullMs: full.ms, notModifiedMs, envelopeBytes: envelope.byteLength };
  });
}

/**
 * Fetch and store without verification, in a fresh browser with the empty extension; with
 * `parsing`, the envelope and payload are also parsed, and nothing more (rawFetchAndStore).
 */
async function rawFetchAndStoreInFreshProfile(
  server: BenchServer,
  emptyDir: string,
  envelope: Uint8Array,
  parsing = false,
): Promise<number> {
  return withBrowser(server.port, emptyDir, async (browser) => {
    const ext = await browser.extensionPage();
    const fullBefore = server.registry.answered.full;
    const { ms, bytes } = await ext.page.evaluate<{ ms: number; bytes: number }>(
      rawFetchAndStore(server.registry.url, { parsing }),
    );
    if (bytes !== envelope.byteLength || server.registry.answered.full !== fullBefore + 1) {
      throw new Error(
        `the raw fetch got ${bytes} bytes, expected the ${envelope.byteLength}-byte envelope once`,
      );
    }
    return ms;
  });
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MiB`;
}

export function run(): Promise<BenchRow[]> {
  return withMachineLoad(measure);
}

async function measure(): Promise<BenchRow[]> {
  const build = await benchBuild();
  const empty = writeEmptyExtension(build);
  try {
    return await measureWith(build, empty.dir);
  } finally {
    empty.remove();
  }
}

async function measureWith(build: BenchBuild, emptyDir: string): Promise<BenchRow[]> {
  return withServer(async (server) => {
    const rows: BenchRow[] = [];

    const small = benchRegistry(100_000, 1000);
    const smallEnvelope = await build.sign(small.payload);
    const runs: SyncFigures[] = [];
    const rawTimes: number[] = [];
    const parsedTimes: number[] = [];
    for (let i = 0; i < FULL_RUNS; i++) {
      runs.push(
        await syncIntoFreshProfile(build, server, small, smallEnvelope, {
          notModifiedRounds: i === 0 ? NOT_MODIFIED_ROUNDS : 0,
          checkPopup: i === 0,
        }),
      );
      rawTimes.push(await rawFetchAndStoreInFreshProfile(server, emptyDir, smallEnvelope));
      parsedTimes.push(await rawFetchAndStoreInFreshProfile(server, emptyDir, smallEnvelope, true));
    }
    const fullTimes = runs.map((figures) => figures.fullMs);
    const notModified = runs[0]?.notModifiedMs ?? [];
    rows.push(
      {
        metric: 'sync.full-100k.median',
        label: `full sync, 100k entries, vs fetch and store alone (median of ${FULL_RUNS} fresh profiles)`,
        value: median(fullTimes),
        unit: 'ms',
        peer: { name: 'raw fetch and store', value: median(rawTimes) },
        target: { op: '<=', value: 2, on: 'ratio' },
        note:
          `runs ${fullTimes.map((ms) => ms.toFixed(0)).join(', ')} ms; envelope ${megabytes(smallEnvelope.byteLength)}; ` +
          `fetch from loopback, verify, validate, store, index; the same bytes fetched and put into IndexedDB ` +
          `in one transaction, unverified, in a fresh profile: ${rawTimes.map((ms) => ms.toFixed(0)).join(', ')} ms; ` +
          'the absolute target was 1 s',
      },
      {
        metric: 'sync.parse-floor-100k.median',
        label: `  of which: fetch, parse the envelope and payload, store the bytes (median of ${FULL_RUNS} fresh profiles)`,
        value: median(parsedTimes),
        unit: 'ms',
        peer: { name: 'raw fetch and store', value: median(rawTimes) },
        note:
          `breakdown, no target: the least a sync that checks what it stores must do before checking an entry ` +
          `(no signature, no validation, no index, the entries not stored one by one): ${parsedTimes.map((ms) => ms.toFixed(0)).join(', ')} ms`,
      },
      {
        metric: 'sync.not-modified-100k.median',
        label: `304 round, 100k entries (median of ${notModified.length})`,
        value: median(notModified),
        unit: 'ms',
        note: `breakdown, no target (formerly 20 ms absolute); p95 ${percentile(Float64Array.from(notModified).sort(), 0.95).toFixed(1)} ms; If-None-Match answered 304`,
      },
    );

    const large = benchRegistry(1_000_000, 2000);
    const largeEnvelope = await build.sign(large.payload);
    const figures = await syncIntoFreshProfile(build, server, large, largeEnvelope, {
      notModifiedRounds: 5,
      checkPopup: false,
    });
    rows.push(
      {
        metric: 'sync.full-1m',
        label: `full sync, ${formatCount(1_000_000)} entries (one fresh profile)`,
        value: figures.fullMs,
        unit: 'ms',
        note: `envelope ${megabytes(largeEnvelope.byteLength)}; reported, no target`,
      },
      {
        metric: 'sync.not-modified-1m.median',
        label: '304 round, 1M entries (median of 5)',
        value: median(figures.notModifiedMs),
        unit: 'ms',
        note: 'reported, no target',
      },
    );
    return rows;
  });
}
