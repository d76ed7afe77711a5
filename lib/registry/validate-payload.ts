import * as v from 'valibot';
import { MAX_ENTRIES } from './limits';
import { MAX_BRANDS, RegistryPayloadHeaderSchema } from './payload-schema';
import type { Rejection } from './rejection';
import { reject } from './rejection';
import type { RegistryEntry, RegistryPayload } from './types';
import { validateBrands } from './validate-brands';
import { SKIPPED, validateEntry } from './validate-entry';

export interface ValidatedPayload {
  ok: true;
  /** The payload with unknown fields dropped, skipped entries and dropped brands left out. */
  payload: RegistryPayload;
  /** Entries left out: a status unknown to this version, or a `validUntil` that is not a date. */
  skipped: number;
  /** Items of `brands` left out, and sites of kept brands left out (see `validateBrands`). */
  dropped: { brands: number; sites: number };
}

function issuePath(issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((item) => String(item.key));
  return keys.length === 0 ? 'payload' : keys.join('.');
}

/**
 * Validates a parsed payload against the schema (docs/registry-format.md, "Payload"), with no
 * signature and no clock: the signed path (`acceptRegistry`) and the bundled
 * snapshot both come through here. Never throws.
 */
export function validatePayload(json: unknown): ValidatedPayload | Rejection {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return reject('payload-invalid', 'the payload is not a JSON object');
  }
  const record = json as Record<string, unknown>;
  const entries = record.entries;
  if (Array.isArray(entries) && entries.length > MAX_ENTRIES) {
    return reject('too-many-entries', `${entries.length} entries; at most ${MAX_ENTRIES}`);
  }
  const header = v.safeParse(RegistryPayloadHeaderSchema, {
    ...record,
    entries: Array.isArray(entries) ? [] : entries,
    brands: Array.isArray(record.brands) && record.brands.length <= MAX_BRANDS ? [] : record.brands,
  });
  if (!header.success) {
    const issue = header.issues[0];
    return reject('payload-invalid', `${issuePath(issue)}: ${issue.message}`);
  }
  const { output } = header;
  if (Date.parse(output.expiresAt) <= Date.parse(output.issuedAt)) {
    return reject('payload-invalid', 'expiresAt is not after issuedAt');
  }
  const sourceIds = new Set<string>();
  for (const source of output.sources) {
    if (sourceIds.has(source.id)) return reject('payload-invalid', `source id "${source.id}" appears twice`);
    sourceIds.add(source.id);
  }

  const list = entries as unknown[];
  // While every entry stands as parsed, the parsed list (a plain array) is the result: no second
  // array of a hundred thousand to fill.
  let kept: RegistryEntry[] | null = Object.getPrototypeOf(list) === Array.prototype ? null : [];
  let skipped = 0;
  for (let index = 0; index < list.length; index += 1) {
    const value = list[index];
    const result = validateEntry(value, index);
    if (result === SKIPPED) {
      kept ??= list.slice(0, index) as RegistryEntry[];
      skipped += 1;
      continue;
    }
    if ('ok' in result) return result;
    if (result.source !== undefined && !sourceIds.has(result.source)) {
      return reject('payload-invalid', `entries[${index}].source "${result.source}" is not in sources`);
    }
    if (kept === null && result !== value) kept = list.slice(0, index) as RegistryEntry[];
    kept?.push(result);
  }
  const { schema, jurisdiction, version, issuedAt, expiresAt, sources } = output;
  const payload: RegistryPayload = {
    schema,
    jurisdiction,
    version,
    issuedAt,
    expiresAt,
    sources,
    entries: kept ?? (list as RegistryEntry[]),
  };
  const dropped = { brands: 0, sites: 0 };
  if (Array.isArray(record.brands)) {
    const read = validateBrands(record.brands);
    payload.brands = read.brands;
    dropped.brands = read.droppedBrands;
    dropped.sites = read.droppedSites;
  }
  return { ok: true, payload, skipped, dropped };
}

/** Reads a payload from its bytes (UTF-8 JSON) and validates it. */
export function parsePayload(bytes: Uint8Array): ValidatedPayload | Rejection {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch (error) {
    return reject('payload-not-json', error instanceof Error ? error.message : undefined);
  }
  return validatePayload(json);
}
