import type { DefaultSettings } from './types';

/** The defaults listed in docs/enterprise.md. `registryUrl: null` stands for the URL the build ships with. */
export const DEFAULT_SETTINGS: Readonly<DefaultSettings> = Object.freeze({
  registryUrl: null,
  trustedKeys: [],
  extraBlocked: [],
  extraAllowed: [],
  allowBypass: true,
  blockMode: 'warn',
  detectUnregistered: true,
  syncIntervalMinutes: 360,
});
