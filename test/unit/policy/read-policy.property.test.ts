import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICY_KEYS } from '../../../lib/policy/policy-keys';
import { parseManagedPolicy } from '../../../lib/policy/read-policy';
import { checkCanonicalTarget } from '../../../lib/registry/normalise-target';
import { normaliseTarget as normalisePolicyIndexTarget } from '../../../lib/url/normalise-target';

const policyKey = fc.constantFrom(...POLICY_KEYS);

/** Objects whose keys are mostly real policy keys, with values of any shape. */
const policyLike = fc.dictionary(fc.oneof(policyKey, fc.string()), fc.anything({ withNullPrototype: true }), {
  maxKeys: 12,
});

/** Lists of strings that look a little like hosts, URLs and keys. */
const hostish = fc.oneof(
  fc.domain(),
  fc.webUrl(),
  fc.webUrl().map((url) => url.toUpperCase()),
  fc.string({ unit: 'grapheme' }),
  fc.base64String(),
  fc.tuple(fc.domain(), fc.webPath()).map(([host, path]) => host + path),
);
const listValued = fc.record(
  {
    registryUrl: fc.oneof(fc.webUrl(), fc.string(), fc.constant('http://localhost/r.json')),
    trustedKeys: fc.array(fc.oneof(fc.base64String(), fc.anything()), { maxLength: 6 }),
    extraBlocked: fc.array(hostish, { maxLength: 6 }),
    extraAllowed: fc.array(hostish, { maxLength: 6 }),
    syncIntervalMinutes: fc.oneof(fc.integer(), fc.double()),
    blockMode: fc.string(),
  },
  { requiredKeys: [] },
);

const anyInput = fc.oneof(
  fc.anything({ withNullPrototype: true, withSparseArray: true }),
  policyLike,
  listValued,
);

describe('parseManagedPolicy on arbitrary input', () => {
  it('never throws, and always returns a policy and a list of problems', () => {
    fc.assert(
      fc.property(anyInput, (raw) => {
        const result = parseManagedPolicy(raw);
        expect(typeof result.policy).toBe('object');
        expect(Array.isArray(result.problems)).toBe(true);
        for (const problem of result.problems) {
          expect(typeof problem.key).toBe('string');
          expect(problem.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps only known keys, and its output reads back unchanged with no problems', () => {
    fc.assert(
      fc.property(anyInput, (raw) => {
        const { policy } = parseManagedPolicy(raw);
        for (const key of Object.keys(policy)) expect(POLICY_KEYS).toContain(key);
        expect(parseManagedPolicy(policy)).toEqual({ policy, problems: [] });
      }),
      { numRuns: 2000 },
    );
  });

  it('reads every present key either into the policy or into a problem', () => {
    fc.assert(
      fc.property(listValued, (raw) => {
        const { policy, problems } = parseManagedPolicy(raw);
        for (const key of Object.keys(raw)) {
          const kept = Object.hasOwn(policy, key);
          const reported = problems.some((problem) => problem.key === key);
          expect(kept || reported).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts every domain name, in lower case', () => {
    fc.assert(
      fc.property(fc.domain(), (domain) => {
        expect(parseManagedPolicy({ extraBlocked: [domain] })).toEqual({
          policy: { extraBlocked: [domain.toLowerCase()] },
          problems: [],
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('gives targets in the registry form, which the policy index reads unchanged', () => {
    fc.assert(
      fc.property(fc.array(hostish, { maxLength: 8 }), (targets) => {
        for (const target of parseManagedPolicy({ extraBlocked: targets }).policy.extraBlocked ?? []) {
          expect(checkCanonicalTarget(target), target).toBeNull();
          expect(normalisePolicyIndexTarget(target), target).toBe(target);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
