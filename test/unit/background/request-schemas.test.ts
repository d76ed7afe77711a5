import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../lib/messaging/request-schemas';

describe('request schemas', () => {
  it('passes well-formed requests through with their data', () => {
    expect(
      parseRequest({ type: 'settings/set', data: { detectUnregistered: false, language: 'kk' } }),
    ).toEqual({
      type: 'settings/set',
      data: { detectUnregistered: false, language: 'kk' },
    });
    expect(parseRequest({ type: 'page/load-part', data: { part: 'banner' } })).not.toBeNull();
    expect(parseRequest({ type: 'page/tampered', data: {} })).toEqual({ type: 'page/tampered', data: {} });
    expect(parseRequest({ type: 'page/tampered', data: { cause: 'unpaintable' } })?.data).toEqual({
      cause: 'unpaintable',
    });
  });

  it('refuses unknown keys, wrong types and values out of range', () => {
    expect(parseRequest({ type: 'settings/set', data: { junk: 'x'.repeat(10) } })).toBeNull();
    expect(parseRequest({ type: 'settings/set', data: { detectUnregistered: 'no' } })).toBeNull();
    expect(parseRequest({ type: 'settings/set', data: { language: 'de' } })).toBeNull();
    expect(parseRequest({ type: 'page/load-part', data: { part: 'anything' } })).toBeNull();
    expect(parseRequest({ type: 'page/tampered', data: { cause: 'bored' } })).toBeNull();
    expect(parseRequest({ type: 'page/tampered', data: { cause: 'unpaintable', url: 'x' } })).toBeNull();
    expect(parseRequest({ type: 'tab/current', data: { tabId: 3 } })).toBeNull();
    expect(parseRequest({ type: 'lookup', data: { query: 'a' }, extra: true })).toBeNull();
  });

  it('caps the size of every string', () => {
    expect(
      parseRequest({ type: 'settings/set', data: { registryUrl: `https://a.kz/${'x'.repeat(3_000_000)}` } }),
    ).toBeNull();
    expect(parseRequest({ type: 'dismiss/add', data: { host: `${'a'.repeat(300)}.kz` } })).toBeNull();
    expect(parseRequest({ type: 'lookup', data: { query: 'q'.repeat(5_000) } })).toBeNull();
  });

  it('knows nothing of inherited names', () => {
    expect(parseRequest({ type: 'constructor', data: {} })).toBeNull();
    expect(parseRequest({ type: '__proto__', data: {} })).toBeNull();
  });
});
