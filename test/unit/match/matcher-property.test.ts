import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../lib/match/build-index';
import { matchHost } from '../../../lib/match/most-specific-entry';
import { deserializeIndex, serializeIndex } from '../../../lib/match/serialize-index';
import { referenceMatch } from './reference-matcher';

// A small alphabet, so that random targets and URLs share hosts and paths often.
const label = fc.constantFrom('a', 'b', 'kz', 'com', 'pay', 'xn--80ak6aa92e');
const host = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
const segment = fc.constantFrom('x', 'y', 'en-kz', 'en-kzx', 'p2p', '');
const targetPath = fc.oneof(
  fc.constant(''),
  fc.array(segment, { minLength: 1, maxLength: 3 }).map((segments) => `/${segments.join('/')}`),
);
const status = fc.constantFrom('licensed', 'blocked', 'warning' as const);
const entry = fc.record({ target: fc.tuple(host, targetPath).map(([h, p]) => h + p), status });
const urlPath = fc
  .tuple(fc.array(segment, { maxLength: 4 }), fc.boolean())
  .map(([segments, trailing]) => `/${segments.join('/')}${trailing && segments.length > 0 ? '/' : ''}`);

describe('matcher against the plain reference', () => {
  it('finds the same entry for any entry set and any host and path', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 40 }),
        fc.array(fc.tuple(host, urlPath), { maxLength: 30 }),
        (entries, queries) => {
          const index = buildIndex(entries);
          for (const [queryHost, queryPath] of queries) {
            const expected = referenceMatch(entries, queryHost, queryPath);
            const actual = matchHost(index, queryHost, queryPath);
            expect(actual && { ordinal: actual.ordinal, target: actual.target }).toEqual(expected);
            if (actual) expect(actual.status).toBe(entries[actual.ordinal]?.status);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers the same after a round trip through the stored record', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 60 }),
        fc.array(fc.tuple(host, urlPath), { maxLength: 20 }),
        (entries, queries) => {
          const built = buildIndex(entries);
          const loaded = deserializeIndex(serializeIndex(built));
          for (const [queryHost, queryPath] of queries) {
            expect(matchHost(loaded, queryHost, queryPath)).toEqual(matchHost(built, queryHost, queryPath));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('finds every entry of a large random set by its own target', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.domain(), { minLength: 200, maxLength: 400 }), (domains) => {
        const targets = domains.map((domain) => domain.toLowerCase());
        const index = buildIndex(targets.map((target) => ({ target, status: 'blocked' as const })));
        targets.forEach((target, ordinal) => {
          const found = matchHost(index, target, '/');
          expect(found?.target).toBe(target);
          expect(targets.indexOf(target)).toBe(found?.ordinal ?? -1);
          expect(ordinal).toBeGreaterThanOrEqual(found?.ordinal ?? Infinity);
        });
      }),
      { numRuns: 20 },
    );
  });

  it('finds every entry of a set of path targets, more records than entries', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.domain(), { minLength: 50, maxLength: 200 }),
        fc.array(fc.tuple(host, urlPath), { maxLength: 20 }),
        (domains, queries) => {
          const entries = domains.map((domain, i) => ({
            target: `${domain.toLowerCase()}/p${i % 3}`,
            status: (['licensed', 'blocked', 'warning'] as const)[i % 3] ?? 'blocked',
          }));
          const index = buildIndex(entries);
          // One key for each entry and one for each host that has paths.
          expect(index.keyCount).toBe(entries.length + new Set(domains.map((d) => d.toLowerCase())).size);
          entries.forEach((entry, ordinal) => {
            const [entryHost = '', path = ''] = entry.target.split('/');
            const found = matchHost(index, entryHost, `/${path}`);
            expect(found && { ordinal: found.ordinal, status: found.status }).toEqual({
              ordinal,
              status: entry.status,
            });
          });
          for (const [queryHost, queryPath] of queries) {
            expect(matchHost(index, queryHost, queryPath)?.ordinal ?? null).toEqual(
              referenceMatch(entries, queryHost, queryPath)?.ordinal ?? null,
            );
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
