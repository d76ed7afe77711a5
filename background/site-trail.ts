/**
 * Each tab's trail of sites (lib/navigation/site-trail.ts), kept in the
 * browser's session storage: in memory, never on disk, never readable by
 * content code, and still there when the service worker has been stopped
 * between a page's load and the user's click on "Go back".
 */
import { browser } from 'wxt/browser';
import {
  recordFramedSite,
  recordPage,
  siteOfUrl,
  wayOut,
  type TrailStep,
} from '../lib/navigation/site-trail';
import { blockedTarget } from './block-page';

const key = (tabId: number) => `trail:${tabId}`;

/** One update at a time per tab, so a commit and a frame's finding cannot overwrite each other. */
const queues = new Map<number, Promise<unknown>>();

function update(tabId: number, change: (trail: TrailStep[]) => TrailStep[]): Promise<void> {
  const next = (queues.get(tabId) ?? Promise.resolve()).then(async () => {
    const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)];
    const trail = Array.isArray(stored) ? (stored as TrailStep[]) : [];
    await browser.storage.session.set({ [key(tabId)]: change(trail) });
  });
  const settled = next.catch(() => undefined);
  queues.set(tabId, settled);
  void settled.then(() => {
    if (queues.get(tabId) === settled) queues.delete(tabId);
  });
  return next;
}

/**
 * A top-level document committed. The block page stands for the site it blocks; a blob: or
 * about: document for the site of its origin (`judged`); other documents are not steps.
 */
export async function recordCommit(tabId: number, url: string, judged: string | null): Promise<void> {
  const address = blockedTarget(url) ?? judged;
  const site = address === null ? null : siteOfUrl(address);
  if (site === null || address === null) return;
  // The block page is itself a page to return to; a blob: or about: document is not, its origin is.
  const step = blockedTarget(url) !== null || siteOfUrl(url) !== null ? url : address;
  await update(tabId, (trail) => recordPage(trail, step, site));
}

/** The tab's page shows `url` in a frame, with a warning. */
export async function recordFramed(tabId: number, url: string): Promise<void> {
  const site = siteOfUrl(url);
  if (site !== null) await update(tabId, (trail) => recordFramedSite(trail, site));
}

export async function wayOutOf(tabId: number): Promise<string | null> {
  await queues.get(tabId);
  const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)];
  return Array.isArray(stored) ? wayOut(stored as TrailStep[]) : null;
}

export async function forgetTrail(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
