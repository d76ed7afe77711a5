import { hasBidiControl } from './publisher-text';
import type { RegistryBrand, RegistryEntry, RegistryPayload, RegistrySource } from './types';
import { validatePayload } from './validate-payload';
import { publisherBrandProblems, publisherEntryProblems } from './validate-publisher-entry';

export interface BuildPayloadInput {
  jurisdiction: string;
  sources: RegistrySource[];
  /** Entries already normalised and de-duplicated (see `mergeEntries`). */
  entries: RegistryEntry[];
  /** Brands protected without an entry of their own; omitted from the payload when absent. */
  brands?: RegistryBrand[];
  /** Version of the previous publication, `null` for the first. */
  previousVersion: number | null;
  /** An explicit version; by default the previous one plus one. */
  version?: number;
  issuedAt: Date;
  validDays: number;
}

export type BuildPayloadResult = { ok: true; payload: RegistryPayload } | { ok: false; errors: string[] };

const DAY_MS = 24 * 60 * 60 * 1000;

/** An RFC 3339 UTC time to the second, as the payload writes times. */
export function toRfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Assembles the next payload for publication: its version, its validity
 * window, and the checks a publisher needs beyond the schema (every source
 * referenced exists, every alternative is a licensed target, see also
 * `publisherEntryProblems`). A client would quietly leave out what this refuses.
 */
export function buildPayload(input: BuildPayloadInput): BuildPayloadResult {
  const errors: string[] = [];
  const version = input.version ?? (input.previousVersion ?? 0) + 1;
  if (!Number.isSafeInteger(version) || version < 1)
    errors.push(`version ${version} is not a positive integer`);
  if (input.previousVersion !== null && version <= input.previousVersion) {
    errors.push(`version ${version} is not greater than the previous version ${input.previousVersion}`);
  }
  if (!(input.validDays > 0) || !Number.isFinite(input.validDays)) {
    errors.push(`valid days ${input.validDays} is not a positive number`);
  }
  if (Number.isNaN(input.issuedAt.getTime())) errors.push('issuedAt is not a valid time');
  const sourceIds = new Set(input.sources.map((source) => source.id));
  const licensed = new Set(input.entries.filter((e) => e.status === 'licensed').map((e) => e.target));
  for (const entry of input.entries) {
    if (entry.source !== undefined && !sourceIds.has(entry.source)) {
      errors.push(`${entry.target}: source "${entry.source}" is not among the sources`);
    }
    if (entry.alternative !== undefined && !licensed.has(entry.alternative)) {
      errors.push(`${entry.target}: alternative "${entry.alternative}" is not a licensed target`);
    }
    errors.push(...publisherEntryProblems(entry));
  }
  for (const brand of input.brands ?? []) errors.push(...publisherBrandProblems(brand));
  for (const source of input.sources) {
    if (hasBidiControl(source.title))
      errors.push(`source "${source.id}": title holds a direction control character`);
  }
  if (errors.length > 0) return { ok: false, errors };

  const issuedAt = new Date(Math.floor(input.issuedAt.getTime() / 1000) * 1000);
  const payload: RegistryPayload = {
    schema: 1,
    jurisdiction: input.jurisdiction,
    version,
    issuedAt: toRfc3339(issuedAt),
    expiresAt: toRfc3339(new Date(issuedAt.getTime() + Math.round(input.validDays * DAY_MS))),
    sources: input.sources,
    entries: input.entries,
    ...(input.brands === undefined ? {} : { brands: input.brands }),
  };
  const validated = validatePayload(payload);
  if (!validated.ok) return { ok: false, errors: [`${validated.code}: ${validated.detail ?? ''}`] };
  const { skipped, dropped } = validated;
  if (skipped + dropped.brands + dropped.sites > 0) {
    return {
      ok: false,
      errors: [`${skipped} entries, ${dropped.brands} brands and ${dropped.sites} sites would be left out`],
    };
  }
  return { ok: true, payload: validated.payload };
}
