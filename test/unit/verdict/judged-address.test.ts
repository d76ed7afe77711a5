import { describe, expect, it } from 'vitest';
import { isLocalDocument, judgedAddress } from '../../../lib/url/judged-address';

describe('the address a document is judged by', () => {
  it.each([
    ['https://bybit.com/en/trade?x=1', undefined, 'https://bybit.com/en/trade?x=1'],
    ['http://bybit.com/', undefined, 'http://bybit.com/'],
    ['blob:https://bybit.com/6c1e0c1a-2f1b-4a57-9c55-2f0b9e0d4a11', undefined, 'https://bybit.com/'],
    ['blob:null/6c1e0c1a', undefined, null],
    ['about:blank', 'https://bybit.com', 'https://bybit.com/'],
    ['about:srcdoc', 'http://bybit.com:8080', 'http://bybit.com:8080/'],
    ['about:blank#top', 'https://bybit.com', 'https://bybit.com/'],
    ['about:blank', 'null', null],
    ['about:blank', undefined, null],
    ['about:blank', 'chrome-extension://abc', null],
    ['data:text/html,<h1>x</h1>', 'https://bybit.com', null],
    ['chrome://newtab/', undefined, null],
    ['about:newtab', 'https://bybit.com', null],
    ['not a url', undefined, null],
  ])('%s with origin %s → %s', (url, origin, expected) => {
    expect(judgedAddress(url, origin)).toBe(expected);
  });

  it('asks only about: documents for their origin', () => {
    expect(isLocalDocument('about:blank')).toBe(true);
    expect(isLocalDocument('about:srcdoc')).toBe(true);
    expect(isLocalDocument('about:blankness')).toBe(false);
    expect(isLocalDocument('https://bybit.com/about:blank')).toBe(false);
  });
});
