import { checkCanonicalTarget } from './normalise-target';
import {
  BRAND_PATTERN,
  DATE_PATTERN,
  ENTRY_STATUSES,
  HTTP_URL_PATTERN,
  MAX_TEXT_LENGTH,
  MAX_URL_LENGTH,
  SOURCE_ID_PATTERN,
} from './payload-schema';
import type { Rejection } from './rejection';
import { reject } from './rejection';
import type { EntryStatus, RegistryEntry } from './types';

/** An entry whose status this version does not know: left out and counted. */
export const SKIPPED = Symbol('skipped');

const STATUSES: ReadonlySet<string> = new Set(ENTRY_STATUSES);
const MAX_BRAND_LENGTH = 63;

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= MAX_TEXT_LENGTH;
}

function isHttpUrl(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_URL_LENGTH && HTTP_URL_PATTERN.test(value);
}

function invalid(index: number, field: string, why: string): Rejection {
  return reject('payload-invalid', `entries[${index}].${field} ${why}`);
}

function badTarget(index: number, field: string, value: string, problem: string): Rejection {
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return reject('target-invalid', `entries[${index}].${field} ${JSON.stringify(shown)}: ${problem}`);
}

/**
 * Checks one payload entry by hand. It says exactly what `RegistryEntrySchema`
 * says (a unit test holds them together) but runs several times faster, which
 * matters at a million entries. Returns the entry with only its known fields,
 * `SKIPPED` for an unknown status, or the reason it is refused.
 */
export function validateEntry(value: unknown, index: number): RegistryEntry | typeof SKIPPED | Rejection {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return reject('payload-invalid', `entries[${index}] is not an object`);
  }
  const record = value as Record<string, unknown>;
  const status = record.status;
  if (typeof status !== 'string') return invalid(index, 'status', 'is not a string');
  if (!STATUSES.has(status)) return SKIPPED;

  const target = record.target;
  if (typeof target !== 'string') return invalid(index, 'target', 'is not a string');
  const targetProblem = checkCanonicalTarget(target);
  if (targetProblem !== null) return badTarget(index, 'target', target, targetProblem);

  const entry: RegistryEntry = { target, status: status as EntryStatus };
  const { name, licence, brand, alternative, source, since, url } = record;
  if (name !== undefined) {
    if (!isText(name)) return invalid(index, 'name', `is not a string of 1 to ${MAX_TEXT_LENGTH} characters`);
    entry.name = name;
  }
  if (licence !== undefined) {
    if (!isText(licence)) {
      return invalid(index, 'licence', `is not a string of 1 to ${MAX_TEXT_LENGTH} characters`);
    }
    entry.licence = licence;
  }
  if (brand !== undefined) {
    if (typeof brand !== 'string' || brand.length > MAX_BRAND_LENGTH || !BRAND_PATTERN.test(brand)) {
      return invalid(index, 'brand', 'is not lower-case letters, digits and inner hyphens');
    }
    entry.brand = brand;
  }
  if (alternative !== undefined) {
    if (typeof alternative !== 'string') return invalid(index, 'alternative', 'is not a string');
    const problem = checkCanonicalTarget(alternative);
    if (problem !== null) return badTarget(index, 'alternative', alternative, problem);
    entry.alternative = alternative;
  }
  if (source !== undefined) {
    if (typeof source !== 'string' || !SOURCE_ID_PATTERN.test(source)) {
      return invalid(index, 'source', 'is not a source id');
    }
    entry.source = source;
  }
  if (since !== undefined) {
    if (typeof since !== 'string' || !DATE_PATTERN.test(since)) {
      return invalid(index, 'since', 'is not a date (YYYY-MM-DD)');
    }
    entry.since = since;
  }
  if (url !== undefined) {
    if (!isHttpUrl(url)) return invalid(index, 'url', 'is not an http(s) URL');
    entry.url = url;
  }
  // Carried for the verdict and the banner's sentence; refusing bad values is the schema's work.
  if (typeof record.validUntil === 'string' && DATE_PATTERN.test(record.validUntil)) {
    entry.validUntil = record.validUntil;
  }
  if (isText(record.reason)) entry.reason = record.reason;
  return entry;
}
