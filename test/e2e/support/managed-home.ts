/**
 * Firefox reads an add-on's managed storage (`storage.managed`) from a
 * manifest under the user's home, `~/.mozilla/managed-storage/<add-on id>.json`.
 * A throwaway home with that file gives one test browser a policy without
 * touching any file outside it: nothing machine-wide, no root.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GECKO_ID } from './browsers';

export interface ManagedHome {
  home: string;
  remove(): void;
}

export function managedHome(policy: Record<string, unknown>): ManagedHome {
  const home = mkdtempSync(path.join(tmpdir(), 'qorgan-home-'));
  const dir = path.join(home, '.mozilla', 'managed-storage');
  mkdirSync(dir, { recursive: true });
  const manifest = { name: GECKO_ID, description: 'Qorgan test policy', type: 'storage', data: policy };
  writeFileSync(path.join(dir, `${GECKO_ID}.json`), JSON.stringify(manifest));
  return { home, remove: () => rmSync(home, { recursive: true, force: true }) };
}
