import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { POLICY_KEYS } from '../../../lib/policy/policy-keys';
import { parseManagedPolicy } from '../../../lib/policy/read-policy';
import config, { GECKO_ID } from '../../../wxt.config';
import { loadManagedSchema, schemaErrors } from './chrome-schema';
import { type PlistValue, parsePlist, parseRegFile, regPolicy } from './example-formats';

const EXAMPLES = new URL('../../../docs/examples/', import.meta.url);
const ENTERPRISE_DOC = new URL('../../../docs/enterprise.md', import.meta.url);
const WEB_STORE_UPDATE_URL = 'https://clients2.google.com/service/update2/crx';
const schema = loadManagedSchema();

/** The documented Chrome ID, which the manifest key must produce. */
const CHROME_ID = 'pkbehbehdgokiljigiiaaciccfpmabkk';

interface Example {
  /** The policy for our extension, as the browser hands it to `storage.managed`. */
  policy: unknown;
  /** How the example installs the extension. */
  install: { mode: unknown; url: unknown };
}

function read(name: string): string {
  return readFileSync(new URL(name, EXAMPLES), 'utf8');
}

function get(value: unknown, ...path: string[]): unknown {
  let node = value;
  for (const step of path) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[step];
  }
  return node;
}

function chromeJson(name: string): Example {
  const file = JSON.parse(read(name)) as unknown;
  const settings = get(file, 'ExtensionSettings', CHROME_ID);
  return {
    policy: get(file, '3rdparty', 'extensions', CHROME_ID),
    install: { mode: get(settings, 'installation_mode'), url: get(settings, 'update_url') },
  };
}

function mcxSettings(profile: PlistValue, domain: string): unknown {
  const payloads = get(profile, 'PayloadContent');
  if (!Array.isArray(payloads)) return undefined;
  const payload = payloads.find((item) => get(item, 'PayloadContent', domain) !== undefined);
  const forced = get(payload, 'PayloadContent', domain, 'Forced');
  return Array.isArray(forced) ? get(forced[0], 'mcx_preference_settings') : undefined;
}

const READERS: Record<string, () => Example> = {
  'chrome-policy-linux.json': () => chromeJson('chrome-policy-linux.json'),
  'chromium-extension-settings.json': () => chromeJson('chromium-extension-settings.json'),
  'chrome-policy-windows.reg': () => {
    const keys = parseRegFile(read('chrome-policy-windows.reg'));
    const root = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome';
    const forced = [...(keys.get(`${root}\\ExtensionInstallForcelist`.toUpperCase())?.values() ?? [])]
      .map((entry) => String(entry.value))
      .find((entry) => entry.startsWith(`${CHROME_ID};`));
    return {
      policy: regPolicy(keys, `${root}\\3rdparty\\extensions\\${CHROME_ID}\\policy`, schema),
      install: { mode: forced === undefined ? undefined : 'force_installed', url: forced?.split(';')[1] },
    };
  },
  'chrome-policy-macos.mobileconfig': () => {
    const profile = parsePlist(read('chrome-policy-macos.mobileconfig'));
    const settings = get(mcxSettings(profile, 'com.google.Chrome'), 'ExtensionSettings', CHROME_ID);
    return {
      policy: mcxSettings(profile, `com.google.Chrome.extensions.${CHROME_ID}`),
      install: { mode: get(settings, 'installation_mode'), url: get(settings, 'update_url') },
    };
  },
  'firefox-policies.json': () => {
    const file = JSON.parse(read('firefox-policies.json')) as unknown;
    const settings = get(file, 'policies', 'ExtensionSettings', GECKO_ID);
    return {
      policy: get(file, 'policies', '3rdparty', 'Extensions', GECKO_ID),
      install: { mode: get(settings, 'installation_mode'), url: get(settings, 'install_url') },
    };
  },
};

