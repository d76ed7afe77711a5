/**
 * The background's side of the link marks' messages: one batch of a page's link addresses, from
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

export function createLinkVerdicts(deps: LinkVerdictDeps) {
  const limiter = deps.limiter ?? createRateLimiter({ ...LINK_RATE, now: () => Date.now() });
  return async (data: Requests['links/verdicts']['req'], sender: Sender): Promise<LinkVerdicts> => {
    const tabId = sender.tab?.id;
    const pageUrl = sender.url ?? sender.tab?.url ?? '';
    // Only the link marks ask this, and only from a page of the table's sites.
    if (tabId === undefined || !markedSiteFor(pageUrl)) return judgeLinks(deps, [], pageUrl);
    const wait = limiter.take(tabId);
    if (wait > 0) return { ...(await judgeLinks(deps, [], pageUrl)), retryAfterMs: wait };
    return judgeLinks(deps, Array.isArray(data.links) ? data.links : [], pageUrl);
  };
}
