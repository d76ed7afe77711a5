import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-error';

type Options = NonNullable<ParseArgsConfig['options']>;

/** `util.parseArgs`, strict, with its errors turned into usage errors that name the verb. */
export function parseOptions<T extends Options>(verb: string, args: string[], options: T, positionals = 0) {
  try {
    const parsed = parseArgs({ args, options, strict: true, allowPositionals: positionals > 0 });
    if (parsed.positionals.length > positionals) {
      throw new UsageError(`${verb}: unexpected argument "${parsed.positionals[positionals] ?? ''}"`);
    }
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${verb}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function requireOption(verb: string, name: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new UsageError(`${verb}: --${name} is required`);
  return value;
}

export function parseInteger(verb: string, name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${verb}: --${name} must be a non-negative integer, got "${value}"`);
  }
  return Number(value);
}

export function parseTime(verb: string, name: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const time = new Date(value);
  if (Number.isNaN(time.getTime()))
    throw new UsageError(`${verb}: --${name} is not a date and time: "${value}"`);
  return time;
}
