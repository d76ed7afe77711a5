/**
 * What is kept about the registry in service beside its index and entries: its version, dates,
 * origin and sources, and the entries that name a brand (lookalike detection needs them at start).
 */
import type {
  RegistryBrand,
  RegistryEntry,
  RegistryOrigin,
  RegistryPayload,
  RegistrySource,
} from '../registry/types';

export interface InstalledMeta {
  version: number;
  jurisdiction: string;
  issuedAt: string;
  expiresAt: string;
  origin: RegistryOrigin;
  sources: RegistrySource[];
  entryCount: number;
  /** Entries skipped at acceptance (unknown status). */
  skipped: number;
  installedAt: string;
  /** Entries that name a brand (any status) and the payload's `brands`: what lookalike detection needs at start. */
  brandEntries: RegistryEntry[];
  brands: RegistryBrand[];
}

export interface InstallDetails {
  origin: RegistryOrigin;
  skipped: number;
  installedAt: Date;
}

/** The metadata kept for an installed payload. */
export function describeInstall(payload: RegistryPayload, details: InstallDetails): InstalledMeta {
  return {
    version: payload.version,
    jurisdiction: payload.jurisdiction,
    issuedAt: payload.issuedAt,
    expiresAt: payload.expiresAt,
    origin: details.origin,
    sources: payload.sources,
    entryCount: payload.entries.length,
    skipped: details.skipped,
    installedAt: details.installedAt.toISOString(),
    brandEntries: payload.entries.filter((entry) => entry.brand !== undefined),
    brands: payload.brands ?? [],
  };
}
