import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REGISTRY_CLI } from '../../../cli/commands';
import { runCli } from '../../../cli/run-cli';
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

  it('holds the licensed sites with their brand, and warnings pointing to them', async () => {
    const snapshot = JSON.parse(readFileSync(SNAPSHOT_PATH, 'utf8')) as { entries: Record<string, string>[] };
    const byTarget = new Map(snapshot.entries.map((e) => [e.target, e]));
    expect(byTarget.get('bybit.kz')).toMatchObject({
      status: 'licensed',
      brand: 'bybit',
      licence: 'AFSA-A-LA-2024-0027',
    });
    expect(byTarget.get('bybit.com')).toMatchObject({ status: 'warning', alternative: 'bybit.kz' });
    expect(byTarget.get('coinbase.com')).toMatchObject({ status: 'blocked' });
    for (const target of ['okx.com', 'htx.com', 'bitget.com', 'mexc.com']) {
      expect(byTarget.get(target)).toMatchObject({ status: 'warning', source: 'afsa-warning' });
    }
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
