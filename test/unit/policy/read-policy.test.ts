import { describe, expect, it } from 'vitest';
import { parseManagedPolicy } from '../../../lib/policy/read-policy';
import { POLICY_ROOT_KEY } from '../../../lib/policy/policy-keys';
import type { PolicyProblem } from '../../../lib/policy/types';

const KEY_A = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => i)));
const KEY_B = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => 255 - i)));

function keyOfBytes(length: number): string {
  return btoa(String.fromCharCode(...new Uint8Array(length).fill(7)));
}

function only(problems: PolicyProblem[], key: string): PolicyProblem[] {
  return problems.filter((problem) => problem.key === key);
}

const FULL_POLICY = {
  registryUrl: 'https://registry.example.kz/registry.json',
  trustedKeys: [KEY_A, KEY_B],
  extraBlocked: ['scam-exchange.example', 't.me/obmen_kzt_bot'],
  extraAllowed: ['intranet-exchange.example.kz'],
  allowBypass: false,
  blockMode: 'block',
  detectUnregistered: false,
  syncIntervalMinutes: 60,
};

describe('parseManagedPolicy: a good policy', () => {
  it('keeps every key of a well-formed policy, with no problems', () => {
    expect(parseManagedPolicy(FULL_POLICY)).toEqual({ policy: FULL_POLICY, problems: [] });
  });

  it('treats a missing policy as empty (Firefox without a policy, Chrome without one)', () => {
    expect(parseManagedPolicy(undefined)).toEqual({ policy: {}, problems: [] });
    expect(parseManagedPolicy(null)).toEqual({ policy: {}, problems: [] });
    expect(parseManagedPolicy({})).toEqual({ policy: {}, problems: [] });
  });

  it('keeps an empty list as set: the organisation said "none"', () => {
    expect(parseManagedPolicy({ extraBlocked: [], trustedKeys: [] })).toEqual({
      policy: { extraBlocked: [], trustedKeys: [] },
      problems: [],
    });
  });

  it('accepts both bounds of the sync interval', () => {
    expect(parseManagedPolicy({ syncIntervalMinutes: 15 }).policy).toEqual({ syncIntervalMinutes: 15 });
    expect(parseManagedPolicy({ syncIntervalMinutes: 10_080 }).policy).toEqual({
      syncIntervalMinutes: 10_080,
    });
  });

  it('accepts both block modes', () => {
    expect(parseManagedPolicy({ blockMode: 'warn' }).policy).toEqual({ blockMode: 'warn' });
    expect(parseManagedPolicy({ blockMode: 'block' }).policy).toEqual({ blockMode: 'block' });
  });

  it('ignores an own key whose value is undefined, and inherited keys', () => {
    const inherited = Object.create({ blockMode: 'block' }) as object;
    expect(parseManagedPolicy({ blockMode: undefined })).toEqual({ policy: {}, problems: [] });
    expect(parseManagedPolicy(inherited)).toEqual({ policy: {}, problems: [] });
  });
});

describe('parseManagedPolicy: the policy as a whole is not an object', () => {
  it.each([
    ['a string', 'registryUrl=https://x'],
    ['a number', 42],
    ['a boolean', true],
    ['an array', [{ blockMode: 'block' }]],
  ])('ignores %s with one problem', (_name, raw) => {
    const { policy, problems } = parseManagedPolicy(raw);
    expect(policy).toEqual({});
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ key: POLICY_ROOT_KEY, code: 'not-an-object' });
  });
});

