import { beforeAll, describe, expect, it } from 'vitest';
import { acceptRegistry } from '../../../lib/registry/accept-registry';
import { encodeBase64 } from '../../../lib/registry/base64';
import { computeKeyId, keyIdOfBase64 } from '../../../lib/registry/keyid';
import { MAX_ENVELOPE_BYTES, MAX_ENTRIES } from '../../../lib/registry/limits';
import type { RejectionCode } from '../../../lib/registry/rejection';
import { REGISTRY_PAYLOAD_TYPE } from '../../../lib/registry/types';
import type { TestKey } from './fixtures';
import { NOW, encode, envelopeFor, makeKey, parseJson, samplePayload } from './fixtures';

let key: TestKey;
let other: TestKey;

beforeAll(async () => {
  key = await makeKey();
  other = await makeKey();
});

async function accept(
  bytes: Uint8Array,
  options: { keys?: string[]; installed?: number | null; now?: Date } = {},
) {
  return acceptRegistry({
    bytes,
    trustedKeys: options.keys ?? [key.publicKey],
    installedVersion: options.installed === undefined ? 41 : options.installed,
    now: options.now ?? NOW,
  });
}

async function expectCode(
  bytes: Uint8Array,
  code: RejectionCode,
  options: Parameters<typeof accept>[1] = {},
) {
  const result = await accept(bytes, options);
  expect(result.ok ? 'accepted' : result.code).toBe(code);
  return result;
}

function envelopeText(fields: Record<string, unknown>): Uint8Array {
  return encode(fields);
}

