import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ENTRIES } from '../../../lib/registry/limits';
import { parsePayload, validatePayload } from '../../../lib/registry/validate-payload';
import { encode, samplePayload } from './fixtures';

describe('validatePayload', () => {
  it('validates the bundled-snapshot way: no signature, no clock', () => {
    const result = validatePayload(
      samplePayload({ expiresAt: '2000-01-02T00:00:00Z', issuedAt: '2000-01-01T00:00:00Z' }),
    );
    expect(result.ok).toBe(true);
  });

  it('returns clean objects: unknown fields dropped', () => {
    const result = validatePayload({
      ...samplePayload(),
      sources: [{ id: 'afsa', title: 'AFSA', secret: 1 }],
      entries: [{ target: 'a.kz', status: 'blocked', source: 'afsa', x: 1 }],
    });
    expect(result.ok && result.payload.sources).toEqual([{ id: 'afsa', title: 'AFSA' }]);
    expect(result.ok && result.payload.entries).toEqual([
      { target: 'a.kz', status: 'blocked', source: 'afsa' },
    ]);
  });

  it('keeps, copies and skips entries in any order as it would one by one', () => {
    // Entries kept as parsed, with a field to drop, with a status to skip, and with a licence end
    // only a licence keeps: the parsed list stands as the result only while every entry is kept as is.
    const kinds = fc.constantFrom('as-is', 'extra-field', 'unknown-status', 'reason-on-licence');
    fc.assert(
      fc.property(fc.array(kinds, { maxLength: 30 }), (sequence) => {
        const entries = sequence.map((kind, i) => {
          const target = `site${i}.kz`;
          if (kind === 'extra-field') return { target, status: 'blocked', extra: i };
          if (kind === 'unknown-status') return { target, status: 'suspended' };
          if (kind === 'reason-on-licence') return { target, status: 'licensed', reason: 'afsa-warning' };
          return { target, status: 'warning' };
        });
        const expected = sequence.flatMap((kind, i) => {
          const target = `site${i}.kz`;
          if (kind === 'unknown-status') return [];
          if (kind === 'extra-field') return [{ target, status: 'blocked' }];
          if (kind === 'reason-on-licence') return [{ target, status: 'licensed' }];
          return [{ target, status: 'warning' }];
        });
        const result = validatePayload({ ...samplePayload(), entries });
        if (!result.ok) throw new Error(`refused: ${result.code} ${result.detail ?? ''}`);
        expect(result.payload.entries).toEqual(expected);
        expect(result.skipped).toBe(sequence.filter((kind) => kind === 'unknown-status').length);
        const asParsed = sequence.every((kind) => kind === 'as-is');
        expect(result.payload.entries === entries).toBe(asParsed);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses more than a million entries before reading any of them', () => {
    const entries = new Array<unknown>(MAX_ENTRIES + 1).fill(null);
    const result = validatePayload({ ...samplePayload(), entries });
    expect(result.ok ? 'accepted' : result.code).toBe('too-many-entries');
  });

  it('names the entry and field it refuses', () => {
    const result = validatePayload({
      ...samplePayload(),
      entries: [
        { target: 'a.kz', status: 'blocked' },
        { target: 'b.kz', status: 'warning', since: 'soon' },
      ],
    });
    expect(result).toEqual({
      ok: false,
      code: 'payload-invalid',
      detail: 'entries[1].since is not a date (YYYY-MM-DD)',
    });
  });

  it('reads bytes: not UTF-8 or not JSON is payload-not-json', () => {
    expect(parsePayload(new Uint8Array([0xc3, 0x28]))).toMatchObject({ code: 'payload-not-json' });
    expect(parsePayload(encode('{'))).toMatchObject({ code: 'payload-not-json' });
    expect(parsePayload(encode(samplePayload())).ok).toBe(true);
  });

  // How fast is for `npm run bench` (node/index-serialization); here only that a million pass.
  it('validates a million entries', () => {
    const entries = Array.from({ length: MAX_ENTRIES }, (_, i) => ({
      target: i % 4 === 0 ? `t.me/channel_${i}` : `site-${i}.example.kz`,
      status: i % 3 === 0 ? 'warning' : 'blocked',
      source: 'afm',
    }));
    const payload = { ...samplePayload(), entries };
    const result = validatePayload(payload);
    expect(result.ok && result.payload.entries.length).toBe(MAX_ENTRIES);
  });
});
