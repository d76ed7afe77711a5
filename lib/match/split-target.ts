import { trimTrailingSlashes } from '../url/normalise-target';

export interface SplitTarget {
  host: string;
  /** Path prefix starting with `/`, without trailing slashes; empty for a host target. */
  path: string;
}

/**
 * Splits a registry target (`binance.com/en-kz`) into host and path prefix.
 * Targets arrive validated against the contract's form; this only folds case,
 * a trailing dot and trailing slashes, which cost nothing to forgive.
 */
export function splitTarget(target: string): SplitTarget | null {
  const lower = target.toLowerCase();
  const slash = lower.indexOf('/');
  let host = slash < 0 ? lower : lower.slice(0, slash);
  while (host.endsWith('.')) host = host.slice(0, -1);
  if (host === '') return null;
  const path = slash < 0 ? '' : trimTrailingSlashes(lower.slice(slash));
  return { host, path };
}
