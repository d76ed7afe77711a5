/**
 * A copy of a built extension whose bundled snapshot is a registry the test writes. The
 * extension installs the bundled snapshot at start as it does in a user's browser, so a test
 * can show any entry without a registry server or a trusted signing key in the build.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RegistryPayload } from '../../../lib/registry/types';
import { requireBuild } from './browsers';

export interface ExtensionCopy {
  dir: string;
  remove(): void;
}

export function withBundledRegistry(buildDir: string, payload: RegistryPayload): ExtensionCopy {
  requireBuild(buildDir);
  const parent = mkdtempSync(path.join(tmpdir(), 'qorgan-build-'));
  const dir = path.join(parent, path.basename(buildDir));
  cpSync(buildDir, dir, { recursive: true });
  writeFileSync(path.join(dir, 'registry', 'bundled.json'), JSON.stringify(payload));
  return { dir, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

/** The device's calendar day `offset` days from today (YYYY-MM-DD), as the extension judges licences. */
export function localDayFromToday(offset: number): string {
  const date = new Date();
  date.setDate(date.getDate() + offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
