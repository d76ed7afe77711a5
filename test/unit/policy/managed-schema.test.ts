import { describe, expect, it } from 'vitest';
import {
  BLOCK_MODES,
  MAX_SYNC_INTERVAL_MINUTES,
  MIN_SYNC_INTERVAL_MINUTES,
  POLICY_KEYS,
  POLICY_VALUE_TYPES,
  type PolicyValueType,
} from '../../../lib/policy/policy-keys';
import { parseManagedPolicy } from '../../../lib/policy/read-policy';
import { type ChromeSchema, loadManagedSchema, schemaErrors } from './chrome-schema';

const schema = loadManagedSchema();
const properties = schema.properties ?? {};

/** The schema fragment a key of each reader type must have. */
function expectedSchema(type: PolicyValueType): Pick<ChromeSchema, 'type' | 'items'> {
  return type === 'string[]' ? { type: 'array', items: { type: 'string' } } : { type };
}

/** Keywords of Chrome's managed-storage schema subset. */
const CHROME_KEYWORDS = new Set([
  'type',
  'title',
  'description',
  'properties',
  'additionalProperties',
  'patternProperties',
  'items',
  'enum',
  'minimum',
  'maximum',
  'pattern',
  'required',
  'id',
  '$ref',
]);

function everySchema(node: ChromeSchema, path: string): [string, ChromeSchema][] {
  const children: [string, ChromeSchema][] = [];
  for (const [name, child] of Object.entries(node.properties ?? {}))
    children.push([`${path}.${name}`, child]);
  if (node.items !== undefined) children.push([`${path}[]`, node.items]);
  return [[path, node], ...children.flatMap(([childPath, child]) => everySchema(child, childPath))];
}

describe('managed_schema.json', () => {
  it('is a Chrome managed-storage schema: a top-level object without additionalProperties', () => {
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    for (const [path, node] of everySchema(schema, '$')) {
      for (const keyword of Object.keys(node))
        expect(CHROME_KEYWORDS, `${path}: ${keyword}`).toContain(keyword);
      expect(
        Number('type' in node) + Number('$ref' in node),
        `${path} has exactly one of type and $ref`,
      ).toBe(1);
    }
  });

  it('declares exactly the keys the reader knows', () => {
    expect(Object.keys(properties).sort()).toEqual([...POLICY_KEYS].sort());
  });

  it.each(POLICY_KEYS.map((key) => [key, POLICY_VALUE_TYPES[key]] as const))(
    'gives %s the type the reader expects (%s)',
    (key, type) => {
      expect(properties[key]).toMatchObject(expectedSchema(type));
    },
  );

  it('has a title and a description for every key, for chrome://policy and admin consoles', () => {
    for (const key of POLICY_KEYS) {
      expect(properties[key]?.title, key).toEqual(expect.any(String));
      expect(properties[key]?.description, key).toEqual(expect.any(String));
    }
  });

  it('restricts blockMode to the values the reader accepts', () => {
    expect(properties.blockMode?.enum).toEqual([...BLOCK_MODES]);
  });

  it('bounds syncIntervalMinutes as the reader does', () => {
    expect(properties.syncIntervalMinutes?.minimum).toBe(MIN_SYNC_INTERVAL_MINUTES);
    expect(properties.syncIntervalMinutes?.maximum).toBe(MAX_SYNC_INTERVAL_MINUTES);
  });

  it('agrees with the reader on values at and beyond the edges', () => {
    const samples: Record<string, unknown>[] = [
      { syncIntervalMinutes: MIN_SYNC_INTERVAL_MINUTES },
      { syncIntervalMinutes: MIN_SYNC_INTERVAL_MINUTES - 1 },
      { syncIntervalMinutes: MAX_SYNC_INTERVAL_MINUTES },
      { syncIntervalMinutes: MAX_SYNC_INTERVAL_MINUTES + 1 },
      { syncIntervalMinutes: 30.5 },
      { blockMode: 'block' },
      { blockMode: 'Block' },
      { allowBypass: 1 },
      { detectUnregistered: false },
      { trustedKeys: 'one' },
      { extraBlocked: [1] },
      { registryUrl: 7 },
    ];
    for (const sample of samples) {
      const schemaSays = schemaErrors(schema, sample).length === 0;
      const readerSays = parseManagedPolicy(sample).problems.length === 0;
      expect(readerSays, JSON.stringify(sample)).toBe(schemaSays);
    }
  });

  it('is declared by the Chrome manifest, and only there', async () => {
    const { default: config } = await import('../../../wxt.config');
    const manifestFor = async (browser: string, manifestVersion: 2 | 3) => {
      const env = { browser, manifestVersion, mode: 'production', command: 'build' } as const;
      return await (typeof config.manifest === 'function' ? config.manifest(env) : config.manifest);
    };
    expect((await manifestFor('chrome', 3))?.storage).toEqual({ managed_schema: 'managed_schema.json' });
    expect((await manifestFor('firefox', 2))?.storage).toBeUndefined();
  });
});
