import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY_CLI } from '../../../cli/commands';
import type { Io } from '../../../cli/io';
import { runCli } from '../../../cli/run-cli';
import { keyIdOfBase64 } from '../../../lib/registry/keyid';
import { runRegistryCli } from './fixtures';

const work = mkdtempSync(join(tmpdir(), 'qorgan-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(name: string, text: string): string {
  writeFileSync(join(work, name), text);
  return name;
}

/** Runs a verb in this process, for the checks that need no separate process. */
async function inProcess(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (line) => out.push(line), err: (line) => err.push(line), env, cwd: work };
  const status = await runCli(args, REGISTRY_CLI, io);
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

const SOURCES = 'id,title,url\nafsa,AFSA public register,https://publicreg.myafsa.com/\nafm,AFM,\n';
const LICENSED =
  'target,name,licence,brand,source\nBybit.KZ.,Bybit Kazakhstan,AFSA-A-LA-2024-0027,bybit,afsa\n';
const WARNINGS = 'target,name,alternative,source\nbybit.com,Bybit (global),bybit.kz,afsa\n';
const BLOCKED =
  'target,source,note\ncoinbase.com,afm,\n# a comment line\nt.me/Obmen_KZT_bot/,afm,from an export\ncoinbase.com,afm,\n';

function buildArgs(out: string, extra: string[] = []): string[] {
  return [
    'build',
    '--sources',
    'sources.csv',
    '--licensed',
    'licensed.csv',
    '--warnings',
    'warnings.csv',
    '--blocked',
    'blocked.csv',
    '--issued-at',
    '2026-11-20T06:00:00Z',
    '--out',
    out,
    ...extra,
  ];
}

let publicKey = '';

describe('registry CLI', () => {
  beforeAll(() => {
    write('sources.csv', SOURCES);
    write('licensed.csv', LICENSED);
    write('warnings.csv', WARNINGS);
    write('blocked.csv', BLOCKED);
  });

  it('keygen writes a private key readable by its owner only and prints the public key and keyid', async () => {
    const run = runRegistryCli(['keygen', '--out', 'signing.pem'], work);
    expect(run.status).toBe(0);
    expect(statSync(join(work, 'signing.pem')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(work, 'signing.pem'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const key = /^public key: (\S+)$/m.exec(run.stdout)?.[1] ?? '';
    const keyid = /^keyid: ([0-9a-f]{64})$/m.exec(run.stdout)?.[1];
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    expect(keyid).toBe(await keyIdOfBase64(key));
    expect(run.stdout).not.toContain('PRIVATE');
    publicKey = key;

    const again = await inProcess(['keygen', '--out', 'signing.pem']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('--force');
  });

  it('build normalises, removes duplicates, numbers and dates the payload', async () => {
    const run = await inProcess(buildArgs('v1.json', ['--valid-days', '14']));
    expect(run.stderr).toContain('coinbase.com repeated');
    expect(run.status).toBe(0);
    const payload = JSON.parse(readFileSync(join(work, 'v1.json'), 'utf8')) as Record<string, unknown>;
    expect(payload).toMatchObject({
      schema: 1,
      jurisdiction: 'KZ',
      version: 1,
      issuedAt: '2026-11-20T06:00:00Z',
      expiresAt: '2026-12-04T06:00:00Z',
    });
    expect((payload.entries as { target: string }[]).map((e) => e.target)).toEqual([
      'bybit.com',
      'bybit.kz',
      'coinbase.com',
      't.me/obmen_kzt_bot',
    ]);
  });

  it('build assigns the version after --previous, and refuses to go back', async () => {
    expect((await inProcess(buildArgs('v2.json', ['--previous', 'v1.json']))).status).toBe(0);
    expect(JSON.parse(readFileSync(join(work, 'v2.json'), 'utf8'))).toMatchObject({ version: 2 });
    const back = await inProcess(buildArgs('v0.json', ['--previous', 'v2.json', '--version', '2']));
    expect(back.status).toBe(1);
    expect(back.stderr).toContain('not greater than the previous version 2');
  });

  it('build reports a bad CSV value as file:line:column, and writes nothing', () => {
    write('bad.csv', 'source,target\nafm,ok.kz\n\nafm,https://bad.kz\nafm,bad.kz:8080\n');
    const run = runRegistryCli(buildArgs('never.json', ['--blocked', 'bad.csv']), work);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('bad.csv:4:2: target "https://bad.kz" has a scheme');
    expect(run.stderr).toContain('bad.csv:5:2: target "bad.kz:8080" has a port');
    expect(() => statSync(join(work, 'never.json'))).toThrow();
  });

  it('build reports broken CSV syntax, unknown columns and missing values with their place', async () => {
    write('quote.csv', 'target,source\nok.kz,afm\n"broken.kz,afm\n');
    const quote = await inProcess(buildArgs('never.json', ['--blocked', 'quote.csv']));
    expect(quote.status).toBe(1);
    expect(quote.stderr).toContain('quote.csv:3:1: a quoted field opened here is never closed');
    write('columns.csv', 'target,source,colour\nok.kz,afm,red\n');
    expect((await inProcess(buildArgs('never.json', ['--blocked', 'columns.csv']))).stderr).toContain(
      'columns.csv:1:3: unknown column "colour"',
    );
    write('empty.csv', 'target,source\nok.kz,\n');
    expect((await inProcess(buildArgs('never.json', ['--blocked', 'empty.csv']))).stderr).toContain(
      'empty.csv:2:2: source is empty',
    );
    write('count.csv', 'target,source\nok.kz,afm,extra\n');
    expect((await inProcess(buildArgs('never.json', ['--blocked', 'count.csv']))).stderr).toContain(
      'count.csv:2:3:',
    );
    write('conflict.csv', 'target,source\nbybit.kz,afm\n');
    const conflict = await inProcess(buildArgs('never.json', ['--blocked', 'conflict.csv']));
    expect(conflict.stderr).toContain('bybit.kz is given differently');
  });

  it('sign takes keys from a file, writes an envelope that verify accepts', () => {
    const sign = runRegistryCli(
      ['sign', '--in', 'v1.json', '--out', 'v1.envelope.json', '--key-file', 'signing.pem'],
      work,
    );
    expect(sign.status).toBe(0);
    const verify = runRegistryCli(
      ['verify', 'v1.envelope.json', '--key', publicKey, '--now', '2026-11-21T00:00:00Z'],
      work,
    );
    expect(verify.stdout).toContain('accepted: version 1');
    expect(verify.status).toBe(0);
  });

  it('sign takes keys from QORGAN_SIGNING_KEY, never from an argument', async () => {
    const pem = readFileSync(join(work, 'signing.pem'), 'utf8');
    const fromEnv = await inProcess(['sign', '--in', 'v2.json', '--out', 'v2.envelope.json'], {
      QORGAN_SIGNING_KEY: pem,
    });
    expect(fromEnv.status).toBe(0);
    const verified = await inProcess(
      ['verify', 'v2.envelope.json', '--now', '2026-11-21T00:00:00Z', '--installed-version', '1'],
      {
        QORGAN_TRUSTED_KEYS: `${publicKey}`,
      },
    );
    expect(verified.stdout).toContain('accepted: version 2');

    const argument = await inProcess(['sign', '--in', 'v2.json', '--out', 'x.json', `--key=${pem}`]);
    expect(argument.status).toBe(2);
    expect(argument.stderr).toContain('never read from arguments');
    const none = await inProcess(['sign', '--in', 'v2.json', '--out', 'x.json']);
    expect(none.status).toBe(2);
  });

  it('sign refuses a payload that does not validate', async () => {
    write('invalid.json', '{"schema":1}');
    const run = await inProcess([
      'sign',
      '--in',
      'invalid.json',
      '--out',
      'x.json',
      '--key-file',
      'signing.pem',
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('payload-invalid');
  });

  it('verify prints the reason and exits non-zero on failure', async () => {
    const other = await inProcess(['keygen', '--out', 'other.pem']);
    const otherKey = /^public key: (\S+)$/m.exec(other.stdout)?.[1] ?? '';
    const wrong = runRegistryCli(
      ['verify', 'v1.envelope.json', '--key', otherKey, '--now', '2026-11-21T00:00:00Z'],
      work,
    );
    expect(wrong.stdout).toContain('rejected: signature-untrusted');
    expect(wrong.status).toBe(1);

    const rollback = await inProcess([
      'verify',
      'v1.envelope.json',
      '--key',
      publicKey,
      '--installed-version',
      '2',
      '--now',
      '2026-11-21T00:00:00Z',
    ]);
    expect(rollback).toMatchObject({ status: 1 });
    expect(rollback.stdout).toContain('rejected: rollback');
    const expired = await inProcess([
      'verify',
      'v1.envelope.json',
      '--key',
      publicKey,
      '--now',
      '2027-01-01T00:00:00Z',
    ]);
    expect(expired.stdout).toContain('rejected: expired');
    const noKeys = await inProcess(['verify', 'v1.envelope.json']);
    expect(noKeys.stdout).toContain('rejected: no-trusted-keys');
    expect(noKeys.status).toBe(1);
  });

  it('diff lists entries added, removed and changed', async () => {
    write('blocked-v3.csv', 'target,source,name\nt.me/obmen_kzt_bot,afm,Exchange bot\nnew-scam.kz,afm,\n');
    expect(
      (
        await inProcess([
          ...buildArgs('v3.json', ['--previous', 'v2.json']).filter(
            (a) => a !== 'blocked.csv' && a !== '--blocked',
          ),
          '--blocked',
          'blocked-v3.csv',
        ])
      ).status,
    ).toBe(0);
    const run = await inProcess(['diff', 'v2.json', 'v3.json']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('+ new-scam.kz blocked');
    expect(run.stdout).toContain('- coinbase.com blocked');
    expect(run.stdout).toContain('~ t.me/obmen_kzt_bot: name (none) -> "Exchange bot"');
    expect(run.stdout).toContain('1 added, 1 removed, 1 changed (version 2 -> 3)');
    const json = JSON.parse((await inProcess(['diff', 'v2.json', 'v3.json', '--json'])).stdout) as {
      added: unknown[];
    };
    expect(json.added).toHaveLength(1);
  });

  it('prints usage for no verb, an unknown verb and --help', async () => {
    expect((await inProcess([])).status).toBe(2);
    const unknown = await inProcess(['upload']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown verb "upload"');
    const help = await inProcess(['build', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--valid-days');
    const badOption = await inProcess(['verify', 'x.json', '--colour']);
    expect(badOption.status).toBe(2);
  });
});