describe('parseManagedPolicy: registryUrl', () => {
  it.each([
    ['https: to any host', 'https://registry.example.kz/r.json', 'https://registry.example.kz/r.json'],
    ['http: to localhost', 'http://localhost:8080/r.json', 'http://localhost:8080/r.json'],
    ['http: to 127.0.0.1', 'http://127.0.0.1:9000/r.json', 'http://127.0.0.1:9000/r.json'],
    ['http: to LOCALHOST in capitals', 'http://LOCALHOST/r.json', 'http://localhost/r.json'],
    ['surrounding white space', '  https://registry.example.kz/  ', 'https://registry.example.kz/'],
    ['an IDN host', 'https://реестр.example/r.json', 'https://xn--e1aa5aceg.example/r.json'],
  ])('accepts %s', (_name, raw, expected) => {
    expect(parseManagedPolicy({ registryUrl: raw })).toEqual({
      policy: { registryUrl: expected },
      problems: [],
    });
  });

  it.each([
    ['not a URL', 'registry.example.kz/r.json', 'invalid-url'],
    ['words', 'our registry', 'invalid-url'],
    ['empty', '', 'invalid-url'],
    ['http: to a public host', 'http://registry.example.kz/r.json', 'insecure-url'],
    ['http: to a private address', 'http://10.0.0.5/r.json', 'insecure-url'],
    [
      'http: to a host that only starts with localhost',
      'http://localhost.evil.example/r.json',
      'insecure-url',
    ],
    ['ftp:', 'ftp://registry.example.kz/r.json', 'unsupported-scheme'],
    ['file:', 'file:///etc/registry.json', 'unsupported-scheme'],
    ['javascript:', 'javascript:alert(1)', 'unsupported-scheme'],
    ['data:', 'data:application/json,{}', 'unsupported-scheme'],
    ['credentials', 'https://user:secret@registry.example.kz/r.json', 'url-with-credentials'],
    ['a number', 443, 'wrong-type'],
    ['a list', ['https://registry.example.kz/'], 'wrong-type'],
    ['null', null, 'wrong-type'],
  ])('refuses %s with a reason, and keeps the rest', (_name, raw, code) => {
    const { policy, problems } = parseManagedPolicy({ registryUrl: raw, blockMode: 'block' });
    expect(policy).toEqual({ blockMode: 'block' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ key: 'registryUrl', code });
    expect(problems[0]?.reason).toMatch(/ignored$/);
  });

  it('names the offending host when http: goes to a public one', () => {
    const [problem] = parseManagedPolicy({ registryUrl: 'http://registry.example.kz/' }).problems;
    expect(problem?.reason).toContain('registry.example.kz');
    expect(problem?.reason).toContain('https:');
  });
});

