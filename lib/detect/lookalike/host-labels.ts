import { parse } from 'tldts-experimental';
import { confusableSkeleton, hasNonAscii } from './confusable-skeleton';
import { labelToUnicode } from './decode-punycode';

export interface LabelView {
  /** The label as typed (ASCII, maybe punycode). */
  ascii: string;
  skeleton: string;
  /** Skeletons of the label's hyphen-separated words, leading and trailing digits removed. */
  tokens: string[];
  /** The same words as typed (for typos), when the label is ASCII. */
  plainTokens: string[];
  foreign: boolean;
}

export interface HostLabels {
  /** The label under the public suffix, private suffixes (`pages.dev`, `web.app`) included. */
  registrable: LabelView;
  /** The labels above it, `www` left out. */
  subdomains: LabelView[];
}

const MAX_HOST = 253;
const DIGIT_EDGES = /^\d+|\d+$/gu;

export function viewLabel(label: string): LabelView {
  const unicode = labelToUnicode(label);
  const words = unicode
    .split(/[-_]+/u)
    .map((t) => t.replace(DIGIT_EDGES, ''))
    .filter((t) => t !== '');
  const foreign = hasNonAscii(unicode);
  return {
    ascii: label,
    skeleton: confusableSkeleton(unicode),
    tokens: words.map(confusableSkeleton),
    plainTokens: foreign ? [] : words,
    foreign,
  };
}

/** The labels of a host worth judging, or null for an IP, an over-long host or no registrable name. */
export function hostLabels(host: string): HostLabels | null {
  if (host.length > MAX_HOST) return null;
  const parsed = parse(host, { allowPrivateDomains: true });
  const name = parsed.domainWithoutSuffix;
  if (parsed.isIp === true || name === null || name === '') return null;
  const subdomains = (parsed.subdomain ?? '')
    .split('.')
    .filter((l) => l !== '' && l !== 'www')
    .map(viewLabel);
  return { registrable: viewLabel(name), subdomains };
}

/** The host itself and each parent, for own-site lookups: `a.b.kz`, `b.kz`, `kz`. */
export function hostAndParents(host: string): string[] {
  const out = [host];
  for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) out.push(host.slice(dot + 1));
  return out;
}
