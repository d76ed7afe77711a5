/**
 * The registry the registry-signals specs install as the bundled snapshot: a licence that ended,
 * one ending today, one ending soon, an entry for each reason, warned and blocked brands, and a
 * brand known only from `brands`. Issued a month ago and past its expiry, so the popup must say
 * it may be out of date while every verdict still works.
 */
import type { RegistryPayload } from '../../../lib/registry/types';
import { localDayFromToday } from './bundled-copy';

const iso = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');

/** Host → the banner's and lookup result's data-reason. */
export const REASON_HOSTS: readonly (readonly [host: string, verdict: string, reason: string])[] = [
  ['intebix.kz', 'warning', 'licence-expired'],
  ['ends-today.kz', 'warning', 'licence-expired'],
  ['bitget.com', 'warning', 'regulator-warning'],
  ['big.one', 'warning', 'other-entity'],
  ['swiftex.kz', 'warning', 'licence-withdrawn'],
  ['lapsed.example.kz', 'warning', 'licence-expired'],
  ['suspended.example.kz', 'warning', 'licence-suspended'],
  ['coinbase.com', 'blocked', 'state-block'],
  ['pyramid.example.kz', 'blocked', 'pyramid'],
  ['odd.example.kz', 'blocked', 'moon-phase'],
];

/** Host → the site a lookalike imitates (data-imitates). */
export const LOOKALIKE_HOSTS: readonly (readonly [host: string, imitates: string])[] = [
  ['binance-login.com', 'binance.com'],
  ['bitget-login.com', 'bitget.com'],
  ['coinbase-support.com', 'coinbase.com'],
];

/** Hosts that get no banner: a brand's own sites and licences still running. */
export const QUIET_HOSTS = ['binance.com', 'www.binance.com', 'binance.us', 'whitebit.kz', 'caspianex.kz'];

export function signalsRegistry(): RegistryPayload {
  return {
    schema: 1,
    jurisdiction: 'KZ',
    version: 900,
    issuedAt: iso(-30),
    expiresAt: iso(-16),
    sources: [
      { id: 'afsa', title: 'AFSA public register', retrievedAt: iso(-31) },
      { id: 'afsa-warning', title: 'AFSA warnings' },
      { id: 'afm', title: 'AFM blocked sites' },
    ],
    entries: [
      {
        target: 'intebix.kz',
        status: 'licensed',
        name: 'Intebix Ltd',
        validUntil: '2026-09-01',
        source: 'afsa',
      },
      { target: 'ends-today.kz', status: 'licensed', validUntil: localDayFromToday(0), source: 'afsa' },
      { target: 'caspianex.kz', status: 'licensed', validUntil: localDayFromToday(10), source: 'afsa' },
      {
        target: 'whitebit.kz',
        status: 'licensed',
        validUntil: '2099-01-22',
        brand: 'whitebit',
        source: 'afsa',
      },
      {
        target: 'bitget.com',
        status: 'warning',
        reason: 'regulator-warning',
        brand: 'bitget',
        source: 'afsa-warning',
      },
      { target: 'big.one', status: 'warning', reason: 'other-entity', alternative: 'eurasia.big.one' },
      { target: 'swiftex.kz', status: 'warning', reason: 'licence-withdrawn', since: '2025-06-01' },
      { target: 'lapsed.example.kz', status: 'warning', reason: 'licence-expired' },
      { target: 'suspended.example.kz', status: 'warning', reason: 'licence-suspended' },
      { target: 'coinbase.com', status: 'blocked', reason: 'state-block', brand: 'coinbase', source: 'afm' },
      { target: 'pyramid.example.kz', status: 'blocked', reason: 'pyramid', source: 'afm' },
      { target: 'odd.example.kz', status: 'blocked', reason: 'moon-phase', source: 'afm' },
    ],
    brands: [{ brand: 'binance', name: 'Binance', sites: ['binance.com', 'binance.us'] }],
  };
}
