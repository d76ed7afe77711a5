import type { RegistryEntry } from '../../registry/types';

/** A licensed brand that lookalike detection protects. */
export interface LookalikeBrand {
  /** The brand's name as it appears in host labels, lower case ASCII (`bybit`). */
  brand: string;
  /** The licensed target: an ASCII host, optionally followed by a path prefix. */
  target: string;
  entry: RegistryEntry;
}

/**
 * How a host imitates a brand.
 * - `homograph`: a label that contains non-ASCII letters whose confusable skeleton is the brand
 *   (or one typo away from it), e.g. `bybіt.kz` with a Kazakh/Ukrainian і.
 * - `typo`: an ASCII label one plausible typing or visual slip away from the brand (`bybti`,
 *   `whitebbit`, `byb1t`, `vvhitebit`, `by-bit`).
 * - `brand-in-domain`: the brand as a word inside another domain (`bybit.kz.secure-login.com`,
 *   `bybit-kz.com`, `login-bybit.net`, `bybitkz.app`).
 * - `other-suffix`: exactly the brand's registrable label under another public suffix
 *   (`bybit.com`, `ataix.net`). Brands often own such domains themselves; the registry lists the
 *   ones it knows (as `warning`), and list verdicts take precedence over this detector.
 */
export type LookalikeTechnique = 'homograph' | 'typo' | 'brand-in-domain' | 'other-suffix';

export interface LookalikeMatch {
  imitates: RegistryEntry;
  technique: LookalikeTechnique;
}

/** Host (ASCII, lower case, possibly punycode) to a match, or `null` when it imitates nothing. */
export type LookalikeDetector = (host: string) => LookalikeMatch | null;
