import { describe, expect, it } from 'vitest';
import { classifyHostExemption, parseIpv6Hextets } from '../../../lib/url/host-exemption';
import { parseLookupInput } from '../../../lib/url/lookup-input';

function web(host: string, path = '/'): unknown {
  return { kind: 'web', host, path };
}

describe('parseLookupInput: what people type into the popup', () => {
  it.each([
    ['bybit.kz', web('bybit.kz')],
    ['  bybit.kz  ', web('bybit.kz')],
    ['BYBIT.KZ', web('bybit.kz')],
    ['bybit.kz.', web('bybit.kz')],
    ['bybit.kz..', web('bybit.kz')],
    ['www.bybit.kz/EN-KZ/Trade?x=1#top', web('www.bybit.kz', '/en-kz/trade')],
    ['bybit.kz:8443/login', web('bybit.kz', '/login')],
    ['user:secret@bybit.kz', web('bybit.kz')],
    ['admin@bybit.kz/x', web('bybit.kz', '/x')],
    ['//bybit.kz/x', web('bybit.kz', '/x')],
    ['бизнес.kz', web('xn--90aifd0az.kz')],
    ['БИЗНЕС.KZ', web('xn--90aifd0az.kz')],
    ['xn--90aifd0az.kz', web('xn--90aifd0az.kz')],
    ['例え.テスト', web('xn--r8jz45g.xn--zckzah')],
    ['bybit。kz', web('bybit.kz')],
  ])('%j', (input, expected) => {
    expect(parseLookupInput(input)).toEqual(expected);
  });
});

describe('parseLookupInput: page URLs', () => {
  it.each([
    ['https://www.bybit.kz/', web('www.bybit.kz')],
    ['https://www.bybit.kz', web('www.bybit.kz')],
    ['http://Bybit.KZ./EN-kz', web('bybit.kz', '/en-kz')],
    ['HTTPS://BYBIT.KZ:443/A', web('bybit.kz', '/a')],
    ['https://user:pw@bybit.kz:8080/p?q#f', web('bybit.kz', '/p')],
    ['https://bybit.kz/a/../b', web('bybit.kz', '/b')],
    ['https://bybit.kz/%7Euser', web('bybit.kz', '/%7euser')],
    ['https://bybit.kz\\en-kz', web('bybit.kz', '/en-kz')],
    ['https://ex%61mple.com/', web('example.com')],
    ['https://xn--90aifd0az.kz/', web('xn--90aifd0az.kz')],
  ])('%j', (input, expected) => {
    expect(parseLookupInput(input)).toEqual(expected);
  });
});

describe('parseLookupInput: no verdict or never a warning', () => {
  it.each([
    ['chrome://extensions', 'chrome'],
    ['about:blank', 'about'],
    ['file:///page.html', 'file'],
    ['data:text/html,hi', 'data'],
    ['javascript:alert(1)', 'javascript'],
    ['mailto:a@b.kz', 'mailto'],
    ['ftp://files.kz/', 'ftp'],
    ['chrome-extension://abcdef/popup.html', 'chrome-extension'],
    ['moz-extension://abc/popup.html', 'moz-extension'],
    ['view-source:https://bybit.kz', 'view-source'],
  ])('%j is not a web URL', (input, scheme) => {
    expect(parseLookupInput(input)).toEqual({ kind: 'non-web', scheme });
  });

  it.each([
    ['http://localhost:3000/', 'localhost', 'localhost'],
    ['localhost', 'localhost', 'localhost'],
    ['app.localhost', 'app.localhost', 'localhost'],
    ['http://127.0.0.1:8080/', '127.0.0.1', 'private-address'],
    ['http://0x7f.1/', '127.0.0.1', 'private-address'],
    ['10.1.2.3', '10.1.2.3', 'private-address'],
    ['172.20.0.1', '172.20.0.1', 'private-address'],
    ['192.168.1.1', '192.168.1.1', 'private-address'],
    ['169.254.1.1', '169.254.1.1', 'private-address'],
    ['100.64.0.1', '100.64.0.1', 'private-address'],
    ['8.8.8.8', '8.8.8.8', 'ip-address'],
    ['172.32.0.1', '172.32.0.1', 'ip-address'],
    ['https://[::1]/', '[::1]', 'private-address'],
    ['http://[fd00::1]:80/', '[fd00::1]', 'private-address'],
    ['http://[fe80::1]/', '[fe80::1]', 'private-address'],
    ['http://[::ffff:192.168.0.1]/', '[::ffff:c0a8:1]', 'private-address'],
    ['http://[2001:db8::1]/', '[2001:db8::1]', 'ip-address'],
    ['http://intranet/', 'intranet', 'single-label'],
    ['HTTP://WIKI./', 'wiki', 'single-label'],
    ['printer.local', 'printer.local', 'private-name'],
    ['router.home.arpa', 'router.home.arpa', 'private-name'],
    ['jira.corp.internal', 'jira.corp.internal', 'private-name'],
  ])('%j is exempt', (input, host, exemption) => {
    expect(parseLookupInput(input)).toMatchObject({ kind: 'exempt', host, exemption });
  });

  it.each([
    '',
    '   ',
    'http://',
    'https://exa mple.com',
    'https://[::1',
    'http://a..b/',
    'https://.kz',
    'bybit.kz:99999',
  ])('%j is invalid', (input) => {
    expect(parseLookupInput(input)).toEqual({ kind: 'invalid' });
  });
});

describe('host exemption details', () => {
  it('reads IPv6 in the URL serialisation', () => {
    expect(parseIpv6Hextets('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6Hextets('2001:db8::')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0]);
    expect(parseIpv6Hextets('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseIpv6Hextets('1::2::3')).toBeNull();
    expect(parseIpv6Hextets('1:2')).toBeNull();
  });

  it('leaves public names alone', () => {
    expect(classifyHostExemption('bybit.kz')).toBeNull();
    expect(classifyHostExemption('localhost.example.com')).toBeNull();
    expect(classifyHostExemption('1.2.3.kz')).toBeNull();
  });
});
