/**
 * Sites whose warning the user dismissed, each for 24 hours, kept on this
 * device only. A dismissal covers the whole site (its registrable domain).
 */
import { browser } from 'wxt/browser';
import { siteOfHost } from '../lib/url/site-of-host';

const KEY = 'dismissed';
export const DISMISS_HOURS = 24;

type DismissMap = Record<string, string>;

async function read(): Promise<DismissMap> {
  const stored = await browser.storage.local.get(KEY).catch(() => ({}) as Record<string, unknown>);
  const value = stored[KEY];
  return typeof value === 'object' && value !== null ? (value as DismissMap) : {};
}

/** Sites let through until the browser closes (the warning page's Continue), in session storage. */
const SESSION_KEY = 'dismissedForSession';

async function readSession(): Promise<string[]> {
  const stored = await browser.storage.session.get(SESSION_KEY).catch(() => ({}) as Record<string, unknown>);
  const value = stored[SESSION_KEY];
  return Array.isArray(value) ? value.filter((site): site is string => typeof site === 'string') : [];
}

export async function isDismissed(host: string, now: Date): Promise<boolean> {
  if (host === '') return false;
  const site = siteOfHost(host);
  const until = (await read())[site];
  if (until !== undefined && Date.parse(until) > now.getTime()) return true;
  return (await readSession()).includes(site);
}

export async function dismissForSession(host: string): Promise<void> {
  const sites = await readSession();
  const site = siteOfHost(host);
  if (!sites.includes(site)) await browser.storage.session.set({ [SESSION_KEY]: [...sites, site] });
}

export async function dismiss(host: string, now: Date): Promise<void> {
  const map = await read();
  map[siteOfHost(host)] = new Date(now.getTime() + DISMISS_HOURS * 3_600_000).toISOString();
  await browser.storage.local.set({ [KEY]: prune(map, now) });
}

export async function undismiss(host: string): Promise<void> {
  const map = await read();
  delete map[host];
  delete map[siteOfHost(host)];
  await browser.storage.local.set({ [KEY]: map });
}

export async function listDismissed(now: Date): Promise<{ host: string; until: string }[]> {
  return Object.entries(prune(await read(), now)).map(([host, until]) => ({ host, until }));
}

function prune(map: DismissMap, now: Date): DismissMap {
  return Object.fromEntries(Object.entries(map).filter(([, until]) => Date.parse(until) > now.getTime()));
}
