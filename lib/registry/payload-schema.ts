import * as v from 'valibot';
import { checkCanonicalTarget } from './normalise-target';

/**
 * The payload's schema (docs/registry-format.md, "Payload") in valibot. docs/registry.schema.json is
 * the same schema for other tools; a unit test keeps the two in agreement.
 * `validatePayload` applies these with the rules JSON Schema cannot say:
 * entries with an unknown status are skipped, sources are referenced by id.
 */

export const ENTRY_STATUSES = ['licensed', 'blocked', 'warning'] as const;

export const DATE_TIME_PATTERN =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
export const DATE_PATTERN = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
export const HTTP_URL_PATTERN = /^https?:\/\/[^\s/?#]+[^\s]*$/;
export const SOURCE_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
export const BRAND_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const JURISDICTION_PATTERN = /^[A-Z]{2}$/;

export const MAX_TEXT_LENGTH = 500;
export const MAX_URL_LENGTH = 2048;
export const MAX_SOURCES = 1000;

const text = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TEXT_LENGTH));
const httpUrl = v.pipe(v.string(), v.maxLength(MAX_URL_LENGTH), v.regex(HTTP_URL_PATTERN));
const dateTime = v.pipe(
  v.string(),
  v.regex(DATE_TIME_PATTERN),
  v.check((value) => !Number.isNaN(Date.parse(value)), 'not a real date and time'),
);
const date = v.pipe(v.string(), v.regex(DATE_PATTERN));
const sourceId = v.pipe(v.string(), v.regex(SOURCE_ID_PATTERN));

export const TargetSchema = v.pipe(
  v.string(),
  v.check((value) => checkCanonicalTarget(value) === null, 'not a canonical target'),
);

export const RegistrySourceSchema = v.object({
  id: sourceId,
  title: text,
  url: v.optional(httpUrl),
  retrievedAt: v.optional(dateTime),
});

export const RegistryEntrySchema = v.object({
  target: TargetSchema,
  status: v.picklist(ENTRY_STATUSES),
  name: v.optional(text),
  licence: v.optional(text),
  brand: v.optional(v.pipe(v.string(), v.maxLength(63), v.regex(BRAND_PATTERN))),
  alternative: v.optional(TargetSchema),
  source: v.optional(sourceId),
  since: v.optional(date),
  url: v.optional(httpUrl),
});

/** Everything but the entries, which `validatePayload` reads one by one. */
export const RegistryPayloadHeaderSchema = v.object({
  schema: v.literal(1),
  jurisdiction: v.pipe(v.string(), v.regex(JURISDICTION_PATTERN)),
  version: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  issuedAt: dateTime,
  expiresAt: dateTime,
  sources: v.pipe(v.array(RegistrySourceSchema), v.maxLength(MAX_SOURCES)),
  entries: v.array(v.unknown()),
});
