import { checkCanonicalTarget } from './normalise-target';
import {
  BRAND_PATTERN,
  DATE_PATTERN,
  ENTRY_STATUSES,
  HTTP_URL_PATTERN,
  MAX_BRAND_LENGTH,
  MAX_TEXT_LENGTH,
  REASON_PATTERN,
  MAX_URL_LENGTH,
  SOURCE_ID_PATTERN,
} from './payload-schema';
import type { Rejection } from './rejection';
import { reject } from './rejection';
import type { EntryStatus, RegistryEntry } from './types';

/** An entry whose status this version does not know, or whose `validUntil` is not a date: left out and counted. */
export const SKIPPED = Symbol('skipped');

const STATUSES: ReadonlySet<string> = new Set(ENTRY_STATUSES);

function isWord(value: unknown, pattern: RegExp): value is string {
  return typeof value === 'string' && value.length <= MAX_BRAND_LENGTH && pattern.test(value);
}

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
  // A licence end nobody can read must not leave the entry standing as licensed for ever.
  const { validUntil } = record;
  if (validUntil !== undefined && (typeof validUntil !== 'string' || !DATE_PATTERN.test(validUntil))) {
    return SKIPPED;
  }

  const target = record.target;
  if (typeof target !== 'string') return invalid(index, 'target', 'is not a string');
  const targetProblem = checkCanonicalTarget(target);
  if (targetProblem !== null) return badTarget(index, 'target', target, targetProblem);

  const { name, licence, brand, alternative, source, since, url, reason } = record;
  if (name !== undefined && !isText(name)) {
    return invalid(index, 'name', `is not a string of 1 to ${MAX_TEXT_LENGTH} characters`);
  }
  if (licence !== undefined && !isText(licence)) {
    return invalid(index, 'licence', `is not a string of 1 to ${MAX_TEXT_LENGTH} characters`);
  }
  if (brand !== undefined && !isWord(brand, BRAND_PATTERN)) {
    return invalid(index, 'brand', 'is not lower-case letters, digits and inner hyphens');
  }
  if (alternative !== undefined) {
    if (typeof alternative !== 'string') return invalid(index, 'alternative', 'is not a string');
    const problem = checkCanonicalTarget(alternative);
    if (problem !== null) return badTarget(index, 'alternative', alternative, problem);
  }
  if (source !== undefined && (typeof source !== 'string' || !SOURCE_ID_PATTERN.test(source))) {
    return invalid(index, 'source', 'is not a source id');
  }
  if (since !== undefined && (typeof since !== 'string' || !DATE_PATTERN.test(since))) {
    return invalid(index, 'since', 'is not a date (YYYY-MM-DD)');
  }
  if (url !== undefined && !isHttpUrl(url)) return invalid(index, 'url', 'is not an http(s) URL');
  if (reason !== undefined && !isWord(reason, REASON_PATTERN)) {
    return invalid(index, 'reason', 'is not lower-case letters, digits and inner hyphens');
  }

  // A licence end only means something on a licence, a reason only on a warning or a block.
  const keepsValidUntil = validUntil !== undefined && status === 'licensed';
  const keepsReason = reason !== undefined && status !== 'licensed';
  const fields =
    2 +
    Number(name !== undefined) +
    Number(licence !== undefined) +
    Number(brand !== undefined) +
    Number(alternative !== undefined) +
    Number(source !== undefined) +
    Number(since !== undefined) +
    Number(url !== undefined) +
    Number(keepsValidUntil) +
    Number(keepsReason);
  if (hasOnlyOwnFields(record, fields)) return record as unknown as RegistryEntry;

  const entry: RegistryEntry = { target, status: status as EntryStatus };
  if (name !== undefined) entry.name = name as string;
  if (licence !== undefined) entry.licence = licence as string;
  if (brand !== undefined) entry.brand = brand as string;
  if (alternative !== undefined) entry.alternative = alternative as string;
  if (source !== undefined) entry.source = source as string;
  if (since !== undefined) entry.since = since as string;
  if (url !== undefined) entry.url = url as string;
  if (keepsValidUntil) entry.validUntil = validUntil as string;
  if (keepsReason) entry.reason = reason as string;
  return entry;
}

/**
 * Whether a parsed record has exactly `fields` fields of its own and nothing
 * else, so that it can stand for the checked entry as it is: the common entry
 * then costs no copy, which at 100,000 entries is as many objects fewer for
 * the garbage collector. Counted with a loop that allocates nothing; any other
 * kind of object is copied.
 */
function hasOnlyOwnFields(record: Record<string, unknown>, fields: number): boolean {
  if (Object.getPrototypeOf(record) !== Object.prototype) return false;
  let count = 0;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) return false;
    count++;
  }
  return count === fields;
}
