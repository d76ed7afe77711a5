/** The parts of a policy (or of effective settings) that decide where the registry comes from. */
export interface RegistrySourceSettings {
  registryUrl?: string | null;
  trustedKeys?: readonly string[];
}

/**
 * Whether a policy change means the registry must be fetched again now
 * (docs/enterprise.md promises within 10 seconds): the URL changed, or the set of trusted
 * keys did. Order and repeats of keys do not matter; absent equals empty.
 */
export function policyChangeNeedsSync(
  before: RegistrySourceSettings,
  after: RegistrySourceSettings,
): boolean {
  if ((before.registryUrl ?? null) !== (after.registryUrl ?? null)) return true;
  const keysBefore = new Set(before.trustedKeys ?? []);
  const keysAfter = new Set(after.trustedKeys ?? []);
  return keysBefore.size !== keysAfter.size || [...keysBefore].some((key) => !keysAfter.has(key));
}
