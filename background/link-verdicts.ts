/**
 * The background's side of the link marks' questions: one batch of a page's link addresses, from
 * a page of a marked site, judged by judge-links.ts. A tab is answered at most RATE.capacity
 * times at once and then once every RATE.refillMs; a batch beyond that gets `retryAfterMs` and
 * no verdicts.
 */
import type { Browser } from 'wxt/browser';
import { markedSiteFor } from '../lib/links/marked-site-for';
import { createRateLimiter, type RateLimiter } from '../lib/links/rate-limit';
import type { LinkVerdicts, Requests } from '../lib/messaging/protocol';
import { judgeLinks, type LinkJudgeDeps } from './judge-links';

type Sender = Browser.runtime.MessageSender;

export const LINK_RATE = { capacity: 8, refillMs: 500 } as const;

export interface LinkVerdictDeps extends LinkJudgeDeps {
  limiter?: RateLimiter;
}

/**
 * Answers one batch of a tab's links, asked from `pageUrl`, within the tab's rate. Both ways of
 * asking share it: the isolated world's message (createLinkVerdicts) and the page world's channel
 * (link-marks.ts).
 */
export type LinkAnswerer = (
  tabId: number | undefined,
  pageUrl: string,
  links: unknown,
) => Promise<LinkVerdicts>;

export function createLinkAnswerer(deps: LinkVerdictDeps): LinkAnswerer {
  const limiter = deps.limiter ?? createRateLimiter({ ...LINK_RATE, now: () => Date.now() });
  return async (tabId, pageUrl, links) => {
    // Only the link marks ask this, and only from a page of the table's sites.
    if (tabId === undefined || !markedSiteFor(pageUrl)) return judgeLinks(deps, [], pageUrl);
    const wait = limiter.take(tabId);
    if (wait > 0) return { ...(await judgeLinks(deps, [], pageUrl)), retryAfterMs: wait };
    return judgeLinks(deps, Array.isArray(links) ? links : [], pageUrl);
  };
}

export function createLinkVerdicts(deps: LinkVerdictDeps) {
  const answer = createLinkAnswerer(deps);
  return (data: Requests['links/verdicts']['req'], sender: Sender): Promise<LinkVerdicts> =>
    answer(sender.tab?.id, sender.url ?? sender.tab?.url ?? '', data.links);
}
