import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../lib/match/build-index';
import { matchHost } from '../../../lib/match/most-specific-entry';
import type { EntryStatus } from '../../../lib/registry/types';

const entries: { target: string; status: EntryStatus }[] = [
  { target: 'bybit.kz', status: 'licensed' },
  { target: 'bybit.com', status: 'warning' },
  { target: 't.me/obmen_kzt_bot', status: 'blocked' },
  { target: 'binance.com', status: 'warning' },
  { target: 'binance.com/en-kz', status: 'licensed' },
  { target: 'binance.com/en-kz/p2p', status: 'blocked' },
  { target: 'pay.bybit.com', status: 'blocked' },
  { target: 'example.org/only/path', status: 'warning' },
];
const index = buildIndex(entries);

function targetFor(host: string, path = '/'): string | null {
  return matchHost(index, host, path)?.target ?? null;
}

describe('matchHost: host targets', () => {
  it('matches the host itself and reports ordinal and status', () => {
    expect(matchHost(index, 'bybit.kz', '/')).toEqual({
      ordinal: 0,
      status: 'licensed',
      target: 'bybit.kz',
      hostLength: 8,
      pathLength: 0,
    });
  });

  it('matches every subdomain, however deep', () => {
    expect(targetFor('www.bybit.kz')).toBe('bybit.kz');
    expect(targetFor('a.b.c.bybit.kz')).toBe('bybit.kz');
  });

  it('does not match a name that merely ends with the same letters', () => {
    expect(targetFor('notbybit.kz')).toBeNull();
    expect(targetFor('bybit.kz.evil.com')).toBeNull();
    expect(targetFor('kz')).toBeNull();
  });

  it('prefers the longest host', () => {
    expect(matchHost(index, 'pay.bybit.com', '/')?.status).toBe('blocked');
    expect(targetFor('x.pay.bybit.com')).toBe('pay.bybit.com');
    expect(targetFor('www.bybit.com')).toBe('bybit.com');
  });
});

describe('matchHost: path targets', () => {
  it('matches the prefix exactly, with a trailing slash, and below it', () => {
    expect(targetFor('binance.com', '/en-kz')).toBe('binance.com/en-kz');
    expect(targetFor('binance.com', '/en-kz/')).toBe('binance.com/en-kz');
    expect(targetFor('binance.com', '/en-kz/trade')).toBe('binance.com/en-kz');
  });

  it('compares case-insensitively once the caller lower-cases the path', () => {
    expect(targetFor('binance.com', '/EN-KZ/trade'.toLowerCase())).toBe('binance.com/en-kz');
  });

  it('respects segment boundaries', () => {
    expect(targetFor('binance.com', '/en-kzx')).toBe('binance.com');
    expect(targetFor('binance.com', '/en-k')).toBe('binance.com');
    expect(targetFor('binance.com', '/')).toBe('binance.com');
  });

  it('prefers the longest path under the same host', () => {
    expect(matchHost(index, 'binance.com', '/en-kz/p2p/buy')?.status).toBe('blocked');
    expect(targetFor('binance.com', '/en-kz/p2px')).toBe('binance.com/en-kz');
  });

  it('applies to subdomains of the target host', () => {
    expect(targetFor('www.binance.com', '/en-kz')).toBe('binance.com/en-kz');
    expect(targetFor('web.t.me', '/obmen_kzt_bot')).toBe('t.me/obmen_kzt_bot');
  });

  it('gives a host with only path targets no verdict elsewhere', () => {
    expect(targetFor('t.me', '/')).toBeNull();
    expect(targetFor('t.me', '/obmen_kzt_botx')).toBeNull();
    expect(targetFor('example.org', '/only')).toBeNull();
    expect(targetFor('example.org', '/only/path/deeper')).toBe('example.org/only/path');
  });

  it('treats doubled slashes as the URL has them', () => {
    expect(targetFor('binance.com', '/en-kz//x')).toBe('binance.com/en-kz');
    expect(targetFor('binance.com', '//en-kz')).toBe('binance.com');
  });

  it('lets a longer host beat a path target on a shorter host', () => {
    const local = buildIndex([
      { target: 'site.com/en-kz', status: 'blocked' },
      { target: 'kz.site.com', status: 'licensed' },
    ]);
    expect(matchHost(local, 'kz.site.com', '/en-kz')?.target).toBe('kz.site.com');
    expect(matchHost(local, 'www.site.com', '/en-kz')?.target).toBe('site.com/en-kz');
  });
});

describe('buildIndex', () => {
  it('keeps the first of two entries with the same target and counts the repeat', () => {
    const local = buildIndex([
      { target: 'a.kz', status: 'licensed' },
      { target: 'A.KZ.', status: 'blocked' },
      { target: 'a.kz/x/', status: 'warning' },
      { target: 'a.kz/x', status: 'blocked' },
    ]);
    expect(matchHost(local, 'a.kz', '/')).toMatchObject({ ordinal: 0, status: 'licensed' });
    expect(matchHost(local, 'a.kz', '/x')).toMatchObject({ ordinal: 2, status: 'warning' });
    expect(local.duplicateCount).toBe(2);
  });

  it('skips entries with an unknown status or no host, keeping ordinals of the rest', () => {
    const local = buildIndex([
      { target: 'a.kz', status: 'revoked' as EntryStatus },
      { target: '', status: 'blocked' },
      { target: '/path-only', status: 'blocked' },
      { target: 'b.kz', status: 'blocked' },
    ]);
    expect(local.skippedCount).toBe(3);
    expect(matchHost(local, 'a.kz', '/')).toBeNull();
    expect(matchHost(local, 'b.kz', '/')?.ordinal).toBe(3);
    expect(local.entryCount).toBe(4);
  });

  it('keeps a host entry that comes after a path entry on the same host', () => {
    const local = buildIndex([
      { target: 'h.kz/p', status: 'blocked' },
      { target: 'h.kz', status: 'licensed' },
    ]);
    expect(matchHost(local, 'h.kz', '/')).toMatchObject({ ordinal: 1, status: 'licensed' });
    expect(matchHost(local, 'h.kz', '/p/q')).toMatchObject({ ordinal: 0, status: 'blocked' });
  });

  it('answers null on an empty index', () => {
    expect(matchHost(buildIndex([]), 'a.kz', '/')).toBeNull();
  });

  it('can match the whole host only, for address literals', () => {
    const local = buildIndex([{ target: '0.5', status: 'blocked' }]);
    expect(matchHost(local, '10.0.0.5', '/')).not.toBeNull();
    expect(matchHost(local, '10.0.0.5', '/', { wholeHostOnly: true })).toBeNull();
  });
});
