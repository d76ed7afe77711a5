/** Types of the registry payload and envelope, as docs/registry-format.md fixes them. */

export const REGISTRY_PAYLOAD_TYPE = 'application/vnd.qorgan.registry+json';

export type EntryStatus = 'licensed' | 'blocked' | 'warning';

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
  /** Licensed entries only: the brand that lookalike detection protects. */
  brand?: string;
  /** The licensed target to send the user to. */
  alternative?: string;
  source?: string;
  since?: string;
  url?: string;
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
] as const satisfies readonly (keyof RegistryEntry)[];

export interface RegistryPayload {
  schema: 1;
  jurisdiction: string;
  version: number;
  issuedAt: string;
  expiresAt: string;
  sources: RegistrySource[];
  entries: RegistryEntry[];
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
