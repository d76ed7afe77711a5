import { MAX_ISSUED_AHEAD_MS } from './limits';
import type { Rejection } from './rejection';
import { reject } from './rejection';
import type { RegistryPayload } from './types';

/**
 * The acceptance rules that depend on what is installed and on the clock
 * (docs/registry-format.md, "Acceptance"): a strictly newer version, not expired, not issued more than
 * an hour ahead. `null` when the payload may replace the installed one.
 */
export function checkFreshness(
  payload: Pick<RegistryPayload, 'version' | 'issuedAt' | 'expiresAt'>,
  installedVersion: number | null,
  now: Date,
): Rejection | null {
  if (installedVersion !== null) {
    if (payload.version < installedVersion) {
      return reject('rollback', `version ${payload.version} is older than the installed ${installedVersion}`);
    }
    if (payload.version === installedVersion) {
      return reject('same-version', `version ${payload.version} is already installed`);
    }
  }
  const clock = now.getTime();
  if (Number.isNaN(clock)) return reject('expired', 'the clock gives no valid time');
  if (Date.parse(payload.expiresAt) <= clock) {
    return reject('expired', `expired at ${payload.expiresAt}`);
  }
  if (Date.parse(payload.issuedAt) > clock + MAX_ISSUED_AHEAD_MS) {
    return reject('issued-in-future', `issued at ${payload.issuedAt}, more than an hour ahead of the clock`);
  }
  return null;
}
