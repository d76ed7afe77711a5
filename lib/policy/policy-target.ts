import { normaliseTarget, type TargetProblem } from '../registry/normalise-target';
import { shorten } from './describe-value';
import type { PolicyCheck } from './types';

const WHY: Readonly<Record<TargetProblem, string>> = {
  empty: 'is empty',
  'too-long': 'is too long',
  whitespace: 'contains white space',
  'non-ascii': 'contains characters a host cannot have',
  scheme: 'has a scheme; write the host alone, such as example.com or t.me/channel',
  credentials: 'contains a user name',
  port: 'has a port; a target has none',
  'query-or-fragment': 'has a query or fragment; a target has neither',
  'not-lower-case': 'is not in lower case',
  'trailing-dot': 'ends with a dot',
  'single-label': 'is a single name, not a host such as example.com',
  'invalid-host': 'is not a host name',
  'invalid-path': 'has a path a target cannot have',
  'not-normalised': 'is not in the registry form',
};

/**
 * Normalises one `extraBlocked` / `extraAllowed` item into the registry's
 * target form (docs/registry-format.md, "Targets") with the registry's own rules, and says why when
 * it cannot.
 */
export function normalisePolicyTarget(raw: unknown): PolicyCheck<string> {
  if (typeof raw !== 'string') {
    return { ok: false, code: 'wrong-type', reason: 'each target must be a string' };
  }
  const text = raw.trim();
  if (text.startsWith('*.') || text.includes('*')) {
    return invalid(text, 'has a wildcard; a host target already covers every subdomain');
  }
  const result = normaliseTarget(text);
  return result.ok ? { ok: true, value: result.target } : invalid(text, WHY[result.problem]);
}

function invalid(text: string, why: string): PolicyCheck<string> {
  return { ok: false, code: 'invalid-target', reason: text === '' ? why : `"${shorten(text)}" ${why}` };
}
