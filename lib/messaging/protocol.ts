/**
 * The one message protocol between the content script, the extension pages
 * and the background. Each request names its type; the response type is fixed
 * by the request type. The background answers only senders of this extension.
 */
import type { RegistryOrigin } from '../registry/types';
import type { EffectiveSettings, PolicyProblem } from '../policy/types';
import type { VerdictResult } from '../verdict/types';

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
}

/** The UI language setting: `auto` follows the browser's UI language (kk, ru or en, else en). */
export type UiLanguage = 'auto' | 'kk' | 'ru' | 'en';

export interface UserSettings {
  registryUrl?: string;
  detectUnregistered?: boolean;
  language?: UiLanguage;
}

export interface Requests {
  'page/context': { req: { url: string }; res: PageContext };
  lookup: { req: { query: string }; res: { query: string; result: VerdictResult | null; error?: string } };
  'tab/current': { req: Record<string, never>; res: { url: string | null; context: PageContext | null } };
  'registry/status': { req: Record<string, never>; res: RegistryStatus };
  'registry/sync-now': { req: Record<string, never>; res: RegistryStatus };
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
 * `<qorgan-banner>` elements, and the sample the background scores for the unregistered detector.
 */
export const PAGE_SWEEP_FILE = '/page-sweep.js';
export const PAGE_SAMPLE_FILE = '/page-sample.js';

export type RequestType = keyof Requests;

export type Message = { [K in RequestType]: { type: K; data: Requests[K]['req'] } }[RequestType];

const REQUEST_TYPES: ReadonlySet<string> = new Set<RequestType>([
  'page/context',
  'lookup',
  'tab/current',
  'registry/status',
  'registry/sync-now',
  'dismiss/add',
  'dismiss/remove',
  'dismiss/list',
  'settings/get',
  'settings/set',
  'page/redirect-blocked',
  'page/open-details',
  'page/load-part',
]);

/** Narrows an unknown value received from the runtime to a protocol message. */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const { type, data } = value as { type?: unknown; data?: unknown };
  return typeof type === 'string' && REQUEST_TYPES.has(type) && typeof data === 'object' && data !== null;
}

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
