/**
 * The one message protocol between the content script, the extension pages
 * and the background. Each request names its type; the response type is fixed
 * by the request type. The background answers only senders of this extension, and content code
 * only for the requests in `CONTENT_REQUESTS`.
 */
import type { RegistryOrigin } from '../registry/types';
import type { EffectiveSettings, PolicyProblem } from '../policy/types';
import type { VerdictResult } from '../verdict/types';

/** Why a page went to the warning page other than by fighting its banner: the browser paints none in its document. */
export type TamperCause = 'unpaintable';

export interface RegistryStatus {
  version: number;
  origin: RegistryOrigin;
  issuedAt: string;
  expiresAt: string;
  entryCount: number;
  /** Title of the registry's first source, for "where this comes from". */
  sources: { id: string; title: string; url?: string; retrievedAt?: string }[];
  lastSyncAt: string | null;
  lastError: { reason: string; detail?: string; at: string } | null;
  registryUrl: string | null;
  nextSyncAt: string | null;
}

/** What a page (banner or block page) needs beyond the verdict. */
export interface PageContext {
  result: VerdictResult;
  /** The registry entry's source, resolved from the payload's sources. */
  source: { id: string; title: string; url?: string } | null;
  registryIssuedAt: string;
  allowBypass: boolean;
  blockMode: 'warn' | 'block';
  dismissed: boolean;
  reportUrl: string | null;
  /** The user's UI language choice, so the banner speaks the popup's language. */
  language: UiLanguage;
  /**
   * Set when `result` is about a site this page shows in a frame, not about the page itself
   * ("this page shows bybit.com, which …"): the page's own host.
   */
  shownVia?: { host: string };
}

/** The UI language setting: `auto` follows the browser's UI language (kk, ru or en, else en). */
export type UiLanguage = 'auto' | 'kk' | 'ru' | 'en';

export interface UserSettings {
  registryUrl?: string;
  detectUnregistered?: boolean;
  language?: UiLanguage;
}

export interface Requests {
  /** Content code (about its own page; the address is the sender's) and the block page. */
  'page/context': { req: { url: string }; res: PageContext };
  /** Extension pages only, as are all requests not in `CONTENT_REQUESTS`. */
  lookup: { req: { query: string }; res: { query: string; result: VerdictResult | null; error?: string } };
  'tab/current': { req: Record<string, never>; res: { url: string | null; context: PageContext | null } };
  'registry/status': { req: Record<string, never>; res: RegistryStatus };
  'registry/sync-now': { req: Record<string, never>; res: RegistryStatus };
  /** Content code (its own site, while warned and bypass is allowed) and the block page. */
  'dismiss/add': { req: { host: string }; res: { ok: true } };
  'dismiss/remove': { req: { host: string }; res: { ok: true } };
  'dismiss/list': { req: Record<string, never>; res: { host: string; until: string }[] };
  'settings/get': {
    req: Record<string, never>;
    res: { user: UserSettings; effective: EffectiveSettings; problems: PolicyProblem[] };
  };
  /** Refuses a registry URL that breaks the policy rules (https:, or http: to this machine), saying why. */
  'settings/set': {
    req: UserSettings;
    res: { ok: true } | { ok: false; field: 'registryUrl'; reason: string };
  };
  /**
   * Content script, blockMode `block`: the fallback when the navigation was not
   * redirected to the block page. The background decides from the sender's tab
   * URL, never from `url` alone.
   */
  'page/redirect-blocked': { req: { url: string }; res: { ok: boolean } };
  /** Banner "Details": open `popup.html?url=<encoded url>` in a new tab. */
  'page/open-details': { req: { url: string }; res: { ok: true } };
  /**
   * The page script, when it needs a part it does not carry (the banner UI): the background
   * injects that part's file into the sender's frame.
   */
  'page/load-part': { req: { part: PagePart }; res: { ok: boolean } };
  /** Sent by content code about its own tab (the block page too): Go back leaves the site; the tab is the sender's. */
  'tab/leave-site': { req: Record<string, never>; res: { ok: boolean } };
  /**
   * Sent by content code (the link marks of a search or messenger page): a burst of its links'
   * addresses, as the page has them. The background finds their real targets and judges them.
   */
  'links/verdicts': { req: { links: string[] }; res: LinkVerdicts };
  /**
   * Sent by content code, about its own tab only: the page keeps fighting its banner. The
   * background takes the tab from the sender (never from the message) and, when the tab's page
   * still needs a banner, sends it to the extension's warning page (`blocked.html?tampered=1`).
   * `unpaintable`: the document is one the browser paints no banner in (Firefox, an SVG document),
   * so the page says that rather than that the site fought the warning.
   */
  'page/tampered': { req: { cause?: TamperCause }; res: { ok: boolean } };
  /**
   * Extension pages only (the warning page's Continue): lets the site be shown without its
   * warning until the browser closes. Refused unless bypass is allowed.
   */
  'dismiss/session': { req: { host: string }; res: { ok: boolean } };
}

