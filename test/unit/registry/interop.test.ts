import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptRegistry } from '../../../lib/registry/accept-registry';
import { NOW, nodeKeyPair, nodeSignedEnvelope, runRegistryCli, samplePayload } from './fixtures';

const work = mkdtempSync(join(tmpdir(), 'qorgan-interop-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('an envelope signed with Node crypto, independently of the project signer', () => {
  const { privateKey, rawPublicKey } = nodeKeyPair();
  const publicKey = rawPublicKey.toString('base64');
  const payload = Buffer.from(JSON.stringify(samplePayload(), null, 2));

  it('is accepted by the verifier, with and without a keyid', async () => {
    const { createHash } = await import('node:crypto');
    const keyid = createHash('sha256').update(rawPublicKey).digest('hex');
    for (const bytes of [
      nodeSignedEnvelope(payload, privateKey, keyid),
      nodeSignedEnvelope(payload, privateKey),
    ]) {
      const result = await acceptRegistry({ bytes, trustedKeys: [publicKey], installedVersion: 1, now: NOW });
      expect(result.ok ? result.keyids : result).toEqual([keyid]);
    }
  });

  it('is refused when made for another payload type', async () => {
    const bytes = Buffer.from(
      JSON.stringify({
        ...(JSON.parse(
          nodeSignedEnvelope(payload, privateKey, undefined, 'text/plain').toString(),
        ) as object),
        payloadType: 'application/vnd.qorgan.registry+json',
      }),
    );
    const result = await acceptRegistry({ bytes, trustedKeys: [publicKey], installedVersion: 1, now: NOW });
    expect(result.ok ? 'accepted' : result.code).toBe('signature-untrusted');
  });

  it('is accepted by the CLI verify, which exits 0', () => {
    const file = join(work, 'envelope.json');
    writeFileSync(file, nodeSignedEnvelope(payload, privateKey));
    const run = runRegistryCli(
      ['verify', 'envelope.json', '--key', publicKey, '--now', NOW.toISOString()],
      work,
    );
    expect(run.stdout).toContain('accepted: version 42');
    expect(run.status).toBe(0);
  });
});
