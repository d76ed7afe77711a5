/** Finding the OS browsers, and failing loudly when one is missing. */
import { existsSync } from 'node:fs';
import path from 'node:path';

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'];
const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

export const INSTALL_HINT =
  'Install the browsers from the OS packages: `sudo apt-get update && sudo apt-get install -y chromium firefox-esr`, ' +
  'or point QORGAN_CHROMIUM / QORGAN_FIREFOX at the executables.';

function find(envName: string, candidates: string[], label: string): string {
  const fromEnv = process.env[envName];
  const found = [fromEnv, ...candidates].find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error(`${label} was not found. ${INSTALL_HINT}`);
  return found;
}

export const chromiumPath = (): string => find('QORGAN_CHROMIUM', CHROMIUM_CANDIDATES, 'Chromium');
export const firefoxPath = (): string => find('QORGAN_FIREFOX', FIREFOX_CANDIDATES, 'Firefox');

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const CHROME_BUILD = path.join(ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD = path.join(ROOT, '.output/firefox-mv2');
export const CHROME_EXTENSION_ID = 'pkbehbehdgokiljigiiaaciccfpmabkk';
export const GECKO_ID = 'qorgan@qorgan.kz';
/** Fixed internal UUID for the Firefox test profile, so moz-extension:// URLs are known. */
export const FIREFOX_INTERNAL_UUID = '6f1d2c3e-7a51-4b7e-9c55-2f0b9e0d4a11';

export function requireBuild(dir: string): void {
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(
      `No extension build in ${path.relative(ROOT, dir)}: run \`npm run build\` and \`npm run build:firefox\` first.`,
    );
  }
}