describe('the extension IDs in the docs', () => {
  let manifestKey: unknown;
  beforeAll(async () => {
    const env = { browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' } as const;
    const manifest = await (typeof config.manifest === 'function' ? config.manifest(env) : config.manifest);
    manifestKey = manifest?.key;
  });

  it('the Chrome ID is the one the manifest key gives', () => {
    expect(typeof manifestKey).toBe('string');
    const digest = createHash('sha256')
      .update(Buffer.from(String(manifestKey), 'base64'))
      .digest('hex')
      .slice(0, 32);
    const id = [...digest].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
    expect(id).toBe(CHROME_ID);
  });

  it('docs/enterprise.md prints both IDs', () => {
    const doc = readFileSync(ENTERPRISE_DOC, 'utf8');
    expect(doc).toContain(CHROME_ID);
    expect(doc).toContain(GECKO_ID);
  });
});

describe('docs/examples', () => {
  const files = readdirSync(EXAMPLES).sort();

  it('has a reader here for every example file', () => {
    expect(files).toEqual(Object.keys(READERS).sort());
  });

  it('every example file is linked from docs/enterprise.md', () => {
    const doc = readFileSync(ENTERPRISE_DOC, 'utf8');
    for (const file of files) expect(doc, file).toContain(`examples/${file}`);
  });

  describe.each(Object.entries(READERS))('%s', (_name, readExample) => {
    it('sets every policy key, and passes the reader with no problems', () => {
      const { policy } = readExample();
      const parsed = parseManagedPolicy(policy);
      expect(parsed.problems).toEqual([]);
      expect(Object.keys(parsed.policy).sort()).toEqual([...POLICY_KEYS].sort());
      expect(parsed.policy).toEqual(policy);
    });

    it("matches the extension's managed schema", () => {
      expect(schemaErrors(schema, readExample().policy)).toEqual([]);
    });

    it('force-installs the extension from an https: address', () => {
      const { install } = readExample();
      expect(install.mode).toBe('force_installed');
      expect(String(install.url)).toMatch(/^https:\/\//);
    });
  });

  it('Chrome examples install from the Chrome Web Store, except the self-hosted Chromium one', () => {
    for (const name of [
      'chrome-policy-linux.json',
      'chrome-policy-windows.reg',
      'chrome-policy-macos.mobileconfig',
    ]) {
      expect(READERS[name]?.().install.url, name).toBe(WEB_STORE_UPDATE_URL);
    }
    expect(READERS['chromium-extension-settings.json']?.().install.url).not.toBe(WEB_STORE_UPDATE_URL);
  });

  it('all examples carry the same policy, so the docs describe one deployment', () => {
    const policies = Object.values(READERS).map((readExample) => readExample().policy);
    for (const policy of policies) expect(policy).toEqual(policies[0]);
  });
});

describe('the example readers themselves', () => {
  const key = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\x\\policy';

  it('read a .reg file as Chrome does, so a bad value is caught', () => {
    const reg = [
      'Windows Registry Editor Version 5.00',
      `[${key}]`,
      '"allowBypass"=dword:00000001',
      '"syncIntervalMinutes"=dword:00000000',
      '"blockMode"="Block"',
      `[${key}\\extraBlocked]`,
      '"2"="b.example"',
      '"1"="a.example"',
      '"name"="ignored, not numbered"',
    ].join('\r\n');
    const policy = regPolicy(parseRegFile(reg), key, schema);
    expect(policy).toEqual({
      allowBypass: true,
      syncIntervalMinutes: 0,
      blockMode: 'Block',
      extraBlocked: ['a.example', 'b.example'],
    });
    expect(parseManagedPolicy(policy).problems.map((problem) => problem.key)).toEqual([
      'syncIntervalMinutes',
      'blockMode',
    ]);
    expect(schemaErrors(schema, policy)).toHaveLength(2);
  });

  it('read an XML property list', () => {
    const plist = `<?xml version="1.0"?><plist version="1.0"><dict>
      <key>a</key><array><string>x &amp; y</string><integer>15</integer><true/><false/><string/></array>
      <key>b</key><dict/></dict></plist>`.replace('<dict/>', '<dict></dict>');
    expect(parsePlist(plist)).toEqual({ a: ['x & y', 15, true, false, ''], b: {} });
  });
});
