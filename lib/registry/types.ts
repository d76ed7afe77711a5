/** Types of the registry payload and envelope, as docs/registry-format.md fixes them. */

export const REGISTRY_PAYLOAD_TYPE = 'application/vnd.qorgan.registry+json';

export type EntryStatus = 'licensed' | 'blocked' | 'warning';

/** Why a warning or blocked entry is listed; the banner says it in one plain sentence. */
export const ENTRY_REASONS = [
  'regulator-warning',
  'other-entity',
  'licence-withdrawn',
  'licence-expired',
  'licence-suspended',
  'state-block',
  'pyramid',
] as const;
export type EntryReason = (typeof ENTRY_REASONS)[number];

export interface RegistrySource {
  id: string;
  title: string;
  url?: string;
  retrievedAt?: string;
}

export interface RegistryEntry {
  /** Normalised target: ASCII host, optionally followed by a path prefix (`t.me/obmen_kzt_bot`). */
  target: string;
  status: EntryStatus;
  name?: string;
  licence?: string;
  /** The brand that lookalike detection protects (an entry of any status). */
  brand?: string;
  /** The licensed target to send the user to. */
  alternative?: string;
  source?: string;
  since?: string;
  url?: string;
  /** Licensed entries: the last day of the licence (YYYY-MM-DD); from that day on the verdict is `warning`. */
  validUntil?: string;
  /** Warning and blocked entries: why. A reason this version does not know is kept as written. */
  reason?: string;
}

/** A brand protected from lookalikes without a verdict of its own. */
export interface RegistryBrand {
  brand: string;
  name?: string;
  /** The brand's own sites (ASCII hosts, optionally with a path prefix): never its lookalikes. */
  sites: string[];
}

/** Every field an entry can carry, in the order the publisher writes them. */
export const ENTRY_FIELDS = [
  'target',
  'status',
  'name',
  'licence',
  'brand',
  'alternative',
  'source',
  'since',
  'url',
  'validUntil',
  'reason',
] as const satisfies readonly (keyof RegistryEntry)[];

export interface RegistryPayload {
  schema: 1;
  jurisdiction: string;
  version: number;
  issuedAt: string;
  expiresAt: string;
  sources: RegistrySource[];
  entries: RegistryEntry[];
  brands?: RegistryBrand[];
}

export interface EnvelopeSignature {
  keyid?: string;
  sig: string;
}

export interface Envelope {
  payloadType: string;
  payload: string;
  signatures: EnvelopeSignature[];
}

/** Where the installed registry came from. */
export type RegistryOrigin = 'bundled' | 'remote';
