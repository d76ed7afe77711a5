import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  ENTRY_STATUSES,
  RegistryEntrySchema,
  RegistryPayloadHeaderSchema,
  RegistryBrandSchema,
  RegistrySourceSchema,
  ValidUntilSchema,
} from '../../../lib/registry/payload-schema';
import { validatePayload } from '../../../lib/registry/validate-payload';
import { samplePayload } from './fixtures';

const jsonSchema = JSON.parse(
  readFileSync(new URL('../../../docs/registry.schema.json', import.meta.url), 'utf8'),
) as {
  required: string[];
  properties: Record<string, unknown>;
  $defs: {
    entry: { required: string[]; properties: Record<string, { enum?: string[] }> };
    source: { required: string[]; properties: Record<string, unknown> };
    brand: { required: string[]; properties: Record<string, unknown> };
  };
};
const ajvValidate = new Ajv2020({ allErrors: false, strict: true }).compile(jsonSchema);

/** The valibot schemas applied as the JSON Schema reads: unknown statuses pass, known ones must be valid entries. */
function valibotAccepts(payload: unknown): boolean {
  if (!v.safeParse(RegistryPayloadHeaderSchema, payload).success) return false;
  const entries = (payload as { entries: unknown[] }).entries;
  return entries.every((entry) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return false;
    const status = (entry as { status?: unknown }).status;
    if (typeof status !== 'string') return false;
    if (!(ENTRY_STATUSES as readonly string[]).includes(status)) return true;
    // An entry whose licence end cannot be read is skipped, never a reason to refuse the payload.
    const validUntil = (entry as { validUntil?: unknown }).validUntil;
    if (validUntil !== undefined && !v.is(ValidUntilSchema, validUntil)) return true;
    return v.safeParse(RegistryEntrySchema, entry).success;
  });
}

function verdicts(payload: unknown) {
  return {
    jsonSchema: ajvValidate(payload),
    valibot: valibotAccepts(payload),
    validatePayload: validatePayload(payload).ok,
  };
}

const base = samplePayload() as unknown as Record<string, unknown>;
const entry = (fields: Record<string, unknown>) => ({
  ...base,
  entries: [{ target: 'a.kz', status: 'blocked', ...fields }],
});

const VALID: [string, unknown][] = [
  ['the contract example', base],
  ['no sources, no entries', { ...base, sources: [], entries: [] }],
  ['an unknown status', { ...base, entries: [{ target: 'x.kz', status: 'suspended' }] }],
  ['an unknown status, nothing else', { ...base, entries: [{ status: 'future' }] }],
  ['unknown fields', { ...base, colour: 1, entries: [{ target: 'a.kz', status: 'blocked', extra: [] }] }],
  [
    'all optional fields',
    entry({
      name: 'N',
      licence: 'L',
      brand: 'b-1',
      alternative: 'b.kz',
      source: 'afm',
      since: '2024-02-29',
      url: 'http://x.kz/a?b',
    }),
  ],
  ['a path target', entry({ target: 't.me/obmen_kzt_bot' })],
  ['a punycode target', entry({ target: 'xn--90aaub4c.kz' })],
  ['an offset time', { ...base, issuedAt: '2026-11-20T11:00:00+05:00' }],
  ['fractional seconds', { ...base, issuedAt: '2026-11-20T06:00:00.123Z' }],
  ['validUntil and an unknown reason', entry({ validUntil: '2027-01-22', reason: 'sanctions-list' })],
  ['a malformed validUntil (the entry is skipped)', entry({ validUntil: '22.01.2027', target: 'https://x' })],
  ['a validUntil that is a number (skipped)', entry({ validUntil: 20270122 })],
  [
    'a brand on a warning with a path target',
    entry({ status: 'warning', target: 'binance.com/en-kz', brand: 'binance' }),
  ],
  [
    'brands, good and bad (bad items dropped)',
    { ...base, brands: [{ brand: 'binance', sites: ['binance.com'] }, 7, { brand: 'x' }] },
  ],
  ['empty brands', { ...base, brands: [] }],
];

const INVALID: [string, unknown][] = [
  ['not an object', []],
  ['schema 2', { ...base, schema: 2 }],
  ['version as text', { ...base, version: '42' }],
  ['version 0', { ...base, version: 0 }],
  ['fractional version', { ...base, version: 1.5 }],
  ['lower-case jurisdiction', { ...base, jurisdiction: 'kz' }],
  ['a date without time', { ...base, issuedAt: '2026-11-20' }],
  ['month 13', { ...base, expiresAt: '2026-13-01T00:00:00Z' }],
  ['a source without title', { ...base, sources: [{ id: 'afsa' }] }],
  ['a source id in capitals', { ...base, sources: [{ id: 'AFSA', title: 'x' }], entries: [] }],
  [
    'a source url that is not http',
    { ...base, sources: [{ id: 'a', title: 'x', url: 'javascript:alert(1)' }], entries: [] },
  ],
  ['an entry without target', { ...base, entries: [{ status: 'blocked' }] }],
  ['an entry without status', { ...base, entries: [{ target: 'a.kz' }] }],
  ['a numeric status', { ...base, entries: [{ target: 'a.kz', status: 3 }] }],
  ['an entry that is a string', { ...base, entries: ['a.kz'] }],
  ['a target with a scheme', entry({ target: 'https://a.kz' })],
  ['a target with a port', entry({ target: 'a.kz:8080' })],
  ['a target with a space', entry({ target: 'a .kz' })],
  ['a target in Unicode', entry({ target: 'бибит.kz' })],
  ['a target in capitals', entry({ target: 'A.kz' })],
  ['a target with a trailing dot', entry({ target: 'a.kz.' })],
  ['a target with a trailing slash', entry({ target: 'a.kz/' })],
  ['a single-label target', entry({ target: 'localhost' })],
  ['an empty name', entry({ name: '' })],
  ['a brand with capitals', entry({ brand: 'Bybit' })],
  ['an alternative with a scheme', entry({ alternative: 'https://b.kz' })],
  ['a date with time for since', entry({ since: '2024-01-01T00:00:00Z' })],
  ['a url with a space', entry({ url: 'https://a.kz/x y' })],
  ['null for an optional field', entry({ name: null })],
  ['a reason in capitals', entry({ reason: 'State-Block' })],
  ['a reason that is not a string', entry({ reason: 3 })],
  ['brands that is not an array', { ...base, brands: { binance: ['binance.com'] } }],
  ['more than 100,000 brands', { ...base, brands: Array.from({ length: 100_001 }, () => ({})) }],
];

