/**
 * A copy of the built extension whose bundled snapshot is a test registry.
 * The snapshot is read at start, before any sync, and is not signed: no
 * rebuild, no key, and the Chrome ID stays the same (the manifest's `key`).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RegistryEntry } from '../../../lib/registry/types';
import { requireBuild } from './browsers';
import { testPayload } from './registry';

export interface RegistryBuild {
  dir: string;
  remove(): void;
}

export function buildWithRegistry(buildDir: string, entries: RegistryEntry[]): RegistryBuild {
  requireBuild(buildDir);
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'qorgan-build-')), path.basename(buildDir));
  cpSync(buildDir, dir, { recursive: true });
  writeFileSync(path.join(dir, 'registry/bundled.json'), JSON.stringify(testPayload(1, entries)));
  return { dir, remove: () => rmSync(path.dirname(dir), { recursive: true, force: true }) };
}

/** One entry per verdict a link can be marked with, and the blocked Telegram bot. */
export const LINK_REGISTRY: RegistryEntry[] = [
  { target: 'bybit.kz', status: 'licensed', name: 'Bybit Kazakhstan', brand: 'bybit', source: 'org' },
  { target: 'coinbase.com', status: 'blocked', name: 'Coinbase', source: 'org' },
  { target: 'okx.com', status: 'warning', name: 'OKX', source: 'org' },
  { target: 't.me/obmen_kzt_bot', status: 'blocked', source: 'org' },
];
