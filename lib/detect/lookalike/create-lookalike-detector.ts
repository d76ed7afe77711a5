import { parse } from 'tldts';
import { BRAND_AFFIXES } from './brand-words';
import { confusableSkeleton, hasNonAscii } from './confusable-skeleton';
import { labelToUnicode } from './decode-punycode';
import { typoEdit } from './typo-edit';
import type { LookalikeDetector, LookalikeMatch, LookalikeTechnique, ProtectedBrand } from './types';

interface PreparedBrand {
  source: ProtectedBrand;
  skeleton: string;
  /** Typo and affix matching need a name long enough not to be an everyday word. */
  fuzzy: boolean;
}

interface LabelView {
  /** The label as typed (ASCII, maybe punycode). */
  ascii: string;
  skeleton: string;
  /** Skeletons of the label's hyphen-separated words, leading and trailing digits removed. */
  tokens: string[];
  foreign: boolean;
}

const MIN_FUZZY_BRAND = 5;
const AFFIX_SKELETONS: ReadonlySet<string> = new Set([...BRAND_AFFIXES].map(confusableSkeleton));
const MIN_TOKEN_BRAND = 4;

function viewLabel(label: string): LabelView {
  const unicode = labelToUnicode(label);
  const tokens = unicode
    .split(/[-_]+/u)
    .map((t) => confusableSkeleton(t.replace(/^\d+|\d+$/gu, '')))
    .filter((t) => t !== '');
  return { ascii: label, skeleton: confusableSkeleton(unicode), tokens, foreign: hasNonAscii(unicode) };
}

/** A non-ASCII glyph standing in for exactly one letter of the brand (mixed-script spoof). */
function oneForeignGlyphAway(candidate: string, brand: string): boolean {
  const a = [...candidate];
  const b = [...brand];
  if (a.length !== b.length) return false;
  let diffs = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (!hasNonAscii(a[i] ?? '')) return false;
    diffs++;
  }
  return diffs === 1;
}

/** How a whole registrable label imitates the brand, if it does. */
function labelTechnique(label: LabelView, brand: PreparedBrand): LookalikeTechnique | null {
  if (label.skeleton === brand.skeleton) {
    if (label.foreign) return 'homograph';
    return label.ascii === brand.source.brand ? 'other-suffix' : 'typo';
  }
  if (!brand.fuzzy) return null;
  if (typoEdit(label.skeleton, brand.skeleton) !== null) return label.foreign ? 'homograph' : 'typo';
  if (label.foreign && oneForeignGlyphAway(label.skeleton, brand.skeleton)) return 'homograph';
  return null;
}

function tokenImitates(token: string, brand: PreparedBrand): boolean {
  if (token === brand.skeleton) return brand.skeleton.length >= MIN_TOKEN_BRAND;
  if (!brand.fuzzy) return false;
  const b = brand.skeleton;
  if (token.startsWith(b) && AFFIX_SKELETONS.has(token.slice(b.length))) return true;
  if (token.endsWith(b) && AFFIX_SKELETONS.has(token.slice(0, -b.length))) return true;
  return typoEdit(token, b) !== null;
}

/** The brand as a word inside a label: hyphen- or digit-separated, or glued to a phishing word. */
function labelContainsBrand(label: LabelView, brand: PreparedBrand): boolean {
  return label.tokens.some((token) => tokenImitates(token, brand));
}

function isWithin(host: string, parent: string): boolean {
  return host === parent || host.endsWith(`.${parent}`);
}

/**
 * Builds the lookalike detector for a set of protected brands.
 *
 * The detector never flags a host at or under any brand's own hosts, or a host with an IP
 * address or without a registrable domain. A host that carries a brand's exact label under
 * another public suffix (`bybit.com`) is reported as `other-suffix`; the registry lists the
 * brand's own such domains, and the caller gives list verdicts precedence.
 */
export function createLookalikeDetector(brands: readonly ProtectedBrand[]): LookalikeDetector {
  const prepared: PreparedBrand[] = brands
    .filter((b) => b.brand.length > 0)
    .map((b) => {
      const skeleton = confusableSkeleton(b.brand.toLowerCase());
      return { source: b, skeleton, fuzzy: skeleton.length >= MIN_FUZZY_BRAND };
    });
  const protectedHosts = brands.flatMap((b) => b.own);

  return (rawHost: string): LookalikeMatch | null => {
    const host = rawHost.trim().toLowerCase().replace(/\.$/u, '');
    if (host === '' || protectedHosts.some((target) => isWithin(host, target))) return null;

    const parsed = parse(host, { allowPrivateDomains: true });
    if (parsed.isIp === true || parsed.domainWithoutSuffix === null || parsed.domainWithoutSuffix === '') {
      return null;
    }
    const registrable = viewLabel(parsed.domainWithoutSuffix);
    const subLabels = (parsed.subdomain ?? '')
      .split('.')
      .filter((l) => l !== '' && l !== 'www')
      .map(viewLabel);

    for (const brand of prepared) {
      const technique = labelTechnique(registrable, brand);
      if (technique !== null) return { brand: brand.source, technique };
    }
    for (const brand of prepared) {
      for (const label of [registrable, ...subLabels]) {
        if (label !== registrable && labelTechnique(label, brand) === 'homograph') {
          return { brand: brand.source, technique: 'homograph' };
        }
        if (labelContainsBrand(label, brand)) {
          return { brand: brand.source, technique: 'brand-in-domain' };
        }
      }
    }
    return null;
  };
}
