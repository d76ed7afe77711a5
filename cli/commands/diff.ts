import { diffPayloads } from '../../lib/registry/payload-diff';
import type { RegistryBrand, RegistryEntry } from '../../lib/registry/types';
import { CliError } from '../cli-error';
import type { Io } from '../io';
import { resolvePath } from '../io';
import { parseOptions } from '../parse-options';
import { readPayloadFile } from '../read-payload-file';

export const DIFF_USAGE = `Usage: npm run registry -- diff <before.json> <after.json> [--json]

Lists the entries added (+), removed (-) and changed (~) between two payloads,
matched by target (a changed reason or validUntil shows its old and new value),
then the brands of "brands" added, removed and changed. Either file may be a payload or an envelope (whose
signature is not checked here: use "verify").

  --json   print the difference as JSON`;

function describe(entry: RegistryEntry): string {
  const details = [
    entry.reason,
    entry.name,
    entry.validUntil === undefined ? undefined : `until ${entry.validUntil}`,
    entry.alternative === undefined ? undefined : `-> ${entry.alternative}`,
  ]
    .filter((part) => part !== undefined)
    .join(' ');
  return `${entry.target} ${entry.status}${details === '' ? '' : ` (${details})`}`;
}

function describeBrand(brand: RegistryBrand): string {
  return `brand ${brand.brand}: ${brand.sites.join(' ')}`;
}

function show(value: unknown): string {
  return value === undefined ? '(none)' : JSON.stringify(value);
}

export async function diff(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(
    'diff',
    args,
    { json: { type: 'boolean', default: false } },
    2,
  );
  const [beforeFile, afterFile] = positionals;
  if (beforeFile === undefined || afterFile === undefined) {
    throw new CliError('diff: name two files, the earlier payload first', 2);
  }
  const before = await readPayloadFile(resolvePath(io, beforeFile));
  const after = await readPayloadFile(resolvePath(io, afterFile));
  const result = diffPayloads(before.payload, after.payload);
  if (values.json) {
    io.out(JSON.stringify({ from: before.payload.version, to: after.payload.version, ...result }, null, 2));
    return 0;
  }
  for (const entry of result.added) io.out(`+ ${describe(entry)}`);
  for (const entry of result.removed) io.out(`- ${describe(entry)}`);
  for (const change of result.changed) {
    const b = change.before as unknown as Record<string, unknown>;
    const a = change.after as unknown as Record<string, unknown>;
    const fields = change.fields.map((field) => `${field} ${show(b[field])} -> ${show(a[field])}`);
    io.out(`~ ${change.target}: ${fields.join('; ')}`);
  }
  for (const brand of result.brands.added) io.out(`+ ${describeBrand(brand)}`);
  for (const brand of result.brands.removed) io.out(`- ${describeBrand(brand)}`);
  for (const change of result.brands.changed) {
    io.out(`~ ${describeBrand(change.before)} -> ${change.after.sites.join(' ')}`);
  }
  const brands = result.brands;
  const brandCount = brands.added.length + brands.removed.length + brands.changed.length;
  io.out(
    `${result.added.length} added, ${result.removed.length} removed, ${result.changed.length} changed ` +
      (brandCount === 0
        ? ''
        : `(brands: ${brands.added.length} added, ${brands.removed.length} removed, ${brands.changed.length} changed) `) +
      `(version ${before.payload.version} -> ${after.payload.version})`,
  );
  return 0;
}
