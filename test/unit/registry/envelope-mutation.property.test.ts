import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptRegistry } from '../../../lib/registry/accept-registry';
import type { TestKey } from './fixtures';
import { NOW, envelopeFor, makeKey, samplePayload } from './fixtures';

let key: TestKey;
let envelope: Uint8Array;

beforeAll(async () => {
  key = await makeKey();
  // The envelope as the signer writes it: compact JSON, nothing outside the object.
  envelope = await envelopeFor(samplePayload(), [key]);
});

async function accepts(bytes: Uint8Array): Promise<boolean> {
  const result = await acceptRegistry({
    bytes,
    trustedKeys: [key.publicKey],
    installedVersion: 41,
    now: NOW,
  });
  return result.ok;
}

describe('envelope integrity', () => {
  it('accepts the unchanged envelope', async () => {
    expect(await accepts(envelope)).toBe(true);
  });

  it('refuses every single-byte change', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: envelope.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (index, delta) => {
          const changed = envelope.slice();
          changed[index] = ((changed[index] ?? 0) + delta) % 256;
          expect(await accepts(changed)).toBe(false);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('refuses a change at every position (one substitution each)', async () => {
    const printable = [0x20, 0x22, 0x2b, 0x2f, 0x30, 0x3d, 0x41, 0x5c, 0x61, 0x7a, 0x7d];
    for (let index = 0; index < envelope.length; index += 1) {
      const changed = envelope.slice();
      const original = changed[index] ?? 0;
      changed[index] =
        printable.find((byte) => byte !== original && (byte + index) % 3 === 0) ?? original ^ 1;
      expect(await accepts(changed), `byte ${index}`).toBe(false);
    }
  });
});
