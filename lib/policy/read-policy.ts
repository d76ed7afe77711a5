/**
 * The one reader of the organisation's managed policy (docs/enterprise.md). It takes
 * whatever the browser handed over and keeps every value that is well formed;
 * each one that is not is dropped with a reason, and never stops the rest.
 */
import { describeItem, describeType, shorten } from './describe-value';
import { normalisePolicyTarget } from './policy-target';
import {
  BLOCK_MODES,
  MAX_SYNC_INTERVAL_MINUTES,
  MIN_SYNC_INTERVAL_MINUTES,
  POLICY_KEYS,
  POLICY_ROOT_KEY,
} from './policy-keys';
import { checkRegistryUrl } from './registry-url';
import { checkTrustedKey } from './trusted-key';
import type {
  BlockMode,
  ManagedPolicy,
  PolicyCheck,
  PolicyKey,
  PolicyProblem,
  PolicyProblemCode,
} from './types';

export { DEFAULT_SETTINGS } from './default-settings';
export { mergeSettings } from './merge-settings';
export { policyChangeNeedsSync } from './policy-change';
export { MAX_SYNC_INTERVAL_MINUTES, MIN_SYNC_INTERVAL_MINUTES } from './policy-keys';

export interface ParsedPolicy {
  policy: ManagedPolicy;
  problems: PolicyProblem[];
}

/** Beyond this many bad items in one list, the rest are counted in one problem. */
const MAX_ITEM_PROBLEMS_PER_KEY = 20;

type KeyReader<K extends PolicyKey> = (value: unknown, key: K) => ReadResult<NonNullable<ManagedPolicy[K]>>;

interface ReadResult<T> {
  value?: T;
  problems: PolicyProblem[];
}

const READERS: { readonly [K in PolicyKey]: KeyReader<K> } = {
  registryUrl: (value, key) => single(key, checkRegistryUrl(value)),
  trustedKeys: (value, key) => readList(key, value, checkTrustedKey),
  extraBlocked: (value, key) => readList(key, value, normalisePolicyTarget),
  extraAllowed: (value, key) => readList(key, value, normalisePolicyTarget),
  allowBypass: (value, key) => single(key, checkBoolean(value)),
  blockMode: (value, key) => single(key, checkBlockMode(value)),
  detectUnregistered: (value, key) => single(key, checkBoolean(value)),
  syncIntervalMinutes: (value, key) => single(key, checkSyncInterval(value)),
};

/**
 * Validates a managed policy as read from `storage.managed`. `undefined` and
 * `null` mean "no policy" (Firefox rejects the read when none is set; the
 * caller passes `undefined` then). Never throws.
 */
export function parseManagedPolicy(raw: unknown): ParsedPolicy {
  if (raw === undefined || raw === null) return { policy: {}, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      policy: {},
      problems: [
        {
          key: POLICY_ROOT_KEY,
          code: 'not-an-object',
          reason: `the policy must be an object of named settings, got ${describeType(raw)}; all of it is ignored`,
        },
      ],
    };
  }

  const policy: ManagedPolicy = {};
  const problems: PolicyProblem[] = [];
  let keys: string[];
  try {
    keys = Object.keys(raw);
  } catch {
    return {
      policy,
      problems: [{ key: POLICY_ROOT_KEY, code: 'unreadable', reason: 'the policy could not be read' }],
    };
  }

  for (const key of keys) {
    if (!isPolicyKey(key)) {
      problems.push(unknownKey(key));
      continue;
    }
    let value: unknown;
    try {
      value = (raw as Record<string, unknown>)[key];
    } catch {
      problems.push({ key, code: 'unreadable', reason: 'the value could not be read; ignored' });
      continue;
    }
    if (value === undefined) continue;
    problems.push(...applyKey(policy, key, value));
  }

  return { policy, problems };
}

function applyKey<K extends PolicyKey>(policy: ManagedPolicy, key: K, value: unknown): PolicyProblem[] {
  const reader: KeyReader<K> = READERS[key];
  const result = reader(value, key);
  if (result.value !== undefined) policy[key] = result.value;
  return result.problems;
}

