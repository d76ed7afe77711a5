import type { VerdictResult } from './types';

/**
 * Whether the unregistered-exchange detector should look at a page: the registry knows nothing
 * of it (no entry, no lookalike, no exemption) and detection is on.
 */
export function wantsDetection(result: VerdictResult, detectUnregistered: boolean): boolean {
  return (
    detectUnregistered && result.verdict === 'unknown' && !result.exemption && result.reason.kind === 'none'
  );
}
