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
/** A reason is a word of the same shape as a brand; one this version does not know is kept. */
export const REASON_PATTERN = BRAND_PATTERN;
export const MAX_BRAND_LENGTH = 63;
/** Brand words of `brands`: shorter ones would make lookalike detection fire on unrelated names. */
export const MIN_BRAND_LENGTH = 3;
export const JURISDICTION_PATTERN = /^[A-Z]{2}$/;

export const MAX_TEXT_LENGTH = 500;
export const MAX_URL_LENGTH = 2048;
export const MAX_SOURCES = 1000;
export const MAX_BRANDS = 100_000;
export const MAX_SITES_PER_BRAND = 1000;

const text = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TEXT_LENGTH));
const httpUrl = v.pipe(v.string(), v.maxLength(MAX_URL_LENGTH), v.regex(HTTP_URL_PATTERN));
const dateTime = v.pipe(
  v.string(),
  v.regex(DATE_TIME_PATTERN),
  v.check((value) => !Number.isNaN(Date.parse(value)), 'not a real date and time'),
);
const date = v.pipe(v.string(), v.regex(DATE_PATTERN));
const sourceId = v.pipe(v.string(), v.regex(SOURCE_ID_PATTERN));
const word = v.pipe(v.string(), v.maxLength(MAX_BRAND_LENGTH), v.regex(BRAND_PATTERN));

/** A `validUntil` that fails this makes its entry skipped (and counted), never the payload refused. */
export const ValidUntilSchema = date;

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
  brand: v.optional(word),
  alternative: v.optional(TargetSchema),
  source: v.optional(sourceId),
  since: v.optional(date),
  url: v.optional(httpUrl),
  validUntil: v.optional(ValidUntilSchema),
  reason: v.optional(word),
});

/**
 * One item of `brands` as a publisher writes it. The client is more lenient:
 * `validatePayload` drops an item that fails this, and a site that is not a
 * target, and counts them, so that one bad brand never refuses the registry.
 */
export const RegistryBrandSchema = v.object({
  brand: v.pipe(word, v.minLength(MIN_BRAND_LENGTH)),
  name: v.optional(text),
  sites: v.pipe(v.array(TargetSchema), v.minLength(1), v.maxLength(MAX_SITES_PER_BRAND)),
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
  brands: v.optional(v.pipe(v.array(v.unknown()), v.maxLength(MAX_BRANDS))),
});
