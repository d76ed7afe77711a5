/**
 * The one answer to "does this page (or frame) get a banner, the block page,
 * or nothing, and why". The background's navigation hooks, its message
 * handlers and the page script all ask it, so they cannot disagree.
 */
import type { EffectiveSettings } from '../policy/types';
import { WARNING_VERDICTS, type VerdictResult } from './types';
import { wantsDetection } from './wants-detection';

/** A document judged from its address: its verdict, and whether the user dismissed its site. */
export interface JudgedDocument {
  result: VerdictResult;
  /** The user dismissed the site of `result.host`; it counts only while bypass is allowed. */
  dismissed: boolean;
}

export interface PageToPresent {
  /** The tab's page, or a frame inside it. */
  frame: 'top' | 'sub';
  own: JudgedDocument;
  /** For the top frame: the sites its frames show (a wrapper can frame a warned site full-screen). */
  framed?: readonly JudgedDocument[];
  /** Whether a host is a search or messenger site of the link marks' table, never sampled; asked only where it matters. */
  isMarkedSite?: (host: string) => boolean;
}

export type PresentationSettings = Pick<
  EffectiveSettings,
  'blockMode' | 'allowBypass' | 'detectUnregistered'
>;

/**
 * `about` is the verdict shown, the page's own or a framed site's (`framed`). For a frame,
 * "banner" means the top frame shows it, naming the frame's site, and "block-page" means the
 * tab goes to the block page for the frame's address.
 */
export type Presentation =
  | { show: 'block-page'; why: 'blocked-in-block-mode'; about: VerdictResult; framed: boolean }
  | { show: 'banner'; why: 'warning-verdict'; about: VerdictResult; framed: boolean }
  | { show: 'nothing'; why: 'dismissed' | 'no-warning'; detect: boolean };

const notMarked = () => false;

type Shown = Exclude<Presentation, { show: 'nothing' }>;

function shown({ result, dismissed }: JudgedDocument, settings: PresentationSettings, framed: boolean) {
  if (!WARNING_VERDICTS.has(result.verdict) || (settings.allowBypass && dismissed)) return null;
  const blocks = result.verdict === 'blocked' && settings.blockMode === 'block';
  return blocks
    ? ({ show: 'block-page', why: 'blocked-in-block-mode', about: result, framed } satisfies Shown)
    : ({ show: 'banner', why: 'warning-verdict', about: result, framed } satisfies Shown);
}

/**
 * The page's own verdict first; then, for the top frame, a framed site that belongs on the block
 * page, then one that needs a banner. Only the top frame of a page the registry knows nothing of
 * is sampled for the unregistered-exchange detector.
 */
export function presentPage(page: PageToPresent, settings: PresentationSettings): Presentation {
  const own = shown(page.own, settings, false);
  if (own) return own;
  if (page.frame === 'top') {
    const framed = (page.framed ?? []).flatMap((document) => shown(document, settings, true) ?? []);
    const chosen = framed.find((candidate) => candidate.show === 'block-page') ?? framed[0];
    if (chosen) return chosen;
  }
  const warned = WARNING_VERDICTS.has(page.own.result.verdict);
  return {
    show: 'nothing',
    why: warned ? 'dismissed' : 'no-warning',
    detect:
      page.frame === 'top' &&
      wantsDetection(page.own.result, settings.detectUnregistered, page.isMarkedSite ?? notMarked),
  };
}
