import type { VerdictResult } from '../../lib/verdict/types';

/** The data attributes that tests and tools read beside `data-verdict` (banner host, lookup result). */
export interface VerdictSignals {
  /** The entry's reason, or `licence-expired` for a licence past its end. */
  'data-reason'?: string;
  /** Lookalike: the target of the entry or brand site imitated. */
  'data-imitates'?: string;
}

export function verdictSignals(result: VerdictResult): VerdictSignals {
  const { reason } = result;
  if (reason.kind === 'registry' && reason.reason) return { 'data-reason': reason.reason };
  if (reason.kind === 'lookalike') return { 'data-imitates': reason.imitates };
  return {};
}
