import { getPublicSuffix } from 'tldts-experimental';
import type { HostPattern } from './marked-sites';

const ANY_SUFFIX = '.*';

/**
 * Whether an ASCII, lower-case host matches a table pattern. `name.*` matches
 * `name.` followed by exactly one public suffix (`www.google.co.uk`, not
 * `www.google.evil.com`), read from the Public Suffix List.
 */
export function hostMatches(host: string, pattern: HostPattern): boolean {
  if (!pattern.endsWith(ANY_SUFFIX)) return host === pattern;
  const stem = pattern.slice(0, -1);
  if (!host.startsWith(stem) || host.length === stem.length) return false;
  const suffix = getPublicSuffix(host, { allowPrivateDomains: false });
  return suffix !== null && host.length === stem.length + suffix.length && host.endsWith(suffix);
}

export function hostMatchesAny(host: string, patterns: readonly HostPattern[]): boolean {
  return patterns.some((pattern) => hostMatches(host, pattern));
}
