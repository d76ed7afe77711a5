/**
 * The marks of a page's links, from their addresses as the page has them: each is unwrapped to
 * its real target (with the Public Suffix List for the wrapper hosts), judged from the local
 * registry and worded in the user's language. Here, not in the page, so the page's content code
 * stays small (bench/browser/link-marks.ts). Nothing leaves the device.
 */
import type { RegistryService } from '../lib/engine/registry-service';
import { resolveLanguage } from '../lib/i18n/language';
import { hostMatches } from '../lib/links/host-pattern';
import { MAX_LINK_LENGTH, linkTarget } from '../lib/links/link-target';
import { MAX_LINK_BATCH, type LinkMarkVerdict, type LinkVerdicts } from '../lib/messaging/protocol';
import type { VerdictResult } from '../lib/verdict/types';
import { linkMarkWords } from './link-mark-words';
import type { SettingsSource } from './settings-source';

const MARKED_VERDICTS: ReadonlySet<string> = new Set(['licensed', 'blocked', 'warning', 'lookalike']);

export interface LinkJudgeDeps {
  service: RegistryService;
  settings: SettingsSource;
  /** The browser's UI language, for a user who chose none. */
  browserLanguage(): string;
}

/** Judges at most MAX_LINK_BATCH links; what is no string, too long or not a web link is skipped. */
export async function judgeLinks(
  deps: LinkJudgeDeps,
  links: readonly unknown[],
  pageUrl: string,
): Promise<LinkVerdicts> {
  const { effective, user } = await deps.settings.get();
  const words = linkMarkWords(resolveLanguage(user.language, deps.browserLanguage()));
  const answer: LinkVerdicts = { marked: [], allowBypass: effective.allowBypass, ask: words.ask };
  const pageHost = URL.canParse(pageUrl) ? new URL(pageUrl).hostname : '';
  const judged = new Map<string, VerdictResult>();
  for (const link of new Set(links.slice(0, MAX_LINK_BATCH))) {
    if (typeof link !== 'string' || link.length > MAX_LINK_LENGTH) continue;
    const target = linkTarget(link, hostMatches);
    // A link to the page's own site (its next page, its settings) is not judged.
    if (target === null || new URL(target).hostname === pageHost) continue;
    let result = judged.get(target);
    if (!result) judged.set(target, (result = await deps.service.verdict(target, effective)));
    if (isMarked(result)) answer.marked.push({ link, ...words.mark(result) });
  }
  return answer;
}

function isMarked(result: VerdictResult): result is VerdictResult & { verdict: LinkMarkVerdict } {
  return MARKED_VERDICTS.has(result.verdict);
}
