import { describe, expect, it } from 'vitest';
import { substitute } from '../../../lib/i18n/translate';
import { stripBidiControls } from '../../../lib/text/strip-bidi';
import { addressParts } from '../../../lib/url/address-parts';

const RLO = '\u202E';

describe('text that cannot mislead', () => {
  it('strips every bidi control from registry text', () => {
    const controls = '\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(stripBidiControls(`Bybit${controls} Ltd`)).toBe('Bybit Ltd');
    expect(stripBidiControls('Қорған — Bybit')).toBe('Қорған — Bybit');
  });

  it('keeps a right-to-left override in a name from reversing the rest of a message', () => {
    expect(substitute('Imitates {site}, not licensed', { site: `${RLO}gnidart efas` })).toBe(
      'Imitates gnidart efas, not licensed',
    );
  });

  it('splits an address into its origin and the rest, cut to 60 characters', () => {
    expect(addressParts('https://coinbase.com/a?b=1#c')).toEqual({
      origin: 'https://coinbase.com',
      rest: '/a?b=1#c',
    });
    const long = addressParts(`https://coinbase.com/${'x'.repeat(100)}`);
    expect(Array.from(long.rest)).toHaveLength(60);
    expect(addressParts('not a url')).toEqual({ origin: '', rest: 'not a url' });
  });
});
