/**
 * Checks the bundled registry snapshot: the build runs it first (the
 * `build:before` hook in wxt.config.ts) and fails when it does not pass.
 * Also runnable alone: `npx tsx scripts/check-snapshot.ts [file]`.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePayload } from '../lib/registry/validate-payload';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SNAPSHOT_PATH = resolve(ROOT, 'public/registry/bundled.json');
const WARN_BEFORE_EXPIRY_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface SnapshotReport {
  errors: string[];
  warnings: string[];
  summary: string;
}

export async function checkSnapshot(
  path: string = SNAPSHOT_PATH,
  now: Date = new Date(),
): Promise<SnapshotReport> {
  const errors: string[] = [];
  const warnings: string[] = [];
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return {
      errors: [`cannot read ${path}: ${error instanceof Error ? error.message : ''}`],
      warnings,
      summary: '',
    };
  }
  const result = parsePayload(bytes);
  if (!result.ok) {
    return {
      errors: [`${result.code}${result.detail === undefined ? '' : `: ${result.detail}`}`],
      warnings,
      summary: '',
    };
  }
  const { payload, skipped, dropped } = result;
  if (skipped > 0) errors.push(`${skipped} entries have a status or validUntil this version cannot read`);
  if (dropped.brands + dropped.sites > 0) {
    errors.push(`${dropped.brands} brands and ${dropped.sites} brand sites would be dropped`);
  }
  for (const entry of payload.entries) {
    if (entry.source === undefined) errors.push(`${entry.target} has no source`);
  }
  const expiresIn = Date.parse(payload.expiresAt) - now.getTime();
  if (expiresIn <= 0) {
    warnings.push(`the snapshot expired at ${payload.expiresAt}: rebuild it (see data/kz/README.md)`);
  } else if (expiresIn < WARN_BEFORE_EXPIRY_DAYS * DAY_MS) {
    warnings.push(`the snapshot expires at ${payload.expiresAt}: rebuild it soon (see data/kz/README.md)`);
  }
  const brands = payload.brands?.length ?? 0;
  const summary = `bundled registry version ${payload.version}: ${payload.entries.length} entries, ${brands} brands, expires ${payload.expiresAt}`;
  return { errors, warnings, summary };
}

/** Throws when the snapshot does not validate, which stops the build. */
export async function assertSnapshotValid(path: string = SNAPSHOT_PATH): Promise<void> {
  const report = await checkSnapshot(path);
  for (const warning of report.warnings) console.warn(`registry snapshot: ${warning}`);
  if (report.errors.length > 0) {
    throw new Error(`the bundled registry snapshot ${path} is invalid:\n  ${report.errors.join('\n  ')}`);
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const report = await checkSnapshot(
    process.argv[2] === undefined ? SNAPSHOT_PATH : resolve(process.argv[2]),
  );
  for (const warning of report.warnings) console.warn(`warning: ${warning}`);
  for (const error of report.errors) console.error(`error: ${error}`);
  if (report.errors.length === 0) console.log(`ok: ${report.summary}`);
  process.exitCode = report.errors.length === 0 ? 0 : 1;
}
