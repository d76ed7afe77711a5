import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stemScanner } from '../../../lib/detect/unregistered/stem-scan';

const STEMS = [
  'заявк',
  'курс',
  'exchange',
  'exchanger',
  'change',
  'rate',
  'create',
  'aml',
  'laundering',
  'a.b',
];

function byIncludes(stems: readonly string[], text: string): string[] {
  return stems.filter((stem) => text.includes(stem)).sort();
}

describe('stemScanner', () => {
  const scan = stemScanner(STEMS);

  it('finds a stem inside a longer one and stems that overlap, as a search per stem does', () => {
    expect([...scan('exchanger')].sort()).toEqual(['change', 'exchange', 'exchanger']);
    expect([...scan('заявкурс createxchange amlaundering')].sort()).toEqual(
      byIncludes(STEMS, 'заявкурс createxchange amlaundering'),
    );
    expect(scan('no stem here').size).toBe(0);
  });

  it('takes stems literally, not as patterns', () => {
    expect(scan('a-b').has('a.b')).toBe(false);
    expect(scan('a.b').has('a.b')).toBe(true);
  });

  it('answers as a search per stem on any text built from their pieces', () => {
    const piece = fc.constantFrom(
      ...STEMS,
      ...STEMS.map((s) => s.slice(1)),
      ...STEMS.map((s) => s.slice(0, -1)),
      ' ',
      'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect([...scan(text)].sort()).toEqual(byIncludes(STEMS, text));
      }),
    );
  });
});
