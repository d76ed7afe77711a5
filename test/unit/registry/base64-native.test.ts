import { describe, expect, it } from 'vitest';
import { decodeNatively } from '../../../lib/registry/base64';

/** Stands in for `Uint8Array.fromBase64`, which Node 20 lacks: it skips white space, as the platform's does. */
function skipsWhiteSpace(text: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(text.replace(/\s/gu, ''), 'base64'));
}

describe('base64 through the platform decoder', () => {
  it('gives the bytes when the text holds exactly what its length promises', () => {
    expect(decodeNatively(skipsWhiteSpace, 'QUI=', 2)).toEqual(new Uint8Array([65, 66]));
    expect(decodeNatively(skipsWhiteSpace, 'QUFBQUFB', 6)).toEqual(new TextEncoder().encode('AAAAAA'));
  });

  it('refuses white space the platform would have skipped', () => {
    expect(decodeNatively(skipsWhiteSpace, 'QUF BQUF', 6)).toBeNull();
    expect(decodeNatively(skipsWhiteSpace, 'QQ==\n\n\n\n', 7)).toBeNull();
  });

  it('refuses what the platform refuses, without throwing', () => {
    const refuses = () => {
      throw new SyntaxError('stray bits');
    };
    expect(decodeNatively(refuses, 'QR==', 1)).toBeNull();
  });
});
