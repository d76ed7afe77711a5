import { hostMatchesAny } from './host-pattern';
import { MARKED_SITES, type MarkedSite } from './marked-sites';

/** The table's site a page's address is on, or null; never throws. */
export function markedSiteFor(url: string, sites: readonly MarkedSite[] = MARKED_SITES): MarkedSite | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  return markedSiteOfHost(parsed.hostname.replace(/\.+$/, ''), sites);
}

/** The table's site of an ASCII, lower-case host, or null. */
export function markedSiteOfHost(
  host: string,
  sites: readonly MarkedSite[] = MARKED_SITES,
): MarkedSite | null {
  return sites.find((site) => hostMatchesAny(host, site.hosts)) ?? null;
}

/** A `webNavigation` URL filter: the browser's own test, before the table's exact one. */
export type NavigationUrlFilter = { hostEquals: string } | { hostPrefix: string };

/**
 * The navigation filters of the table's sites. A `name.*` pattern becomes a host prefix
 * (`www.google.`), wider than the pattern: the background checks with markedSiteFor after it.
 */
export function navigationFilters(sites: readonly MarkedSite[] = MARKED_SITES): NavigationUrlFilter[] {
  const filters = new Map<string, NavigationUrlFilter>();
  for (const pattern of sites.flatMap((site) => site.hosts)) {
    const filter: NavigationUrlFilter = pattern.endsWith('.*')
      ? { hostPrefix: pattern.slice(0, -1) }
      : { hostEquals: pattern };
    filters.set(JSON.stringify(filter), filter);
  }
  return [...filters.values()];
}