describe('parseManagedPolicy: trustedKeys', () => {
  it('keeps good keys and drops each bad one with its own reason', () => {
    const { policy, problems } = parseManagedPolicy({
      trustedKeys: [KEY_A, keyOfBytes(31), 'not base64 at all!', keyOfBytes(33), 42, KEY_B, keyOfBytes(64)],
    });
    expect(policy.trustedKeys).toEqual([KEY_A, KEY_B]);
    expect(problems.map((problem) => problem.code)).toEqual([
      'wrong-key-length',
      'not-base64',
      'wrong-key-length',
      'wrong-type',
      'wrong-key-length',
    ]);
    expect(problems.every((problem) => problem.key === 'trustedKeys')).toBe(true);
    expect(problems[0]?.reason).toBe('item 2 dropped: decodes to 31 bytes; an Ed25519 public key is 32');
    expect(problems[3]?.item).toBe('42');
  });

  it.each([
    ['hex', '00'.repeat(32), /hex/],
    [
      'base64url',
      KEY_A.replace(/\+/g, '-').replace(/\//g, '_').replace(/=$/, '').replace(/^A/, '-'),
      /base64url/,
    ],
    ['white space inside', `${KEY_A.slice(0, 20)} ${KEY_A.slice(20)}`, /not base64/],
    ['padding in the middle', `${KEY_A.slice(0, 20)}=${KEY_A.slice(21)}`, /not base64/],
    ['an empty string', '', /not base64/],
    ['a single character', 'A', /not base64/],
  ])('says why a key in %s is refused', (_name, key, reason) => {
    const [problem] = parseManagedPolicy({ trustedKeys: [key] }).problems;
    expect(problem?.code).toBe('not-base64');
    expect(problem?.reason).toMatch(reason);
  });

  it('accepts a key without padding and counts one key written twice once', () => {
    const { policy, problems } = parseManagedPolicy({
      trustedKeys: [KEY_A, KEY_A.replace(/=$/, ''), ` ${KEY_A} `],
    });
    expect(problems).toEqual([]);
    expect(policy.trustedKeys).toEqual([KEY_A]);
  });

  it('refuses a list that is not a list', () => {
    const { policy, problems } = parseManagedPolicy({ trustedKeys: KEY_A });
    expect(policy).toEqual({});
    expect(problems).toEqual([
      { key: 'trustedKeys', code: 'wrong-type', reason: 'must be a list of strings, got a string; ignored' },
    ]);
  });
});

describe('parseManagedPolicy: extraBlocked and extraAllowed', () => {
  const JUNK: [string, unknown][] = [
    ['an empty string', ''],
    ['blanks', '   '],
    ['a number', 7],
    ['null', null],
    ['an object', { host: 'bybit.com' }],
    ['a nested list', ['bybit.com']],
    ['a single word', 'localhost'],
    ['punctuation', 'not a domain!'],
    ['a wildcard', '*.scam.example'],
    ['a port', 'scam.example:8443'],
    ['a query', 'scam.example/?ref=1'],
    ['a fragment', 'scam.example/#top'],
    ['credentials', 'user@scam.example'],
    ['an IPv6 address', '[::1]'],
    ['another scheme', 'ftp://scam.example'],
    ['an https: URL', 'https://scam.example/path'],
    ['an http: URL', 'HTTP://scam.example'],
    ['a scheme alone', 'https://'],
    ['dots only', '..'],
    ['an empty label', 'scam..example'],
    ['a leading hyphen', '-scam.example'],
    ['a label over 63 characters', `${'a'.repeat(64)}.example`],
    ['a numeric top-level label', 'scam.123'],
    ['an overlong target', `scam.example/${'p'.repeat(2100)}`],
  ];

  it.each(JUNK)('drops %s from extraBlocked with a reason and keeps the good ones', (_name, junk) => {
    const { policy, problems } = parseManagedPolicy({
      extraBlocked: ['good.example', junk, 'also-good.example'],
    });
    expect(policy.extraBlocked).toEqual(['good.example', 'also-good.example']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ key: 'extraBlocked' });
    expect(['invalid-target', 'wrong-type']).toContain(problems[0]?.code);
    expect(problems[0]?.reason).toMatch(/^item 2 dropped: /);
  });

  it.each(JUNK)('drops %s from extraAllowed too', (_name, junk) => {
    const { policy, problems } = parseManagedPolicy({ extraAllowed: [junk] });
    expect(policy.extraAllowed).toEqual([]);
    expect(only(problems, 'extraAllowed')).toHaveLength(1);
  });

  it.each([
    ['lower case', 'Scam.EXAMPLE', 'scam.example'],
    ['a trailing dot', 'scam.example.', 'scam.example'],
    ['an IDN in punycode', 'биржа.kz', 'xn--80abph4b.kz'],
    ['a host and path', 'T.me/Obmen_KZT_bot', 't.me/obmen_kzt_bot'],
    ['a trailing slash', 'binance.com/en-kz/', 'binance.com/en-kz'],
    ['a bare slash', 'scam.example/', 'scam.example'],
    ['an IPv4 address', '203.0.113.7', '203.0.113.7'],
    ['an underscore', 'my_host.example', 'my_host.example'],
  ])('normalises %s', (_name, raw, expected) => {
    expect(parseManagedPolicy({ extraBlocked: [raw] })).toEqual({
      policy: { extraBlocked: [expected] },
      problems: [],
    });
  });

  it('keeps each target once', () => {
    expect(
      parseManagedPolicy({ extraBlocked: ['a.example', 'A.example.', 'a.example/', ' a.example '] }).policy,
    ).toEqual({
      extraBlocked: ['a.example'],
    });
  });

  it('leaves a target named in both lists in both: the verdict rules decide', () => {
    expect(parseManagedPolicy({ extraBlocked: ['both.example'], extraAllowed: ['Both.Example'] })).toEqual({
      policy: { extraBlocked: ['both.example'], extraAllowed: ['both.example'] },
      problems: [],
    });
  });

  it('explains why a scheme, a wildcard or a single name is refused', () => {
    const reasons = parseManagedPolicy({
      extraBlocked: ['https://scam.example', '*.scam.example', 'intranet'],
    }).problems.map((problem) => problem.reason);
    expect(reasons).toEqual([
      'item 1 dropped: "https://scam.example" has a scheme; write the host alone, such as example.com or t.me/channel',
      'item 2 dropped: "*.scam.example" has a wildcard; a host target already covers every subdomain',
      'item 3 dropped: "intranet" is a single name, not a host such as example.com',
    ]);
  });

  it('reports at most 20 bad items one by one, and counts the rest', () => {
    const { policy, problems } = parseManagedPolicy({
      extraBlocked: [...Array<string>(25).fill('!'), 'ok.example'],
    });
    expect(policy.extraBlocked).toEqual(['ok.example']);
    expect(problems).toHaveLength(21);
    expect(problems[20]?.reason).toBe('5 more bad items dropped');
  });

  it('refuses a single string where a list belongs', () => {
    expect(parseManagedPolicy({ extraBlocked: 'scam.example' }).problems).toEqual([
      { key: 'extraBlocked', code: 'wrong-type', reason: 'must be a list of strings, got a string; ignored' },
    ]);
  });
});

describe('parseManagedPolicy: booleans and blockMode', () => {
  it.each([['true'], [1], [0], [null], [{}]])('refuses %j as allowBypass and detectUnregistered', (raw) => {
    const { policy, problems } = parseManagedPolicy({ allowBypass: raw, detectUnregistered: raw });
    expect(policy).toEqual({});
    expect(problems.map((problem) => [problem.key, problem.code])).toEqual([
      ['allowBypass', 'wrong-type'],
      ['detectUnregistered', 'wrong-type'],
    ]);
  });

  it.each([['Block'], ['BLOCK'], ['deny'], ['redirect'], [''], [' block']])(
    'refuses the unknown blockMode %j, naming the allowed values',
    (raw) => {
      const { policy, problems } = parseManagedPolicy({ blockMode: raw, allowBypass: false });
      expect(policy).toEqual({ allowBypass: false });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ key: 'blockMode', code: 'not-allowed-value' });
      expect(problems[0]?.reason).toContain('"warn" or "block"');
    },
  );

  it('refuses a blockMode that is not a string', () => {
    expect(parseManagedPolicy({ blockMode: true }).problems[0]).toMatchObject({ code: 'wrong-type' });
  });
});

