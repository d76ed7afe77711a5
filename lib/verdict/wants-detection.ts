import { markedSiteOfHost } from '../links/marked-site-for';
import type { VerdictResult } from './types';

/**
 * Whether the unregistered-exchange detector should look at a page: the registry knows nothing
 * of it (no entry, no lookalike, no exemption) and detection is on. Search results and web
 * messengers, which name exchangers by the dozen without being one, are left to the link marks.
 */
export function wantsDetection(result: VerdictResult, detectUnregistered: boolean): boolean {
  return (
    detectUnregistered &&
    result.verdict === 'unknown' &&
    !result.exemption &&
    result.reason.kind === 'none' &&
    markedSiteOfHost(result.host) === null
  );
}
