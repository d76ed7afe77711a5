import type { HostPattern } from './marked-sites';

/** Whether a link's host is a wrapper host of the table (`host-pattern.ts` has the full test). */
export type WrapperHostTest = (host: string, pattern: HostPattern) => boolean;

/**
 * The wrapper test of content code on one page of the table: a `name.*` pattern matches only the
 * page's own host, which the background has checked against the Public Suffix List before it
 * injected the code. This keeps that list (a tenth of a megabyte) out of every results page.
 */
export function onPageHost(pageHost: string): WrapperHostTest {
  return (host, pattern) =>
    pattern.endsWith('.*') ? host === pageHost && host.startsWith(pattern.slice(0, -1)) : host === pattern;
}
