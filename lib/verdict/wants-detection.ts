import type { VerdictResult } from './types';

/**
 * Whether the unregistered-exchange detector should look at a page: the registry knows nothing
 * of it (no entry, no lookalike, no exemption) and detection is on. Search results and web
 * messengers (`isMarkedSite`: a site of the link marks' table, lib/links/marked-sites.ts), which
 * name exchangers by the dozen without being one, are left to the link marks. The caller looks
 * the table up: that needs the Public Suffix List, which the page's own code must not carry.
 */
export function wantsDetection(
  result: VerdictResult,
  detectUnregistered: boolean,
  isMarkedSite: (host: string) => boolean,
): boolean {
  return (
    detectUnregistered &&
    result.verdict === 'unknown' &&
    !result.exemption &&
    result.reason.kind === 'none' &&
    !isMarkedSite(result.host)
  );
}