describe('docs/registry.schema.json and the valibot schema', () => {
  it('name the same required fields, properties and statuses', () => {
    const header = RegistryPayloadHeaderSchema.entries;
    const required = Object.keys(header).filter(
      (key) => header[key as keyof typeof header].type !== 'optional',
    );
    expect([...jsonSchema.required].sort()).toEqual(required.sort());
    expect(Object.keys(jsonSchema.properties).sort()).toEqual(
      Object.keys(RegistryPayloadHeaderSchema.entries).sort(),
    );
    expect(Object.keys(jsonSchema.$defs.entry.properties).sort()).toEqual(
      Object.keys(RegistryEntrySchema.entries).sort(),
    );
    expect(jsonSchema.$defs.entry.required.sort()).toEqual(['status', 'target']);
    expect(jsonSchema.$defs.entry.properties.status?.enum).toEqual([...ENTRY_STATUSES]);
    expect(Object.keys(jsonSchema.$defs.source.properties).sort()).toEqual(
      Object.keys(RegistrySourceSchema.entries).sort(),
    );
    expect(jsonSchema.$defs.source.required.sort()).toEqual(['id', 'title']);
    expect(Object.keys(jsonSchema.$defs.brand.properties).sort()).toEqual(
      Object.keys(RegistryBrandSchema.entries).sort(),
    );
    expect(jsonSchema.$defs.brand.required.sort()).toEqual(['brand', 'sites']);
  });

  it('describe the same brand as a publisher writes it', () => {
    const brandValidate = new Ajv2020({ strict: true }).compile({
      $defs: jsonSchema.$defs,
      $ref: '#/$defs/brand',
    });
    const cases: [unknown, boolean][] = [
      [{ brand: 'binance', name: 'Binance', sites: ['binance.com', 'binance.com/en-kz'] }, true],
      [{ brand: 'okx', sites: ['okx.com'] }, true],
      [{ brand: 'ok', sites: ['okx.com'] }, false],
      [{ brand: 'Binance', sites: ['binance.com'] }, false],
      [{ brand: 'binance', sites: [] }, false],
      [{ brand: 'binance', sites: ['https://binance.com'] }, false],
    ];
    for (const [brand, valid] of cases) {
      expect([brandValidate(brand), v.is(RegistryBrandSchema, brand)]).toEqual([valid, valid]);
    }
  });

  it.each(VALID)('all accept: %s', (_name, payload) => {
    expect(verdicts(payload)).toEqual({ jsonSchema: true, valibot: true, validatePayload: true });
  });

  it.each(INVALID)('all refuse: %s', (_name, payload) => {
    expect(verdicts(payload)).toEqual({ jsonSchema: false, valibot: false, validatePayload: false });
  });

  it('agree on generated entries (property)', () => {
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const target = fc.constantFrom(
      'a.kz',
      't.me/x_y',
      'b.c.kz/p/q',
      'A.kz',
      'https://a.kz',
      'a.kz:1',
      'a b.kz',
      'ä.kz',
      'kz',
      'a.kz/',
      '',
    );
    const text = fc.oneof(fc.constantFrom('', 'Name', 'x'.repeat(501)), fc.integer());
    const generated = fc.record(
      {
        target: fc.oneof(target, fc.integer()),
        status: fc.oneof(fc.constantFrom('licensed', 'blocked', 'warning', 'other', ''), fc.integer()),
        name: maybe(text),
        licence: maybe(text),
        brand: maybe(fc.constantFrom('bybit', 'by-bit', 'Bybit', '-x', 'a--b')),
        alternative: maybe(target),
        source: maybe(fc.constantFrom('afsa', 'afm', 'AFSA', '')),
        since: maybe(fc.constantFrom('2024-01-31', '2024-02-30', '2024-1-1', '2024-13-01')),
        url: maybe(fc.constantFrom('https://a.kz', 'http://a', 'ftp://a.kz', 'https://', 'https://a.kz/ x')),
        validUntil: maybe(
          fc.oneof(fc.constantFrom('2027-01-22', '2027-02-30', '2027-1-22', ''), fc.integer()),
        ),
        reason: maybe(
          fc.oneof(fc.constantFrom('state-block', 'future-reason', 'State', '-x', ''), fc.integer()),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(generated, (fields) => {
        const payload = { ...base, entries: [fields] };
        const { jsonSchema: bySchema, valibot, validatePayload: byHand } = verdicts(payload);
        expect(valibot).toBe(bySchema);
        expect(byHand).toBe(bySchema);
      }),
      { numRuns: 2000 },
    );
  });
});
