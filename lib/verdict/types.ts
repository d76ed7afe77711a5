import type { RegistryEntry } from '../registry/types';
import type { HostExemption } from '../url/host-exemption';

/** The verdicts of the contract (§5). */
export type Verdict = 'licensed' | 'blocked' | 'warning' | 'lookalike' | 'unregistered' | 'unknown';

/** Verdicts that show a banner and a warning badge. */
export const WARNING_VERDICTS: ReadonlySet<Verdict> = new Set([
  'blocked',
  'warning',
  'lookalike',
  'unregistered',
]);

/** Why a verdict was reached, for the banner and the popup. */
export type VerdictReason =
  /**
   * `reason`: the entry's own reason (warning, blocked), or `licence-expired` for a licensed entry
   * past its `validUntil`. `licenceEndingSoon`: a licence that ends within the coming days.
   */
  | { kind: 'registry'; entry: RegistryEntry; reason?: string; licenceEndingSoon?: true }
  | { kind: 'policy-allowed'; target: string }
  | { kind: 'policy-blocked'; target: string }
  | { kind: 'lookalike'; brand: string; imitates: string; entry: RegistryEntry | null; technique: string }
  | { kind: 'unregistered'; score: number }
  | { kind: 'none' };

export interface VerdictResult {
  verdict: Verdict;
  /** Normalised host the verdict is about (empty for non-web URLs). */
  host: string;
  reason: VerdictReason;
  /** Set when the host is one that never gets a warning (IP literal, localhost, private or single-label). */
  exemption?: HostExemption;
}

/** What lookalike detection reports for a host that imitates a protected brand. */
export interface LookalikeFinding {
  brand: { brand: string; imitates: string; entry: RegistryEntry | null };
  technique: string;
}
