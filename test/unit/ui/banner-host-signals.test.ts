// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { BannerGuard } from '../../../components/banner/banner-guard';
import { bannerHostSignals } from '../../../components/banner/banner-host-signals';
import { HOST_STYLE } from '../../../components/banner/banner-styles';
import type { VerdictResult } from '../../../lib/verdict/types';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const expired: VerdictResult = {
  verdict: 'warning',
  host: 'intebix.kz',
  reason: {
    kind: 'registry',
    entry: { target: 'intebix.kz', status: 'licensed', validUntil: '2026-09-01' },
    reason: 'licence-expired',
  },
};
const lookalike: VerdictResult = {
  verdict: 'lookalike',
  host: 'binance-login.com',
  reason: {
    kind: 'lookalike',
    brand: 'binance',
    imitates: 'binance.com',
    entry: null,
    technique: 'brand-in-domain',
  },
};

describe('bannerHostSignals', () => {
  it('gives data-reason for a verdict with a reason, data-imitates for a lookalike, nothing otherwise', () => {
    expect(bannerHostSignals(expired)).toEqual({ 'data-reason': 'licence-expired' });
    expect(bannerHostSignals(lookalike)).toEqual({ 'data-imitates': 'binance.com' });
    expect(
      bannerHostSignals({
        verdict: 'warning',
        host: 'x.example',
        reason: { kind: 'registry', entry: { target: 'x.example', status: 'warning' } },
      }),
    ).toEqual({});
  });
});

describe('the banner guard keeps the verdict signals on its host', () => {
  let guard: BannerGuard | null = null;
  afterEach(() => {
    guard?.stop();
    document.documentElement.querySelectorAll('[data-verdict]').forEach((e) => e.remove());
  });

  it('sets them, puts them back when the page changes them, and drops the ones of an earlier verdict', async () => {
    guard = new BannerGuard({ doc: document, hostStyle: HOST_STYLE });
    guard.start();
    const host = document.createElement('div');
    guard.show(host, 'warning', bannerHostSignals(expired));
    expect(host.getAttribute('data-reason')).toBe('licence-expired');
    host.removeAttribute('data-reason');
    host.setAttribute('data-imitates', 'forged.example');
    await flush();
    expect(host.getAttribute('data-reason')).toBe('licence-expired');
    expect(host.hasAttribute('data-imitates')).toBe(false);

    guard.show(host, 'lookalike', bannerHostSignals(lookalike));
    expect(host.getAttribute('data-verdict')).toBe('lookalike');
    expect(host.getAttribute('data-imitates')).toBe('binance.com');
    expect(host.hasAttribute('data-reason')).toBe(false);
  });
});
