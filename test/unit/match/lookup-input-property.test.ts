import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLookupInput } from '../../../lib/url/lookup-input';
import { parseSimpleWebUrl } from '../../../lib/url/simple-web-url';
import { parseUrlWithUrlApi } from '../../../lib/url/url-api-parse';

const webLike = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.webUrl().map((url) => url.toUpperCase()),
  fc
    .tuple(
      fc.constantFrom('http://', 'https://', 'HTTP://', ''),
      fc.stringMatching(/^[a-z0-9.-]{1,20}$/),
      fc.constantFrom('', ':80', ':99999', '.', '..'),
      fc.stringMatching(/^(\/[a-zA-Z0-9._~%!$&'()*+,;=:@\\-]{0,6}){0,4}$/),
      fc.constantFrom('', '?q=/a/..', '#/x', '?\t'),
    )
    .map((parts) => parts.join('')),
);

describe('URL parsing properties', () => {
  it('never throws, on any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), webLike),
        (input) => {
          parseLookupInput(input);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('returns hosts and paths in normal form', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), webLike), (input) => {
        const parsed = parseLookupInput(input);
        if (parsed.kind !== 'web' && parsed.kind !== 'exempt') return;
        expect(parsed.host).toBe(parsed.host.toLowerCase());
        expect(parsed.host).not.toMatch(/^\.|\.$|\.\./);
        expect(parsed.host).toMatch(/^[\x21-\x7e]+$/);
        expect(parsed.path.startsWith('/')).toBe(true);
        expect(parsed.path).toBe(parsed.path.toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the fast path only where it agrees with the URL API', () => {
    fc.assert(
      fc.property(webLike, (input) => {
        const fast = parseSimpleWebUrl(input);
        if (fast) expect(fast).toEqual(parseUrlWithUrlApi(input));
      }),
      { numRuns: 5000 },
    );
  });

  it('takes the fast path for ordinary page URLs', () => {
    expect(parseSimpleWebUrl('https://www.bybit.kz/en-KZ/trade?x=1')).toEqual({
      host: 'www.bybit.kz',
      path: '/en-kz/trade',
    });
    expect(parseSimpleWebUrl('https://xn--90aifd0az.kz/')).toBeNull();
    expect(parseSimpleWebUrl('https://1.2.3.4/')).toBeNull();
    expect(parseSimpleWebUrl('https://a.kz/./b')).toBeNull();
  });
});