/** The most links one `links/verdicts` message may ask about; the rest wait for the next. */
export const MAX_LINK_BATCH = 200;

/** The verdicts that give a link a mark. */
export type LinkMarkVerdict = 'licensed' | 'blocked' | 'warning' | 'lookalike';

/** A link's mark, worded in the user's language by the background. */
export interface LinkMark {
  verdict: LinkMarkVerdict;
  /** The verdict's plain sentence, shown on hover and focus. */
  sentence: string;
  /** The mark's accessible label. */
  label: string;
}

/** The answer to `links/verdicts`. */
export interface LinkVerdicts {
  /** The links, as sent, whose target gets a mark; any other link has none. */
  marked: (LinkMark & { link: string })[];
  allowBypass: boolean;
  /** The words of the question before a blocked link is followed. */
  ask: { title: string; goBack: string; proceed: string };
  /** Set when the tab asked too often: nothing was judged, ask again after this many milliseconds. */
  retryAfterMs?: number;
}

/** The link marks' content code, injected by the background into pages of the marked sites only. */
export const LINK_MARKS_FILE = '/link-marks.js';

/**
 * The property of the link marks' world where the running link marks take the marks of their
 * first links (a function of LinkMarksSeed, or null when the background could not judge them).
 */
export const LINK_MARKS_SEED = '__qorganLinkMarksSeed';

/**
 * In the page's own world (search engines, see background/link-marks.ts), which has no extension
 * API: the property whose function hands the background the links waiting for an answer (an empty
 * list when none wait). The link marks ask for it by replacing the page's history entry with
 * itself, which the background hears as `webNavigation.onHistoryStateUpdated`.
 */
export const LINK_MARKS_ASKED = '__qorganLinkMarksAsked';

/** In the page's own world: the property whose function takes the background's LinkVerdicts. */
export const LINK_MARKS_ANSWER = '__qorganLinkMarksAnswer';

/** In the link marks' world: the property whose function asks about every link again. */
export const LINK_MARKS_REFRESH = '__qorganLinkMarksRefresh';

/** The marks of the links a page had when it loaded, judged before the link marks start. */
export interface LinkMarksSeed {
  /** The links judged, marked or not. */
  links: string[];
  answer: LinkVerdicts;
}

/** The parts of the content code loaded into a page only when it needs them. */
export type PagePart = 'banner';

/** The property of the page's isolated world that the running page script sets to `true`. */
export const PAGE_SCRIPT_GLOBAL = '__qorganPageWatch';

/** The property of the page's isolated world where the parts register (components/page-parts.ts). */
export const PAGE_PARTS_GLOBAL = '__qorganPageParts';

/** The file each part is built into (an unlisted script of the build), as the background injects it. */
export const PAGE_PART_FILES: ReadonlyMap<string, string> = new Map<PagePart, string>([
  ['banner', '/page-banner.js'],
]);

/**
 * What a loaded page without a banner gets, in its own (main) world: the sweep of forged
 * banner hosts (`[data-qorgan-banner]`), and the sample the background scores for the unregistered detector.
 */
export const PAGE_SWEEP_FILE = '/page-sweep.js';
export const PAGE_SAMPLE_FILE = '/page-sample.js';

export type RequestType = keyof Requests;

export type Message = { [K in RequestType]: { type: K; data: Requests[K]['req'] } }[RequestType];

/**
 * What content code (the page script and the banner, in a web page's isolated world) may ask.
 * The background answers these for the sender's own tab and page only, with the address the
 * browser gives for the sender. Every other request answers only to the extension's own pages.
 * Adding a content request is one line here, and its handler in background/content-handlers.ts.
 */
export const CONTENT_REQUESTS = [
  'page/context',
  'page/load-part',
  'page/redirect-blocked',
  'page/open-details',
  'dismiss/add',
  'tab/leave-site',
  'links/verdicts',
  'page/tampered',
] as const satisfies readonly RequestType[];

export type ContentRequestType = (typeof CONTENT_REQUESTS)[number];

/**
 * The one message the background sends to content scripts: the registry or
 * the settings changed, ask for this page's context again.
 */
export const RECHECK_MESSAGE = { type: 'qorgan/recheck' } as const;

export function isRecheckMessage(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && (value as { type?: unknown }).type === RECHECK_MESSAGE.type
  );
}
