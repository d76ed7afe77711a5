/**
 * The code injected into pages is parsed in every page that gets it, the banner's while the page
 * commits: it must not carry the Public Suffix List (tldts-experimental, about 110 KB of data), which only the
 * background needs. This walks each page entry's imports, as the bundler will.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const PAGE_ENTRIES = [
  'entrypoints/page-watch/index.ts',
  'entrypoints/page-banner/index.ts',
  'entrypoints/page-sweep/index.ts',
  'entrypoints/page-sample/index.ts',
  'entrypoints/page-sample-isolated/index.ts',
  'entrypoints/link-marks/index.ts',
];
const HEAVY = ['tldts', 'tldts-core', 'tldts-experimental'];
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

function resolveFile(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  const forms = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`];
  return forms.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null;
}

/** The packages an entry reaches through its own files, with the file that imports each. */
function packagesReached(entry: string): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [path.join(ROOT, entry)];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? '';
      if (specifier.startsWith('.')) {
        const next = resolveFile(file, specifier);
        if (next && /\.tsx?$/.test(next)) queue.push(next);
      } else if (!packages.has(specifier)) {
        packages.set(specifier, path.relative(ROOT, file));
      }
    }
  }
  return packages;
}

describe('code injected into pages', () => {
  it.each(PAGE_ENTRIES)('%s carries no Public Suffix List', (entry) => {
    expect(existsSync(path.join(ROOT, entry))).toBe(true);
    const reached = packagesReached(entry);
    // The walk finds what it should: every entry reaches at least one package (wxt's helpers).
    expect(reached.size).toBeGreaterThan(0);
    const heavy = [...reached].filter(([name]) => HEAVY.some((h) => name === h || name.startsWith(`${h}/`)));
    expect(heavy).toEqual([]);
  });

  it('finds a package reached through a chain of files, as the background reaches the suffix list', () => {
    expect([...packagesReached('entrypoints/background.ts').keys()]).toContain('tldts-experimental');
  });
});
