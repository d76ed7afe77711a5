/**
 * The baseline the browser figures are divided by: an MV3 extension with
 * nothing in it, written into a temporary folder for one run. Its worker
 * answers every message with a constant at once. It carries the keyed build's
 * manifest key, so it gets the same extension ID and worker URL, and the same
 * tools (stop the worker, time a message, evaluate on an extension page)
 * drive it exactly as they drive Qorgan.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchBuild } from './support';

/** What the empty worker answers, so a round can check it really came from there. */
export const EMPTY_ANSWER = 'empty-worker';

const WORKER = `chrome.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
  sendResponse(${JSON.stringify(EMPTY_ANSWER)});
});
`;

/**
 * The events Qorgan's worker must listen to from its first tick (an MV3 worker is woken only for
 * events it listened to then), with listeners that do nothing: what the browser charges a worker
 * for them alone. Kept in step with entrypoints/background.ts and background/*.ts.
 */
const QORGAN_LISTENERS = `const nothing = () => undefined;
chrome.storage.onChanged.addListener(nothing);
chrome.webNavigation.onCommitted.addListener(nothing);
chrome.webNavigation.onDOMContentLoaded.addListener(nothing);
chrome.webNavigation.onCompleted.addListener(nothing);
chrome.webNavigation.onHistoryStateUpdated.addListener(nothing);
chrome.webNavigation.onReferenceFragmentUpdated.addListener(nothing);
chrome.webNavigation.onCompleted.addListener(nothing, { url: [{ hostEquals: 'www.google.com' }] });
chrome.tabs.onRemoved.addListener(nothing);
chrome.contextMenus.onClicked.addListener(nothing);
chrome.alarms.onAlarm.addListener(nothing);
chrome.runtime.onInstalled.addListener(nothing);
chrome.runtime.onStartup.addListener(nothing);
`;

/**
 * A worker that answers only after reading one record from IndexedDB, as a worker must that keeps
 * its registry there: the database is opened at the first tick (and created, with a record of the
 * size of one of Qorgan's index shards at 100,000 entries, when the worker first starts after
 * installing), and each message reads the record in one transaction. A missing record is answered
 * as such, so a round can check the read really happened.
 */
const RECORD_BYTES = 5_000;
const READING_WORKER = `const opened = new Promise((resolve, reject) => {
  const open = indexedDB.open('floor', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('records').put('x'.repeat(${RECORD_BYTES}), 1);
  open.onsuccess = () => resolve(open.result);
  open.onerror = () => reject(open.error);
});
chrome.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
  opened.then((db) => {
    const read = db.transaction('records').objectStore('records').get(1);
    read.onsuccess = () =>
      sendResponse(read.result?.length === ${RECORD_BYTES} ? ${JSON.stringify(EMPTY_ANSWER)} : 'missing record');
    read.onerror = () => sendResponse('missing record');
  });
  return true;
});
`;

/** How many events the listening worker listens to. */
export const QORGAN_EVENT_COUNT = QORGAN_LISTENERS.split('.addListener(').length - 1;

/**
 * An MV3 extension written for one run into a temporary folder: named `name`, with the keyed
 * build's manifest key (so it gets Qorgan's extension ID and worker URL) and its host permissions,
 * the `permissions` given, and `files` (`background.js`, its worker, among them). `remove` deletes it.
 */
export function writeRunExtension(
  build: BenchBuild,
  name: string,
  permissions: string[],
  files: Record<string, string>,
): { dir: string; remove(): void } {
  const built = JSON.parse(readFileSync(path.join(build.extensionDir, 'manifest.json'), 'utf8')) as {
    key?: string;
    host_permissions?: string[];
  };
  if (!built.key)
    throw new Error('the keyed build has no manifest key to give an extension written for the run');
  const manifest = {
    manifest_version: 3,
    name,
    version: '1.0.0',
    key: built.key,
    // The same hosts as Qorgan, so what it fetches or injects passes the same checks.
    host_permissions: built.host_permissions ?? [],
    background: { service_worker: 'background.js' },
    ...(permissions.length > 0 ? { permissions } : {}),
  };
  const dir = mkdtempSync(path.join(tmpdir(), 'qorgan-bench-run-'));
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Writes the empty extension next to nothing else and returns its folder; `remove` deletes it.
 * With `listening`, its worker also listens to Qorgan's events, with Qorgan's permissions, and
 * does nothing else: a breakdown of the cold start, not its baseline. With `reading`, it answers
 * only after reading one record from IndexedDB (READING_WORKER). With `carrying` (a worker
 * script's text), it also holds that script inside a function that is never called: the browser
 * loads and parses it at every start, and runs none of it (V8 only pre-parses the functions of a
 * function never called, so this is the least the script's size can cost).
 */
export function writeEmptyExtension(
  build: BenchBuild,
  {
    listening = false,
    reading = false,
    carrying,
  }: { listening?: boolean; reading?: boolean; carrying?: string } = {},
): { dir: string; remove(): void } {
  const worker =
    (reading ? READING_WORKER : WORKER) +
    (listening ? QORGAN_LISTENERS : '') +
    (carrying === undefined ? '' : `function neverCalled() {\n${carrying}\n}\n`);
  return writeRunExtension(
    build,
    'Empty baseline',
    listening ? ['storage', 'alarms', 'webNavigation', 'scripting', 'contextMenus'] : [],
    { 'background.js': worker },
  );
}

/**
 * Fetches `url` and writes the bytes into IndexedDB in one transaction, timed
 * in the page from the fetch call to the transaction's end: what a sync costs
 * before any verification, validation or indexing. The database is opened
 * before the clock starts, as Qorgan's is open before a sync.
 *
 * With `parsing`, it also reads the envelope's JSON and the payload's (base64
 * decoded, then JSON), as any sync must before it can check a single entry,
 * and checks there are entries; it still stores only the fetched bytes. The
 * least a sync that validates what it stores can cost.
 */
export function rawFetchAndStore(url: string, { parsing = false }: { parsing?: boolean } = {}): string {
  const parse = parsing
    ? `const envelope = JSON.parse(new TextDecoder().decode(bytes));
    const payload = JSON.parse(new TextDecoder().decode(Uint8Array.fromBase64(envelope.payload)));
    if (!Array.isArray(payload.entries) || payload.entries.length === 0) throw new Error('the payload has no entries');`
    : '';
  return `(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('raw-' + Math.random().toString(36).slice(2), 1);
      open.onupgradeneeded = () => open.result.createObjectStore('raw');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const started = performance.now();
    const response = await fetch(${JSON.stringify(url)}, { cache: 'no-store' });
    if (!response.ok) throw new Error('the registry answered ' + response.status);
    const bytes = await response.arrayBuffer();
    ${parse}
    await new Promise((resolve, reject) => {
      const tx = db.transaction('raw', 'readwrite');
      tx.objectStore('raw').put(bytes, 'envelope');
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    const ms = performance.now() - started;
    db.close();
    return { ms, bytes: bytes.byteLength };
  })()`;
}
