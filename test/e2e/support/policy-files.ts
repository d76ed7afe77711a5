/**
 * Machine-wide browser policy files for the enterprise tests. Each write keeps
 * what was there before and puts it back, also when the test fails.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ManagedPolicy } from '../../../lib/policy/types';
import { CHROME_EXTENSION_ID, GECKO_ID } from './browsers';

export const CHROMIUM_POLICY_FILE = '/etc/chromium/policies/managed/qorgan-e2e.json';
export const FIREFOX_POLICY_FILE = '/etc/firefox/policies/policies.json';

export function requireRoot(): void {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(
      'The enterprise tests write browser policy files under /etc and must run as root (CI does). ' +
        'Run `sudo npm test`, or `sudo npx playwright test --project=policy`.',
    );
  }
}

export interface PolicyFile {
  write(policy: Record<string, unknown>): void;
  remove(): void;
  restore(): void;
}

function policyFile(file: string, wrap: (policy: Record<string, unknown>) => unknown): PolicyFile {
  const before = existsSync(file) ? readFileSync(file) : null;
  return {
    write(policy) {
      requireRoot();
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(wrap(policy), null, 2));
    },
    remove() {
      rmSync(file, { force: true });
    },
    restore() {
      if (before === null) rmSync(file, { force: true });
      else writeFileSync(file, before);
    },
  };
}

export function chromiumPolicyFile(): PolicyFile {
  return policyFile(CHROMIUM_POLICY_FILE, (policy) => ({
    '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: policy } },
  }));
}

export function firefoxPolicyFile(): PolicyFile {
  return policyFile(FIREFOX_POLICY_FILE, (policy) => ({
    policies: { '3rdparty': { Extensions: { [GECKO_ID]: policy } } },
  }));
}

export type TestPolicy = ManagedPolicy | Record<string, unknown>;
