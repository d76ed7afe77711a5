/** Managed-policy keys of the contract (§4). Every key is optional. */
export interface ManagedPolicy {
  registryUrl?: string;
  trustedKeys?: string[];
  extraBlocked?: string[];
  extraAllowed?: string[];
  allowBypass?: boolean;
  blockMode?: 'warn' | 'block';
  detectUnregistered?: boolean;
  syncIntervalMinutes?: number;
}

/** The settings in force after policy, user settings and defaults are merged. */
export interface EffectiveSettings {
  registryUrl: string | null;
  trustedKeys: string[];
  extraBlocked: string[];
  extraAllowed: string[];
  allowBypass: boolean;
  blockMode: 'warn' | 'block';
  detectUnregistered: boolean;
  syncIntervalMinutes: number;
  /** Keys whose value comes from the organisation's policy. */
  managed: (keyof ManagedPolicy)[];
}

/** A policy value that was ignored, and why (shown on the options page). */
export interface PolicyProblem {
  key: string;
  reason: string;
}
