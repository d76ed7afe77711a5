import { readFileSync } from 'node:fs';

/** The part of Chrome's managed-storage schema language that Qorgan's schema uses. */
export interface ChromeSchema {
  type?: 'object' | 'array' | 'string' | 'boolean' | 'integer' | 'number';
  title?: string;
  description?: string;
  properties?: Record<string, ChromeSchema>;
  items?: ChromeSchema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
}

export function loadManagedSchema(): ChromeSchema {
  return JSON.parse(
    readFileSync(new URL('../../../public/managed_schema.json', import.meta.url), 'utf8'),
  ) as ChromeSchema;
}

/**
 * Where `value` breaks `schema`, the way Chrome checks a policy before
 * handing it to `storage.managed` (unknown top-level keys are errors here).
 */
export function schemaErrors(schema: ChromeSchema, value: unknown, path = '$'): string[] {
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return [`${path}: not an object`];
      return Object.entries(value).flatMap(([key, child]) => {
        const childSchema = schema.properties?.[key];
        return childSchema === undefined
          ? [`${path}.${key}: not in the schema`]
          : schemaErrors(childSchema, child, `${path}.${key}`);
      });
    }
    case 'array':
      if (!Array.isArray(value)) return [`${path}: not an array`];
      return value.flatMap((item: unknown, index) =>
        schema.items === undefined ? [] : schemaErrors(schema.items, item, `${path}[${index}]`),
      );
    case 'string':
      if (typeof value !== 'string') return [`${path}: not a string`];
      return schema.enum === undefined || schema.enum.includes(value) ? [] : [`${path}: not in the enum`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path}: not a boolean`];
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || (schema.type === 'integer' && !Number.isInteger(value))) {
        return [`${path}: not an ${schema.type}`];
      }
      if (schema.minimum !== undefined && value < schema.minimum) return [`${path}: below the minimum`];
      if (schema.maximum !== undefined && value > schema.maximum) return [`${path}: above the maximum`];
      return [];
    }
    default:
      return [`${path}: unsupported schema type`];
  }
}
