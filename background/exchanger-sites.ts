/**
 * Site memory for the unregistered-exchange detector: once a page of a site is judged an exchanger
 * from its own words (the score is `memorable`: nothing echoed from its address, no user's ad), the
 * site's other pages get the verdict for 30 days — an exchanger's rules and FAQ pages carry no
 * form. Kept on this device only (storage.local). The user's Dismiss on the banner clears it.
 */
import { browser } from 'wxt/browser';
import { UNREGISTERED_THRESHOLD, type PageScore } from '../lib/detect/unregistered';
import { siteOfHost } from '../lib/url/site-of-host';

const KEY = 'exchangerSites';
export const EXCHANGER_SITE_DAYS = 30;
/** Bounds what a flood of exchanger pages can make the memory hold. */
const MAX_SITES = 2_000;

type SiteMap = Record<string, { until: string; score: number }>;

async function read(): Promise<SiteMap> {
  const stored = await browser.storage.local.get(KEY).catch(() => ({}) as Record<string, unknown>);
  const value = stored[KEY];
  return typeof value === 'object' && value !== null ? (value as SiteMap) : {};
}

function live(map: SiteMap, now: Date): [string, { until: string; score: number }][] {
  return Object.entries(map).filter(([, v]) => Date.parse(v.until) > now.getTime());
}

/** Remembers the page's site when its score is memorable and reaches the threshold; true when it did. */
export async function noteDetectorScore(host: string, result: PageScore, now: Date): Promise<boolean> {
  if (host === '' || result.memorable !== true || result.score < UNREGISTERED_THRESHOLD) return false;
  const kept = live(await read(), now).slice(-(MAX_SITES - 1));
  const until = new Date(now.getTime() + EXCHANGER_SITE_DAYS * 86_400_000).toISOString();
  await browser.storage.local.set({
    [KEY]: { ...Object.fromEntries(kept), [siteOfHost(host)]: { until, score: result.score } },
  });
  return true;
}

/** The remembered detector score of the host's site, while it lasts. */
export async function exchangerSiteScore(host: string, now: Date): Promise<number | undefined> {
  if (host === '') return undefined;
  const known = (await read())[siteOfHost(host)];
  return known !== undefined && Date.parse(known.until) > now.getTime() ? known.score : undefined;
}

/** The user's undo: the site is no longer remembered. */
export async function forgetExchangerSite(host: string): Promise<void> {
  const map = await read();
  if (!(siteOfHost(host) in map) && !(host in map)) return;
  delete map[siteOfHost(host)];
  delete map[host];
  await browser.storage.local.set({ [KEY]: map });
}
