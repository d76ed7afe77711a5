import {
  ENTRY_FIELDS,
  type RegistryBrand,
  type RegistryEntry,
  type RegistryPayload,
  type RegistrySource,
} from './types';

const ENTRY_ORDER = ENTRY_FIELDS;
const SOURCE_ORDER = ['id', 'title', 'url', 'retrievedAt'] as const;
const BRAND_ORDER = ['brand', 'name', 'sites'] as const;

function ordered<T extends object>(value: T, order: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const key of order) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

/**
 * Writes a payload as UTF-8 JSON with a fixed field order and one entry per
 * line: small enough for a million entries, and readable in a diff.
 */
export function serialisePayload(payload: RegistryPayload): Uint8Array {
  const lines = (items: string[]) => (items.length === 0 ? '[]' : `[\n    ${items.join(',\n    ')}\n  ]`);
  const sources = payload.sources.map((source: RegistrySource) =>
    JSON.stringify(ordered(source, SOURCE_ORDER)),
  );
  const entries = payload.entries.map((entry: RegistryEntry) => JSON.stringify(ordered(entry, ENTRY_ORDER)));
  const brands = (payload.brands ?? []).map((brand: RegistryBrand) =>
    JSON.stringify(ordered(brand, BRAND_ORDER)),
  );
  const text =
    '{\n' +
    `  "schema": ${JSON.stringify(payload.schema)},\n` +
    `  "jurisdiction": ${JSON.stringify(payload.jurisdiction)},\n` +
    `  "version": ${JSON.stringify(payload.version)},\n` +
    `  "issuedAt": ${JSON.stringify(payload.issuedAt)},\n` +
    `  "expiresAt": ${JSON.stringify(payload.expiresAt)},\n` +
    `  "sources": ${lines(sources)},\n` +
    `  "entries": ${lines(entries)}` +
    (payload.brands === undefined ? '\n' : `,\n  "brands": ${lines(brands)}\n`) +
    '}\n';
  return new TextEncoder().encode(text);
}
