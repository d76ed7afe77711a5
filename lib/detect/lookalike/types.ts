import type { RegistryEntry } from '../../registry/types';

/** A brand that lookalike detection protects. */
export interface ProtectedBrand {
  /** The brand word, lower-case ASCII (`bybit`, `okx`). */
  brand: string;
  /** Hosts (targets' hosts and the brand's sites): a host at or under one is never its lookalike. */
  own: readonly string[];
  /** What the user is told is imitated (`data-imitates`): the licensed target if the brand has
   * one, else the first entry target naming the brand, else the brand's first site. */
  imitates: string;
  /** The registry entry of `imitates`, for its standing; null for a brand known only from `brands`. */
  entry: RegistryEntry | null;
}

/**
 * How a host imitates a brand.
 * - `homograph`: a label with non-ASCII letters whose confusable skeleton is the brand, holds it,
 *   or is one slip away from it (`bybіt.kz` with a Kazakh і).
 * - `typo`: an ASCII label one plausible typing or visual slip away from the brand (`bybti`,
 *   `whitebbit`, `byb1t`, `vvhitebit`, `by-bit`).
 * - `brand-in-domain`: the brand inside another domain (`bybitarcade.com`, `login-okx.com`,
 *   `htxglobal.web.app`, `okx.sahara-ai.digital`).
 * - `other-suffix`: exactly the brand's label under another suffix (`bybit.com`, `okx.bond`).
 *   Brands often own such domains; the registry lists the ones it knows, and list verdicts take
 *   precedence over this detector.
 */
export type LookalikeTechnique = 'homograph' | 'typo' | 'brand-in-domain' | 'other-suffix';

export interface LookalikeMatch {
  brand: ProtectedBrand;
  technique: LookalikeTechnique;
}

/** Host (ASCII, lower case, possibly punycode) to a match, or `null` when it imitates nothing. */
export type LookalikeDetector = (host: string) => LookalikeMatch | null;
