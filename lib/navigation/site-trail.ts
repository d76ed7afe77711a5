/**
 * The sites a tab went through, for "Go back", which must leave the site and
 * not just step back one history entry: a site can push entries of its own
 * (`history.pushState`) so that one step back stays on it. Consecutive pages
 * of one site are one step of the trail; a step also remembers the sites its
 * page showed in a frame with a warning, so that leaving never lands on them.
 */
import { siteOfHost } from '../url/site-of-host';

export interface TrailStep {
  /** The last address of the step (the page to return to). */
  url: string;
  site: string;
  /** Sites this page framed whose verdict needed a banner or the block page. */
  shows: string[];
}

/** Enough to leave any chain of redirects and wrappers; a longer trail is cut from its start. */
export const TRAIL_STEPS = 20;

/** The site of a web address, or null. */
export function siteOfUrl(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? siteOfHost(hostname) : null;
  } catch {
    return null;
  }
}

/** A page committed in the tab; `url` is its address to return to, `site` the site it stands for. */
export function recordPage(trail: readonly TrailStep[], url: string, site: string): TrailStep[] {
  const last = trail.at(-1);
  if (last?.site === site) return [...trail.slice(0, -1), { ...last, url }];
  return [...trail, { url, site, shows: [] }].slice(-TRAIL_STEPS);
}

/** The current page shows `site` in a frame, with a warning. */
export function recordFramedSite(trail: readonly TrailStep[], site: string): TrailStep[] {
  const last = trail.at(-1);
  if (last === undefined || last.site === site || last.shows.includes(site)) return [...trail];
  return [...trail.slice(0, -1), { ...last, shows: [...last.shows, site] }];
}

/**
 * Where "Go back" leads: the last page of a site other than the current page's, and other than
 * any site the current page showed; null when the trail has none (then an extension page).
 */
export function wayOut(trail: readonly TrailStep[]): string | null {
  const current = trail.at(-1);
  if (current === undefined) return null;
  const avoid = new Set([current.site, ...current.shows]);
  for (let i = trail.length - 2; i >= 0; i--) {
    const step = trail[i];
    if (step && !avoid.has(step.site) && !step.shows.some((site) => avoid.has(site))) return step.url;
  }
  return null;
}
