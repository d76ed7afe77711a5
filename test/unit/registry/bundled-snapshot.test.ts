import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REGISTRY_CLI } from '../../../cli/commands';
import { runCli } from '../../../cli/run-cli';
import type { RegistryPayload } from '../../../lib/registry/types';
import { checkSnapshot, SNAPSHOT_PATH } from '../../../scripts/check-snapshot';

const ROOT = new URL('../../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'qorgan-snapshot-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the bundled snapshot', () => {
  it('passes the build check: valid, every entry sourced', async () => {
    const report = await checkSnapshot(SNAPSHOT_PATH, new Date('2026-11-22T00:00:00Z'));
    expect(report.errors).toEqual([]);
  });

  it('is exactly what the CLI builds from data/kz', async () => {
    const snapshot = JSON.parse(readFileSync(SNAPSHOT_PATH, 'utf8')) as {
      issuedAt: string;
      expiresAt: string;
      version: number;
    };
    const days = (Date.parse(snapshot.expiresAt) - Date.parse(snapshot.issuedAt)) / 86_400_000;
    const out = join(work, 'bundled.json');
    const io = { out: () => {}, err: () => {}, env: {}, cwd: ROOT };
    const status = await runCli(
      [
        'build',
        '--sources',
        'data/kz/sources.csv',
        '--licensed',
        'data/kz/licensed.csv',
        '--warnings',
        'data/kz/warnings.csv',
        '--blocked',
        'data/kz/blocked.csv',
        '--brands',
        'data/kz/brands.csv',
        '--version',
        String(snapshot.version),
        '--issued-at',
        snapshot.issuedAt,
        '--valid-days',
        String(days),
        '--out',
        out,
      ],
      REGISTRY_CLI,
      io,
    );
    expect(status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(SNAPSHOT_PATH, 'utf8'));
  });

  const snapshot = () => JSON.parse(readFileSync(SNAPSHOT_PATH, 'utf8')) as RegistryPayload;
  const byTarget = () => new Map(snapshot().entries.map((e) => [e.target, e]));

  it('holds every licensee whose domain is confirmed, with licence, end date and brand', () => {
    const entries = byTarget();
    expect(entries.get('bybit.kz')).toMatchObject({
      status: 'licensed',
      brand: 'bybit',
      licence: 'AFSA-A-LA-2024-0027',
    });
    expect(entries.get('whitebit.kz')).toMatchObject({
      status: 'licensed',
      brand: 'whitebit',
      validUntil: '2027-01-22',
    });
    expect(entries.get('eurasia.big.one')).toMatchObject({
      status: 'licensed',
      licence: expect.stringContaining('AFSA-G-LA-2023-0008'),
    });
    expect(entries.get('caspianex.com')).toMatchObject({
      status: 'licensed',
      licence: 'AFSA-G-LA-2022-0011',
      validUntil: '2026-12-31',
    });
    expect(entries.get('deltada.kz')).toMatchObject({
      status: 'licensed',
      licence: 'AFSA-G-LA-2021-0019',
      validUntil: '2027-01-31',
    });
    expect(entries.get('intebix.kz')).toMatchObject({
      status: 'licensed',
      licence: 'AFSA-G-LA-2022-0004',
      validUntil: '2026-09-01',
    });
  });

  it('never marks a host licensed that no firm or register page ties to the licensee', () => {
    const entries = byTarget();
    for (const target of [
      'ataix.com',
      'mambatime.tech',
      'binance.kz',
      'binance.com',
      'big.one',
      'bybit.com',
    ]) {
      expect(entries.get(target)?.status).not.toBe('licensed');
    }
  });

  it('gives every warning and block its reason', () => {
    const entries = byTarget();
    expect(entries.get('swiftex.io')).toMatchObject({
      status: 'warning',
      reason: 'licence-withdrawn',
      since: '2026-05-05',
    });
    expect(entries.get('big.one')).toMatchObject({
      status: 'warning',
      reason: 'other-entity',
      alternative: 'eurasia.big.one',
    });
    expect(entries.get('bybit.com')).toMatchObject({
      status: 'warning',
      reason: 'other-entity',
      alternative: 'bybit.kz',
    });
    for (const brand of ['okx', 'htx', 'bitget', 'mexc']) {
      expect(entries.get(`${brand}.com`)).toMatchObject({
        status: 'warning',
        reason: 'regulator-warning',
        brand,
        source: 'afsa-warning',
      });
    }
    expect(entries.get('coinbase.com')).toMatchObject({
      status: 'blocked',
      reason: 'state-block',
      brand: 'coinbase',
    });
    const unexplained = snapshot().entries.filter((e) => e.status !== 'licensed' && e.reason === undefined);
    expect(unexplained).toEqual([]);
  });

  it('protects the other brands phishing imitates, each with its own site only', () => {
    expect(snapshot().brands).toEqual([
      { brand: 'binance', name: 'Binance', sites: ['binance.com'] },
      { brand: 'kraken', name: 'Kraken', sites: ['kraken.com'] },
      { brand: 'kucoin', name: 'KuCoin', sites: ['kucoin.com'] },
    ]);
  });

  it('names a source for every entry, among the sources it lists', () => {
    const ids = new Set(snapshot().sources.map((source) => source.id));
    for (const entry of snapshot().entries) expect(ids.has(entry.source ?? '')).toBe(true);
  });

  it('fails the check when the snapshot does not validate', async () => {
    const broken = join(work, 'broken.json');
    const text = readFileSync(SNAPSHOT_PATH, 'utf8').replace(
      '"target":"okx.com"',
      '"target":"https://okx.com"',
    );
    writeFileSync(broken, text);
    const report = await checkSnapshot(broken);
    expect(report.errors.join()).toContain('target-invalid');
  });
});
