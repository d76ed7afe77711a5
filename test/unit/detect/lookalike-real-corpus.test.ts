import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  loadRealHosts,
  newDetectorJudge,
  REAL_TARGETS,
  scoreRealHosts,
} from '../../eval/lookalike-real-corpus';

describe('lookalike detector on real phishing and legitimate hosts', () => {
  const hosts = loadRealHosts();

  it('has the corpus its README describes, split by a hash of the host', () => {
    expect(hosts.filter((h) => h.label === 'attack').length).toBeGreaterThanOrEqual(5000);
    expect(hosts.filter((h) => h.label === 'legit').length).toBeGreaterThanOrEqual(50_000);
    for (const h of hosts.slice(0, 2000)) {
      const even = (createHash('sha256').update(h.host).digest()[0] ?? 0) % 2 === 0;
      expect(h.split, h.host).toBe(even ? 'tune' : 'test');
    }
  });

  it('test part: recall >= 0.95 of attacks on protected brands, <= 0.2 % of legitimate hosts flagged', () => {
    const r = scoreRealHosts(newDetectorJudge(), 'test', hosts);
    expect(r.recall, r.missed.slice(0, 50).join(' ')).toBeGreaterThanOrEqual(REAL_TARGETS.recall);
    expect(r.legitFlaggedRate, r.legitFlagged.join(' ')).toBeLessThanOrEqual(REAL_TARGETS.legitFlaggedRate);
  });
});
