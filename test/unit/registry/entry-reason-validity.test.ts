import { beforeAll, describe, expect, it } from 'vitest';
import { acceptRegistry } from '../../../lib/registry/accept-registry';
import type { RegistryEntry } from '../../../lib/registry/types';
import { validatePayload } from '../../../lib/registry/validate-payload';
import type { TestKey } from './fixtures';
import { NOW, envelopeFor, makeKey, samplePayload } from './fixtures';

let key: TestKey;
beforeAll(async () => {
  key = await makeKey();
});

/** The sample payload with one more entry, signed and accepted as a client would. */
async function acceptWith(extra: Record<string, unknown>) {
  const payload = samplePayload();
  const bytes = await envelopeFor({ ...payload, entries: [...payload.entries, extra] }, [key]);
  return acceptRegistry({ bytes, trustedKeys: [key.publicKey], installedVersion: 41, now: NOW });
}

function entryOf(result: Awaited<ReturnType<typeof acceptWith>>, target: string): RegistryEntry | undefined {
  if (!result.ok) throw new Error(`refused: ${result.code} ${result.detail ?? ''}`);
  return result.payload.entries.find((entry) => entry.target === target);
}

const LICENCE = { target: 'intebix.kz', status: 'licensed', licence: 'AFSA-G-LA-2022-0004', source: 'afsa' };

describe('validUntil in a signed registry', () => {
  it('keeps a date already past: the client, not the registry, decides the licence has ended', async () => {
    const result = await acceptWith({ ...LICENCE, validUntil: '2026-09-01' });
    expect(entryOf(result, 'intebix.kz')).toMatchObject({ status: 'licensed', validUntil: '2026-09-01' });
  });

  it('keeps a date that is today', async () => {
    const today = NOW.toISOString().slice(0, 10);
    expect(entryOf(await acceptWith({ ...LICENCE, validUntil: today }), 'intebix.kz')?.validUntil).toBe(
      today,
    );
  });

  it('keeps a date in the far future', async () => {
    const result = await acceptWith({ ...LICENCE, validUntil: '9999-12-31' });
    expect(entryOf(result, 'intebix.kz')?.validUntil).toBe('9999-12-31');
  });

  it.each([['01.09.2026'], ['2026-9-1'], ['2026-09-01T00:00:00Z'], [''], [20260901], [null]])(
    'skips and counts an entry whose validUntil is %j, and installs the rest',
    async (validUntil) => {
      const result = await acceptWith({ ...LICENCE, validUntil });
      expect(result.ok && result.skipped).toBe(1);
      expect(entryOf(result, 'intebix.kz')).toBeUndefined();
      expect(entryOf(result, 'bybit.kz')).toMatchObject({ status: 'licensed' });
      expect(result.ok && result.payload.entries).toHaveLength(3);
    },
  );

  it('ignores validUntil on a warning, where it means nothing', async () => {
    const result = await acceptWith({ target: 'x.kz', status: 'warning', validUntil: '2027-01-01' });
    expect(entryOf(result, 'x.kz')).toEqual({ target: 'x.kz', status: 'warning' });
  });
});

describe('reason in a signed registry', () => {
  it('keeps a reason this version does not know, as written', async () => {
    const result = await acceptWith({ target: 'x.kz', status: 'warning', reason: 'sanctions-list' });
    expect(entryOf(result, 'x.kz')?.reason).toBe('sanctions-list');
  });

  it('keeps each known reason on warning and blocked entries', async () => {
    for (const [status, reason] of [
      ['warning', 'licence-withdrawn'],
      ['blocked', 'state-block'],
    ]) {
      expect(entryOf(await acceptWith({ target: 'x.kz', status, reason }), 'x.kz')?.reason).toBe(reason);
    }
  });

  it('ignores a reason on a licensed entry: a licence is not a warning', async () => {
    const result = await acceptWith({ ...LICENCE, reason: 'regulator-warning' });
    expect(entryOf(result, 'intebix.kz')).not.toHaveProperty('reason');
  });

  it('refuses a reason that is not a lower-case word, like any malformed field', () => {
    const payload = samplePayload();
    const result = validatePayload({
      ...payload,
      entries: [{ target: 'x.kz', status: 'warning', reason: 'State Block' }],
    });
    expect(result.ok ? 'accepted' : result.detail).toContain('entries[0].reason');
  });
});

describe('brand on an entry', () => {
  it('is read on a warning whose target is a path', async () => {
    const result = await acceptWith({ target: 'binance.com/en-kz', status: 'warning', brand: 'binance' });
    expect(entryOf(result, 'binance.com/en-kz')).toMatchObject({ brand: 'binance' });
  });

  it('is read on a blocked entry', async () => {
    const result = await acceptWith({ target: 'coinbase.com', status: 'blocked', brand: 'coinbase' });
    expect(entryOf(result, 'coinbase.com')?.brand).toBe('coinbase');
  });
});
