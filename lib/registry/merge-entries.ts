import { ENTRY_FIELDS, type RegistryEntry } from './types';

export interface SourcedEntry {
  entry: RegistryEntry;
  /** Where the row came from, for messages (`licensed.csv:4`). */
  origin: string;
}

export interface MergedEntries {
  /** One entry per target, sorted by target. */
  entries: RegistryEntry[];
  /** Rows that repeat an earlier row exactly, and were dropped. */
  duplicates: { target: string; origins: string[] }[];
  /** Targets given more than once with different content: the publisher must choose. */
  conflicts: { target: string; origins: string[] }[];
}

const FIELDS = ENTRY_FIELDS;

function sameEntry(a: RegistryEntry, b: RegistryEntry): boolean {
  return FIELDS.every((field) => a[field] === b[field]);
}

/** Removes duplicate targets; a target given twice with different content is a conflict, never resolved silently. */
export function mergeEntries(rows: readonly SourcedEntry[]): MergedEntries {
  const first = new Map<string, SourcedEntry>();
  const duplicates = new Map<string, string[]>();
  const conflicts = new Map<string, string[]>();
  for (const row of rows) {
    const target = row.entry.target;
    const earlier = first.get(target);
    if (earlier === undefined) {
      first.set(target, row);
      continue;
    }
    const bucket = sameEntry(earlier.entry, row.entry) ? duplicates : conflicts;
    const origins = bucket.get(target) ?? [earlier.origin];
    origins.push(row.origin);
    bucket.set(target, origins);
  }
  const entries = [...first.values()]
    .map((row) => row.entry)
    .sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
  const list = (map: Map<string, string[]>) =>
    [...map.entries()].map(([target, origins]) => ({ target, origins }));
  return { entries, duplicates: list(duplicates), conflicts: list(conflicts) };
}
