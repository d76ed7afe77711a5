import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REGISTRY_CLI } from '../../../cli/commands';
import type { Io } from '../../../cli/io';
import { runCli } from '../../../cli/run-cli';
import type { RegistryPayload } from '../../../lib/registry/types';

const work = mkdtempSync(join(tmpdir(), 'qorgan-cli-columns-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (line) => out.push(line), err: (line) => err.push(line), env: {}, cwd: work };
  const status = await runCli(args, REGISTRY_CLI, io);
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

const FILES: Record<string, string> = {
  'sources.csv': 'id,title\nafsa,AFSA public register\nafm,AFM\n',
  'licensed.csv':
    'target,name,licence,valid_until,brand,source\n' +
    'whitebit.kz,WhiteBIT Kazakhstan Ltd,AFSA-A-LA-2025-0003,2027-01-22,whitebit,afsa\n' +
    'intebix.kz,Intebix Ltd.,AFSA-G-LA-2022-0004,2026-09-01,intebix,afsa\n',
  'warnings.csv':
    'target,reason,brand,source\nokx.com,regulator-warning,okx,afsa\nswiftex.io,licence-withdrawn,,afsa\n',
  'blocked.csv': 'target,reason,brand,source\ncoinbase.com,state-block,coinbase,afm\n',
  'brands.csv':
    'brand,name,sites,note\nbinance,Binance,binance.com; Binance.US,own sites\nkraken,Kraken,kraken.com,\n',
};

/** Builds from FILES with `changes` written over them; the payload when it was written. */
async function build(changes: Record<string, string> = {}, out = 'payload.json') {
  for (const [name, text] of Object.entries({ ...FILES, ...changes })) writeFileSync(join(work, name), text);
  const result = await run([
    'build',
    ...['--sources', 'sources.csv', '--licensed', 'licensed.csv', '--warnings', 'warnings.csv'],
    ...['--blocked', 'blocked.csv', '--brands', 'brands.csv', '--issued-at', '2026-11-20T06:00:00Z'],
    ...['--out', out],
  ]);
  const payload =
    result.status === 0 ? (JSON.parse(readFileSync(join(work, out), 'utf8')) as RegistryPayload) : null;
  return { ...result, payload };
}

describe('registry build: valid_until, reason, brand and brands.csv', () => {
  it('reads the columns on every file and the brands file into the payload', async () => {
    const { status, payload, stdout } = await build();
    expect(status).toBe(0);
    const byTarget = new Map(payload?.entries.map((entry) => [entry.target, entry]));
    expect(byTarget.get('whitebit.kz')).toMatchObject({ validUntil: '2027-01-22', brand: 'whitebit' });
    expect(byTarget.get('okx.com')).toMatchObject({ reason: 'regulator-warning', brand: 'okx' });
    expect(byTarget.get('coinbase.com')).toMatchObject({ reason: 'state-block', brand: 'coinbase' });
    expect(payload?.brands).toEqual([
      { brand: 'binance', name: 'Binance', sites: ['binance.com', 'binance.us'] },
      { brand: 'kraken', name: 'Kraken', sites: ['kraken.com'] },
    ]);
    expect(stdout).toContain('2 brands');
  });

  it('warns, without failing, about a licence whose valid_until has already come', async () => {
    const { status, stderr } = await build();
    expect(status).toBe(0);
    expect(stderr).toContain('warning: licensed.csv:3:4: the licence of intebix.kz ended on 2026-09-01');
    expect(stderr).not.toContain('whitebit.kz');
  });

  it('refuses a reason it does not know, with its place', async () => {
    const { status, stderr } = await build({ 'warnings.csv': 'target,reason,source\nokx.com,warned,afsa\n' });
    expect(status).toBe(1);
    expect(stderr).toContain('warnings.csv:2:2: reason "warned" is not a known reason');
  });

  it('refuses a brand of fewer than 3 letters', async () => {
    const { status, stderr } = await build({ 'blocked.csv': 'target,brand,source\nok.kz,ok,afm\n' });
    expect(status).toBe(1);
    expect(stderr).toContain('blocked.csv:2:2: brand "ok" is shorter than 3 letters');
    const brands = await build({ 'brands.csv': 'brand,sites\nbn,binance.com\n' });
    expect(brands.stderr).toContain('brands.csv:2:1: brand "bn" is shorter than 3 letters');
  });

  it.each([['2027-02-30'], ['22.01.2027'], ['2027-01-22T00:00:00Z']])(
    'refuses a valid_until of %s, which is not a date',
    async (date) => {
      const text = `target,valid_until,source\nwhitebit.kz,${date},afsa\n`;
      const { status, stderr } = await build({ 'licensed.csv': text });
      expect(status).toBe(1);
      expect(stderr).toContain(`licensed.csv:2:2: valid_until "${date}" is not a date`);
    },
  );

  it('refuses a reason on a licence and a valid_until on a warning', async () => {
    const licensed = await build({ 'licensed.csv': 'target,reason,source\nwhitebit.kz,state-block,afsa\n' });
    expect(licensed.stderr).toContain('licensed.csv:2:2: reason is for warnings and blocks');
    const warning = await build({ 'warnings.csv': 'target,valid_until,source\nokx.com,2027-01-01,afsa\n' });
    expect(warning.stderr).toContain('warnings.csv:2:2: valid_until is for licences only');
  });

  it('refuses direction controls in a name, a licence and a source title', async () => {
    const name = await build({ 'blocked.csv': 'target,name,source\nx.kz,Coin\u202ebase,afm\n' });
    expect(name.stderr).toContain(
      'blocked.csv:2:2: name "Coin\u202ebase" holds a direction control character',
    );
    const licence = await build({ 'licensed.csv': 'target,licence,source\nx.kz,AFSA\u200f-1,afsa\n' });
    expect(licence.stderr).toContain('licensed.csv:2:2: licence');
    const title = await build({ 'sources.csv': 'id,title\nafsa,AFSA\u2066 register\nafm,AFM\n' });
    expect(title.stderr).toContain('sources.csv:2:2: title');
  });

  it('refuses a brand site that is not a host, and a brand given twice', async () => {
    const site = await build({ 'brands.csv': 'brand,sites\nbinance,https://binance.com\n' });
    expect(site.stderr).toContain('brands.csv:2:2: site "https://binance.com" is not a host (scheme)');
    const twice = await build({ 'brands.csv': 'brand,sites\nbinance,binance.com\nbinance,binance.us\n' });
    expect(twice.stderr).toContain('brands.csv:3:1: brand "binance" already given on line 2');
  });

  it('diff shows a changed reason and a changed licence end', async () => {
    await build({}, 'before.json');
    await build(
      {
        'licensed.csv': FILES['licensed.csv']?.replace('2027-01-22', '2027-07-22') ?? '',
        'warnings.csv':
          'target,reason,brand,source\nokx.com,regulator-warning,okx,afsa\nswiftex.io,licence-expired,,afsa\n',
        'brands.csv': 'brand,name,sites\nbinance,Binance,binance.com\n',
      },
      'after.json',
    );
    const { status, stdout } = await run(['diff', 'before.json', 'after.json']);
    expect(status).toBe(0);
    expect(stdout).toContain('~ swiftex.io: reason "licence-withdrawn" -> "licence-expired"');
    expect(stdout).toContain('~ whitebit.kz: validUntil "2027-01-22" -> "2027-07-22"');
    expect(stdout).toContain('- brand kraken: kraken.com');
    expect(stdout).toContain('~ brand binance: binance.com binance.us -> binance.com');
  });
});