describe('acceptRegistry: what it accepts', () => {
  it('accepts a valid envelope signed by a trusted key', async () => {
    const result = await accept(await envelopeFor(samplePayload(), [key]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.payload.version).toBe(42);
    expect(result.payload.entries.map((e) => e.target)).toEqual([
      'bybit.kz',
      'bybit.com',
      't.me/obmen_kzt_bot',
    ]);
    expect(result.skipped).toBe(0);
    expect(result.keyids).toEqual([await keyIdOfBase64(key.publicKey)]);
  });

  it('accepts when nothing is installed yet', async () => {
    const result = await accept(await envelopeFor(samplePayload({ version: 1 }), [key]), { installed: null });
    expect(result.ok).toBe(true);
  });

  it('accepts when one of several signatures is by a trusted key, and when several keys are trusted', async () => {
    const bytes = await envelopeFor(samplePayload(), [other, key]);
    expect((await accept(bytes)).ok).toBe(true);
    const both = await accept(bytes, { keys: [key.publicKey, other.publicKey] });
    expect(both.ok && both.keyids.length).toBe(2);
  });

  it('skips and counts entries with an unknown status, and ignores unknown fields', async () => {
    const payload = {
      ...samplePayload(),
      extra: true,
      entries: [
        ...samplePayload().entries,
        { target: 'future.kz', status: 'suspended' },
        { status: 'tomorrow', anything: [1, 2] },
        { target: 'okx.com', status: 'warning', colour: 'red' },
      ],
    };
    const result = await accept(await envelopeFor(payload, [key]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.skipped).toBe(2);
    expect(result.payload.entries).toHaveLength(4);
    expect(result.payload.entries[3]).toEqual({ target: 'okx.com', status: 'warning' });
    expect('extra' in result.payload).toBe(false);
  });

  it('accepts a keyid that is empty or absent, since it is only a hint', async () => {
    const envelope = parseJson(await envelopeFor(samplePayload(), [key]));
    const [signature] = envelope.signatures as { keyid: string; sig: string }[];
    expect((await accept(envelopeText({ ...envelope, signatures: [{ sig: signature?.sig }] }))).ok).toBe(
      true,
    );
    expect(
      (await accept(envelopeText({ ...envelope, signatures: [{ keyid: '', sig: signature?.sig }] }))).ok,
    ).toBe(true);
  });

  it('accepts an issuedAt up to one hour ahead of the clock', async () => {
    const bytes = await envelopeFor(samplePayload({ issuedAt: '2026-11-20T12:59:59Z' }), [key]);
    expect((await accept(bytes)).ok).toBe(true);
  });
});

describe('acceptRegistry: each refusal has its own reason', () => {
  it('wrong key: signature-untrusted', async () => {
    await expectCode(await envelopeFor(samplePayload(), [other]), 'signature-untrusted');
  });

  it('no signatures: no-signatures (empty list or no field)', async () => {
    const envelope = parseJson(await envelopeFor(samplePayload(), [key]));
    await expectCode(envelopeText({ ...envelope, signatures: [] }), 'no-signatures');
    const { signatures: _dropped, ...withoutField } = envelope;
    await expectCode(envelopeText(withoutField), 'no-signatures');
  });

  it('no usable trusted key: no-trusted-keys', async () => {
    const bytes = await envelopeFor(samplePayload(), [key]);
    await expectCode(bytes, 'no-trusted-keys', { keys: [] });
    await expectCode(bytes, 'no-trusted-keys', { keys: ['not a key', encodeBase64(new Uint8Array(31))] });
  });

  it('the same key signing twice counts once', async () => {
    const bytes = await envelopeFor(samplePayload(), [key, key]);
    const envelope = parseJson(bytes);
    expect((envelope.signatures as unknown[]).length).toBe(2);
    const result = await accept(bytes, { keys: [key.publicKey, key.publicKey] });
    expect(result.ok && result.keyids).toEqual([await keyIdOfBase64(key.publicKey)]);
  });

  it('a signature made for another payloadType: signature-untrusted', async () => {
    const forOther = parseJson(await envelopeFor(samplePayload(), [key], 'application/vnd.in-toto+json'));
    await expectCode(
      envelopeText({ ...forOther, payloadType: REGISTRY_PAYLOAD_TYPE }),
      'signature-untrusted',
    );
  });

  it('an envelope of another payloadType: payload-type-mismatch', async () => {
    await expectCode(await envelopeFor(samplePayload(), [key], 'application/json'), 'payload-type-mismatch');
  });

  it('a keyid naming another key than the signer: signature-untrusted', async () => {
    const envelope = parseJson(await envelopeFor(samplePayload(), [key]));
    const [signature] = envelope.signatures as { keyid: string; sig: string }[];
    const wrongHint = await keyIdOfBase64(other.publicKey);
    await expectCode(
      envelopeText({ ...envelope, signatures: [{ keyid: wrongHint, sig: signature?.sig }] }),
      'signature-untrusted',
      { keys: [key.publicKey, other.publicKey] },
    );
  });

  it('truncated JSON and invalid JSON: envelope-not-json', async () => {
    const bytes = await envelopeFor(samplePayload(), [key]);
    await expectCode(bytes.subarray(0, bytes.length - 1), 'envelope-not-json');
    await expectCode(bytes.subarray(0, 10), 'envelope-not-json');
    await expectCode(new Uint8Array(0), 'envelope-not-json');
    await expectCode(encode('{"payloadType": nope}'), 'envelope-not-json');
    await expectCode(new Uint8Array([0x7b, 0xff, 0x7d]), 'envelope-not-json');
  });

  it('well-formed JSON of the wrong shape: envelope-malformed', async () => {
    const envelope = parseJson(await envelopeFor(samplePayload(), [key]));
    await expectCode(encode('[]'), 'envelope-malformed');
    await expectCode(encode('"text"'), 'envelope-malformed');
    await expectCode(encode('null'), 'envelope-malformed');
    await expectCode(envelopeText({ ...envelope, payload: 12 }), 'envelope-malformed');
    await expectCode(envelopeText({ ...envelope, payloadType: null }), 'envelope-malformed');
    await expectCode(envelopeText({ ...envelope, signatures: {} }), 'envelope-malformed');
    await expectCode(envelopeText({ ...envelope, signatures: ['sig'] }), 'envelope-malformed');
    await expectCode(
      envelopeText({ ...envelope, signatures: [{ keyid: 'ABC', sig: 'AAAA' }] }),
      'envelope-malformed',
    );
    await expectCode(
      envelopeText({ ...envelope, signatures: [{ keyid: 7, sig: 'AAAA' }] }),
      'envelope-malformed',
    );
    await expectCode(envelopeText({ ...envelope, extra: 1 }), 'envelope-malformed');
    const { payload: _dropped, ...noPayload } = envelope;
    await expectCode(envelopeText(noPayload), 'envelope-malformed');
  });

  it('invalid base64 in the payload or a signature: base64-invalid', async () => {
    const envelope = parseJson(await envelopeFor(samplePayload(), [key]));
    await expectCode(
      envelopeText({ ...envelope, payload: `${String(envelope.payload)}!` }),
      'base64-invalid',
    );
    await expectCode(envelopeText({ ...envelope, payload: 'abc' }), 'base64-invalid');
    const url = String(envelope.payload).replaceAll('+', '-').replaceAll('/', '_');
    if (url !== envelope.payload)
      await expectCode(envelopeText({ ...envelope, payload: url }), 'base64-invalid');
    await expectCode(envelopeText({ ...envelope, signatures: [{ sig: '***' }] }), 'base64-invalid');
  });

  it('a signature of the wrong length: signature-untrusted', async () => {
    const envelope = parseJson(await envelopeFor(samplePayload(), [key]));
    await expectCode(envelopeText({ ...envelope, signatures: [{ sig: 'AAAA' }] }), 'signature-untrusted');
  });

  it('a payload under an untrusted signature is refused for the signature, whatever it holds', async () => {
    const invalid = { ...samplePayload(), entries: [{ target: 'http://x.com', status: 'blocked' }] };
    await expectCode(await envelopeFor('this is not json', [other]), 'signature-untrusted');
    await expectCode(await envelopeFor(invalid, [other]), 'signature-untrusted');
    await expectCode(await envelopeFor({ ...samplePayload(), version: 1 }, [other]), 'signature-untrusted');
  });

  it('a signed payload that is not JSON: payload-not-json', async () => {
    await expectCode(await envelopeFor('this is not json', [key]), 'payload-not-json');
    await expectCode(await envelopeFor('{"schema":1,', [key]), 'payload-not-json');
  });

  it('missing fields and wrong types: payload-invalid', async () => {
    const base = samplePayload() as unknown as Record<string, unknown>;
    const variants: unknown[] = [
      [],
      '"a JSON string"',
      { ...base, schema: 2 },
      { ...base, jurisdiction: 'kz' },
      { ...base, version: '43' },
      { ...base, version: 42.5 },
      { ...base, version: 0 },
      { ...base, issuedAt: 'yesterday' },
      { ...base, expiresAt: '2026-13-01T00:00:00Z' },
      { ...base, expiresAt: '2026-11-20T05:00:00Z' },
      { ...base, sources: {} },
      { ...base, sources: [{ id: 'afsa' }] },
      {
        ...base,
        sources: [
          { id: 'a', title: 'A' },
          { id: 'a', title: 'B' },
        ],
      },
      { ...base, entries: {} },
      { ...base, entries: [null] },
      { ...base, entries: [{ target: 'a.kz' }] },
      { ...base, entries: [{ target: 'a.kz', status: 1 }] },
      { ...base, entries: [{ status: 'blocked' }] },
      { ...base, entries: [{ target: 5, status: 'blocked' }] },
      { ...base, entries: [{ target: 'a.kz', status: 'blocked', name: '' }] },
      { ...base, entries: [{ target: 'a.kz', status: 'blocked', since: '2024' }] },
      { ...base, entries: [{ target: 'a.kz', status: 'blocked', url: 'ftp://x' }] },
      { ...base, entries: [{ target: 'a.kz', status: 'licensed', brand: 'By Bit' }] },
      { ...base, entries: [{ target: 'a.kz', status: 'blocked', source: 'nowhere' }] },
    ];
    for (const key of ['schema', 'jurisdiction', 'version', 'issuedAt', 'expiresAt', 'sources', 'entries']) {
      const { [key]: _dropped, ...rest } = base;
      variants.push(rest);
    }
    for (const variant of variants) {
      await expectCode(await envelopeFor(variant, [key]), 'payload-invalid');
    }
  });

  it('an envelope over 64 MiB: too-large, before anything is parsed', async () => {
    await expectCode(new Uint8Array(MAX_ENVELOPE_BYTES + 1), 'too-large');
  });

  it(`${MAX_ENTRIES + 1} entries: too-many-entries`, async () => {
    const entry = '{"target":"a.kz","status":"blocked"}';
    const text =
      '{"schema":1,"jurisdiction":"KZ","version":43,"issuedAt":"2026-11-20T06:00:00Z",' +
      `"expiresAt":"2026-12-04T06:00:00Z","sources":[],"entries":[${`${entry},`.repeat(MAX_ENTRIES)}${entry}]}`;
    const bytes = await envelopeFor(text, [key]);
    expect(bytes.length).toBeLessThanOrEqual(MAX_ENVELOPE_BYTES);
    await expectCode(bytes, 'too-many-entries');
  });

  it('a lower version: rollback; the same version: same-version', async () => {
    const bytes = await envelopeFor(samplePayload({ version: 42 }), [key]);
    await expectCode(bytes, 'rollback', { installed: 43 });
    await expectCode(bytes, 'same-version', { installed: 42 });
  });

  it('expired: expired', async () => {
    await expectCode(
      await envelopeFor(samplePayload({ expiresAt: '2026-11-20T11:59:59Z' }), [key]),
      'expired',
    );
    await expectCode(
      await envelopeFor(samplePayload({ expiresAt: '2026-11-20T12:00:00Z' }), [key]),
      'expired',
    );
  });

  it('issued more than an hour ahead: issued-in-future', async () => {
    const bytes = await envelopeFor(samplePayload({ issuedAt: '2026-11-20T13:00:01Z' }), [key]);
    await expectCode(bytes, 'issued-in-future');
  });

  it('targets with a scheme, port, spaces or raw Unicode: target-invalid, saying which', async () => {
    const cases: [string, string][] = [
      ['https://bybit.kz', 'scheme'],
      ['bybit.kz:443', 'port'],
      ['by bit.kz', 'whitespace'],
      ['bybit.kz ', 'whitespace'],
      ['бибит.kz', 'non-ascii'],
      ['t.me/каналы', 'non-ascii'],
      ['user@bybit.kz', 'credentials'],
      ['Bybit.kz', 'not-lower-case'],
      ['bybit.kz.', 'trailing-dot'],
      ['kz', 'single-label'],
      ['bybit.kz?x=1', 'query-or-fragment'],
    ];
    for (const [target, problem] of cases) {
      const payload = samplePayload({ entries: [{ target, status: 'blocked' }] });
      const result = await expectCode(await envelopeFor(payload, [key]), 'target-invalid');
      expect(!result.ok && result.detail).toContain(`: ${problem}`);
    }
    const alternative = samplePayload({
      entries: [{ target: 'bybit.com', status: 'warning', alternative: 'https://bybit.kz' }],
    });
    await expectCode(await envelopeFor(alternative, [key]), 'target-invalid');
  });

  it('never throws, whatever it is given', async () => {
    const bad = await acceptRegistry({
      bytes: 'not bytes' as unknown as Uint8Array,
      trustedKeys: [key.publicKey],
      installedVersion: null,
      now: NOW,
    });
    expect(bad.ok).toBe(false);
    const oddKeys = await acceptRegistry({
      bytes: await envelopeFor(samplePayload(), [key]),
      trustedKeys: [42 as unknown as string, key.publicKey],
      installedVersion: null,
      now: NOW,
    });
    expect(oddKeys.ok).toBe(true);
  });
});

describe('keyid', () => {
  it('is the hex SHA-256 of the raw public key', async () => {
    const raw = new Uint8Array(32).fill(1);
    const expected = Buffer.from(await crypto.subtle.digest('SHA-256', raw)).toString('hex');
    expect(await computeKeyId(raw)).toBe(expected);
    expect(await keyIdOfBase64(encodeBase64(raw))).toBe(expected);
    expect(await keyIdOfBase64('short')).toBeNull();
  });
});
