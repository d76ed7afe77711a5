import type { BlockMode, ManagedPolicy, PolicyKey } from './types';

/** How a policy value is written in the managed-storage schema. */
export type PolicyValueType = 'string' | 'string[]' | 'boolean' | 'integer';

type ValueTypeOf<T> = T extends readonly string[]
  ? 'string[]'
  : T extends string
    ? 'string'
    : T extends boolean
      ? 'boolean'
      : T extends number
        ? 'integer'
        : never;

/**
 * The type of every policy key. The mapped type makes the compiler refuse a
 * key missing here, an extra key, or a type that disagrees with
 * `ManagedPolicy`; a unit test holds `managed_schema.json` to this table.
 */
export const POLICY_VALUE_TYPES: { readonly [K in PolicyKey]-?: ValueTypeOf<NonNullable<ManagedPolicy[K]>> } =
  {
    registryUrl: 'string',
    trustedKeys: 'string[]',
    extraBlocked: 'string[]',
    extraAllowed: 'string[]',
    allowBypass: 'boolean',
    blockMode: 'string',
    detectUnregistered: 'boolean',
    syncIntervalMinutes: 'integer',
  };

export const POLICY_KEYS: readonly PolicyKey[] = Object.freeze(
  Object.keys(POLICY_VALUE_TYPES) as PolicyKey[],
);

export const BLOCK_MODES: readonly BlockMode[] = Object.freeze(['warn', 'block'] as const);

/** The contract's floor: a registry is not fetched more often than this. */
export const MIN_SYNC_INTERVAL_MINUTES = 15;

/**
 * One week. A registry is issued for about two weeks, so a longer interval
 * would let the installed one expire between fetches; a larger value is a
 * mistake (often seconds or hours typed as minutes) and is refused.
 */
export const MAX_SYNC_INTERVAL_MINUTES = 10_080;

/** Label under which a problem with the policy as a whole is reported. */
export const POLICY_ROOT_KEY = '(policy)';
