import { getDomain } from 'tldts-experimental';

/**
 * The site a host belongs to, for "dismiss for this site": its registrable
 * domain, private suffixes included (two `github.io` pages are two sites).
 * Hosts without one (IP literals, single labels) stand for themselves.
 */
export function siteOfHost(host: string): string {
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}
