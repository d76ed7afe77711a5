import { UNREGISTERED_THRESHOLD } from '../detect/unregistered/score-page';
import type { CompactIndex } from '../match/compact-index';
import { splitTarget } from '../match/split-target';
import { matchHost, type IndexMatch, type MatchOptions } from '../match/most-specific-entry';
import type { RegistryEntry } from '../registry/types';
import { parseLookupInput, type LookupInput } from '../url/lookup-input';
import type { PolicyIndex } from './policy-index';
import { entryStandingOn, registryVerdict } from './registry-verdict';
import type { LookalikeFinding, VerdictResult } from './types';

export interface VerdictDeps {
  /** The registry's hot index; null while none is loaded. */
  registry: CompactIndex | null;
  /** The full entry behind an ordinal, when details are loaded; a minimal entry is used otherwise. */
  entryAt?: (ordinal: number) => RegistryEntry | undefined;
  policy?: PolicyIndex | null;
  /** Lookalike detection for a web host that matched no entry. */
  lookalike?: (host: string) => LookalikeFinding | null;
  /** Page-signal score from the unregistered-exchange detector, when it has one for this page. */
  unregisteredScore?: number;
  unregisteredThreshold?: number;
  /** The device's calendar day (YYYY-MM-DD), against which licences' `validUntil` is judged. */
  today?: string;
}

/** The labels of an address literal are no domains: `0.10` is no parent of `192.168.0.10`. */
const ADDRESS_MATCH: MatchOptions = { wholeHostOnly: true };

/** The verdict for a page URL or popup query. Pure; never throws on any input string. */
export function decideVerdict(url: string, deps: VerdictDeps): VerdictResult {
  return decideVerdictFor(parseLookupInput(url), deps);
}

/**
 * The verdict for an already parsed input. Priority: policy extraAllowed >
 * policy extraBlocked > most specific registry entry > lookalike > unregistered
 * > unknown. Exempt hosts (IP literals, localhost, private addresses and names,
 * single labels) never get a warning from the registry or the detectors; only
 * a policy that names them exactly (or a parent name) can block them.
 */
export function decideVerdictFor(input: LookupInput, deps: VerdictDeps): VerdictResult {
  if (input.kind === 'non-web' || input.kind === 'invalid') {
    return { verdict: 'unknown', host: '', reason: { kind: 'none' } };
  }
  const { host, path } = input;
  const exemption = input.kind === 'exempt' ? input.exemption : undefined;

  const policy = deps.policy;
  if (policy) {
    const matchOptions =
      exemption === 'ip-address' || exemption === 'private-address' ? ADDRESS_MATCH : undefined;
    const allowed = matchHost(policy.allowed, host, path, matchOptions);
    if (allowed) {
      const result: VerdictResult = {
        verdict: 'unknown',
        host,
        reason: { kind: 'policy-allowed', target: allowed.target },
      };
      return exemption ? { ...result, exemption } : result;
    }
    const blocked = matchHost(policy.blocked, host, path, matchOptions);
    if (blocked) {
      const result: VerdictResult = {
        verdict: 'blocked',
        host,
        reason: { kind: 'policy-blocked', target: blocked.target },
      };
      return exemption ? { ...result, exemption } : result;
    }
  }
  if (exemption) return { verdict: 'unknown', host, reason: { kind: 'none' }, exemption };

  const match = deps.registry ? matchHost(deps.registry, host, path) : null;
  if (match) {
    const stored = deps.entryAt?.(match.ordinal);
    const entry = stored && isSameTarget(stored.target, match.target) ? stored : minimalEntry(match);
    return registryVerdict(host, match.status, entry, deps.today);
  }

  const lookalike = deps.lookalike?.(host);
  if (lookalike) {
    return {
      verdict: 'lookalike',
      host,
      reason: {
        kind: 'lookalike',
        brand: lookalike.brand.brand,
        imitates: lookalike.brand.imitates,
        entry: lookalike.brand.entry && entryStandingOn(lookalike.brand.entry, deps.today),
        technique: lookalike.technique,
      },
    };
  }

  const score = deps.unregisteredScore;
  if (score !== undefined && score >= (deps.unregisteredThreshold ?? UNREGISTERED_THRESHOLD)) {
    return { verdict: 'unregistered', host, reason: { kind: 'unregistered', score } };
  }
  return { verdict: 'unknown', host, reason: { kind: 'none' } };
}

function minimalEntry(match: IndexMatch): RegistryEntry {
  return { target: match.target, status: match.status };
}

/** Guards against details read from another registry version than the index's. */
function isSameTarget(stored: string, matched: string): boolean {
  if (stored === matched) return true;
  const split = splitTarget(stored);
  return split !== null && split.host + split.path === matched;
}