function isPolicyKey(key: string): key is PolicyKey {
  return (POLICY_KEYS as readonly string[]).includes(key);
}

function unknownKey(key: string): PolicyProblem {
  const near = POLICY_KEYS.find((known) => known.toLowerCase() === key.toLowerCase());
  const hint = near === undefined ? '' : ` (did you mean ${near}?)`;
  return {
    key: shorten(key),
    code: 'unknown-key',
    reason: `is not a Qorgan policy${hint}; ignored`,
  };
}

function single<T>(key: PolicyKey, check: PolicyCheck<T>): ReadResult<T> {
  if (check.ok) return { value: check.value, problems: [] };
  return { problems: [{ key, code: check.code, reason: `${check.reason}; ignored` }] };
}

/** Keeps the good items of a list, each bad one dropped with its own reason. */
function readList(
  key: PolicyKey,
  value: unknown,
  check: (item: unknown) => PolicyCheck<string>,
): ReadResult<string[]> {
  if (!Array.isArray(value)) {
    return {
      problems: [
        { key, code: 'wrong-type', reason: `must be a list of strings, got ${describeType(value)}; ignored` },
      ],
    };
  }
  const kept = new Set<string>();
  const problems: PolicyProblem[] = [];
  let unreported = 0;
  let unreportedCode: PolicyProblemCode = 'wrong-type';
  for (let index = 0; index < value.length; index += 1) {
    const item: unknown = value[index];
    const result = check(item);
    if (result.ok) {
      kept.add(result.value);
    } else if (problems.length < MAX_ITEM_PROBLEMS_PER_KEY) {
      problems.push({
        key,
        code: result.code,
        reason: `item ${index + 1} dropped: ${result.reason}`,
        item: describeItem(item),
      });
    } else {
      unreported += 1;
      unreportedCode = result.code;
    }
  }
  if (unreported > 0) {
    problems.push({ key, code: unreportedCode, reason: `${unreported} more bad items dropped` });
  }
  return { value: [...kept], problems };
}

function checkBoolean(value: unknown): PolicyCheck<boolean> {
  if (typeof value === 'boolean') return { ok: true, value };
  return { ok: false, code: 'wrong-type', reason: `must be true or false, got ${describeType(value)}` };
}

function checkBlockMode(value: unknown): PolicyCheck<BlockMode> {
  const allowed = BLOCK_MODES.map((mode) => `"${mode}"`).join(' or ');
  if (typeof value !== 'string') {
    return { ok: false, code: 'wrong-type', reason: `must be ${allowed}, got ${describeType(value)}` };
  }
  const mode = BLOCK_MODES.find((known) => known === value);
  if (mode === undefined) {
    return { ok: false, code: 'not-allowed-value', reason: `must be ${allowed}, got "${shorten(value)}"` };
  }
  return { ok: true, value: mode };
}

function checkSyncInterval(value: unknown): PolicyCheck<number> {
  if (typeof value !== 'number') {
    return {
      ok: false,
      code: 'wrong-type',
      reason: `must be a whole number of minutes, got ${describeType(value)}`,
    };
  }
  if (!Number.isInteger(value)) {
    return {
      ok: false,
      code: 'not-an-integer',
      reason: `must be a whole number of minutes, got ${String(value)}`,
    };
  }
  if (value < MIN_SYNC_INTERVAL_MINUTES) {
    return {
      ok: false,
      code: 'below-minimum',
      reason: `must be at least ${MIN_SYNC_INTERVAL_MINUTES} minutes, got ${value}`,
    };
  }
  if (value > MAX_SYNC_INTERVAL_MINUTES) {
    return {
      ok: false,
      code: 'above-maximum',
      reason: `must be at most ${MAX_SYNC_INTERVAL_MINUTES} minutes (one week), got ${value}`,
    };
  }
  return { ok: true, value };
}
