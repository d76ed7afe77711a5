/** Managed-policy keys, as docs/enterprise.md documents them. Every key is optional. */
export interface ManagedPolicy {
  registryUrl?: string;
  trustedKeys?: string[];
  extraBlocked?: string[];
  extraAllowed?: string[];
  allowBypass?: boolean;
  blockMode?: BlockMode;
  detectUnregistered?: boolean;
  syncIntervalMinutes?: number;
}

export type PolicyKey = keyof ManagedPolicy;

export type BlockMode = 'warn' | 'block';

/** The settings in force after policy, user settings and defaults are merged. */
export interface EffectiveSettings {
  /** `null`: the registry URL the build ships with. */
  registryUrl: string | null;
  trustedKeys: string[];
  extraBlocked: string[];
  extraAllowed: string[];
  allowBypass: boolean;
  blockMode: BlockMode;
  detectUnregistered: boolean;
  syncIntervalMinutes: number;
  /** Keys whose value comes from the organisation's policy. */
  managed: PolicyKey[];
}

/** What applies when neither the policy nor the user says otherwise. */
export type DefaultSettings = Omit<EffectiveSettings, 'managed'>;

/**
 * Why a policy value was ignored, for code that shows the reason in the user's
 * language; `reason` is the English text that is logged.
 */
export type PolicyProblemCode =
  | 'not-an-object'
  | 'unknown-key'
  | 'unreadable'
  | 'wrong-type'
  | 'invalid-url'
  | 'insecure-url'
  | 'unsupported-scheme'
  | 'url-with-credentials'
  | 'not-base64'
  | 'wrong-key-length'
  | 'invalid-target'
  | 'not-allowed-value'
  | 'not-an-integer'
  | 'below-minimum'
  | 'above-maximum';

/** A policy value that was ignored, and why (shown on the options page). */
export interface PolicyProblem {
  /** The policy key, or `(policy)` when the policy as a whole is unusable. */
  key: string;
  reason: string;
  code?: PolicyProblemCode;
  /** The rejected item, when a single item of a list was dropped (shortened). */
  item?: string;
}

/** The outcome of checking one policy value: the value to use, or why not. */
export type PolicyCheck<T> = { ok: true; value: T } | { ok: false; code: PolicyProblemCode; reason: string };
