import { buildIndex } from '../match/build-index';
import type { CompactIndex } from '../match/compact-index';
import { normaliseTarget } from '../url/normalise-target';

/** The organisation's `extraAllowed` and `extraBlocked` lists, indexed like the registry. */
export interface PolicyIndex {
  allowed: CompactIndex;
  blocked: CompactIndex;
  /** Policy values that are no target (no host could be read), for the options page. */
  ignored: string[];
}

export interface PolicyTargets {
  extraAllowed?: readonly string[];
  extraBlocked?: readonly string[];
}

export function buildPolicyIndex(policy: PolicyTargets): PolicyIndex {
  const ignored: string[] = [];
  const indexList = (values: readonly string[] = []): CompactIndex => {
    const entries: { target: string; status: 'blocked' }[] = [];
    for (const value of values) {
      const target = normaliseTarget(value);
      if (target === null) ignored.push(value);
      else entries.push({ target, status: 'blocked' });
    }
    return buildIndex(entries);
  };
  return { allowed: indexList(policy.extraAllowed), blocked: indexList(policy.extraBlocked), ignored };
}
