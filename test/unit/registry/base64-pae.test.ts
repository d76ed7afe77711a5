import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../../lib/registry/base64';
import { pae } from '../../../lib/registry/pae';

describe('base64', () => {
  it('round-trips any bytes and agrees with Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(decodeBase64(text)).toEqual(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts exactly one text per byte string', () => {
    expect(decodeBase64('QQ==')).toEqual(new Uint8Array([65]));
    expect(decodeBase64('QR==')).toBeNull(); // stray bits after the last byte
    expect(decodeBase64('QUI=')).toEqual(new Uint8Array([65, 66]));
    expect(decodeBase64('QUJ=')).toBeNull();
    expect(decodeBase64('QQ')).toBeNull(); // padding missing
    expect(decodeBase64('QQ=')).toBeNull();
    expect(decodeBase64('Q===')).toBeNull();
    expect(decodeBase64('-_8=')).toBeNull(); // the URL-safe alphabet is not this one
    expect(decodeBase64('QQ==\n')).toBeNull();
    expect(decodeBase64('QQ=A')).toBeNull();
    expect(decodeBase64('QUFB QUFB')).toBeNull();
    expect(decodeBase64('ЖЖЖЖ')).toBeNull();
    expect(decodeBase64('')).toEqual(new Uint8Array(0));
  });
});

describe('PAE', () => {
  it('matches the DSSE specification example', () => {
    const out = pae('http://example.com/HelloWorld', new TextEncoder().encode('hello world'));
    expect(new TextDecoder().decode(out)).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
  });

  it('counts bytes, not characters', () => {
    const out = pae('t', new TextEncoder().encode('қ'));
    expect(new TextDecoder().decode(out)).toBe('DSSEv1 1 t 2 қ');
  });
});