describe('parseManagedPolicy: syncIntervalMinutes', () => {
  it.each([
    ['0', 0, 'below-minimum'],
    ['negative', -60, 'below-minimum'],
    ['minus zero', -0, 'below-minimum'],
    ['just below the floor', 14, 'below-minimum'],
    ['just above the ceiling', 10_081, 'above-maximum'],
    ['huge', 1e12, 'above-maximum'],
    ['beyond safe integers', Number.MAX_VALUE, 'above-maximum'],
    ['non-integer', 22.5, 'not-an-integer'],
    ['NaN', Number.NaN, 'not-an-integer'],
    ['Infinity', Number.POSITIVE_INFINITY, 'not-an-integer'],
    ['a numeric string', '60', 'wrong-type'],
    ['a boolean', true, 'wrong-type'],
  ])('refuses %s (not clamped), and keeps the rest', (_name, raw, code) => {
    const { policy, problems } = parseManagedPolicy({ syncIntervalMinutes: raw, detectUnregistered: false });
    expect(policy).toEqual({ detectUnregistered: false });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ key: 'syncIntervalMinutes', code });
  });

  it('gives the floor in the reason', () => {
    expect(parseManagedPolicy({ syncIntervalMinutes: 0 }).problems[0]?.reason).toBe(
      'must be at least 15 minutes, got 0; ignored',
    );
  });
});

describe('parseManagedPolicy: unknown keys', () => {
  it('reports each unknown key, harmlessly', () => {
    const { policy, problems } = parseManagedPolicy({ blockMode: 'block', colour: 'red', blockmode: 'warn' });
    expect(policy).toEqual({ blockMode: 'block' });
    expect(problems).toEqual([
      { key: 'colour', code: 'unknown-key', reason: 'is not a Qorgan policy; ignored' },
      {
        key: 'blockmode',
        code: 'unknown-key',
        reason: 'is not a Qorgan policy (did you mean blockMode?); ignored',
      },
    ]);
  });

  it('treats keys of Object.prototype as unknown, and is not polluted by __proto__', () => {
    const raw = JSON.parse(
      '{"__proto__": {"blockMode": "block"}, "constructor": 1, "toString": 2}',
    ) as unknown;
    const { policy, problems } = parseManagedPolicy(raw);
    expect(policy).toEqual({});
    expect(Object.getPrototypeOf(policy)).toBe(Object.prototype);
    expect(problems.map((problem) => problem.key)).toEqual(['__proto__', 'constructor', 'toString']);
  });
});

describe('parseManagedPolicy: a value that cannot be read', () => {
  it('reports a throwing getter and keeps the rest', () => {
    const raw = {
      blockMode: 'block',
      get registryUrl(): string {
        throw new Error('boom');
      },
    };
    const { policy, problems } = parseManagedPolicy(raw);
    expect(policy).toEqual({ blockMode: 'block' });
    expect(problems).toEqual([expect.objectContaining({ key: 'registryUrl', code: 'unreadable' })]);
  });

  it('reports a policy whose keys cannot be listed', () => {
    const raw = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    expect(parseManagedPolicy(raw).problems).toEqual([expect.objectContaining({ code: 'unreadable' })]);
  });
});

describe('parseManagedPolicy: a policy with everything wrong at once', () => {
  it('keeps the good values and gives one reason per bad one', () => {
    const { policy, problems } = parseManagedPolicy({
      registryUrl: 'ftp://registry.example.kz/',
      trustedKeys: [KEY_A, 'short'],
      extraBlocked: ['scam.example', 'junk junk'],
      extraAllowed: ['fine.example'],
      allowBypass: 'no',
      blockMode: 'nuke',
      detectUnregistered: true,
      syncIntervalMinutes: 0,
      theme: 'dark',
    });
    expect(policy).toEqual({
      trustedKeys: [KEY_A],
      extraBlocked: ['scam.example'],
      extraAllowed: ['fine.example'],
      detectUnregistered: true,
    });
    expect(problems.map((problem) => problem.key)).toEqual([
      'registryUrl',
      'trustedKeys',
      'extraBlocked',
      'allowBypass',
      'blockMode',
      'syncIntervalMinutes',
      'theme',
    ]);
  });
});
