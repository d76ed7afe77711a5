/**
 * The background's side of the link marks: one batch of link targets from a
 * page of a marked site, judged from the local registry. Nothing leaves the
 * device. A tab is answered at most RATE.capacity times at once and then once
 * every RATE.refillMs; a batch beyond that gets `retryAfterMs` and no verdicts.
 */
import type { Browser } from 'wxt/browser';
import type { RegistryService } from '../lib/engine/registry-service';
import { MAX_LINK_LENGTH } from '../lib/links/link-target';
import { markedSiteFor } from '../lib/links/marked-site-for';
import { createRateLimiter, type RateLimiter } from '../lib/links/rate-limit';
import { MAX_LINK_BATCH, type LinkVerdicts, type Requests } from '../lib/messaging/protocol';
import type { Verdict } from '../lib/verdict/types';
import type { SettingsSource } from './settings-source';

type Sender = Browser.runtime.MessageSender;

const MARKED_VERDICTS: ReadonlySet<Verdict> = new Set(['licensed', 'blocked', 'warning', 'lookalike']);
export const LINK_RATE = { capacity: 8, refillMs: 500 } as const;

export interface LinkVerdictDeps {
  service: RegistryService;
  settings: SettingsSource;
  limiter?: RateLimiter;
}

export function createLinkVerdicts(deps: LinkVerdictDeps) {
  const limiter = deps.limiter ?? createRateLimiter({ ...LINK_RATE, now: () => Date.now() });
  return async (data: Requests['links/verdicts']['req'], sender: Sender): Promise<LinkVerdicts> => {
    const { effective, user } = await deps.settings.get();
    const answer: LinkVerdicts = {
      marked: [],
      allowBypass: effective.allowBypass,
      language: user.language ?? 'auto',
    };
    const tabId = sender.tab?.id;
    // Only the link marks ask this, and only from a page of the table's sites.
    if (tabId === undefined || !markedSiteFor(sender.url ?? sender.tab?.url ?? '')) return answer;
    const wait = limiter.take(tabId);
    if (wait > 0) return { ...answer, retryAfterMs: wait };
    const targets = Array.isArray(data.targets) ? data.targets.slice(0, MAX_LINK_BATCH) : [];
    for (const target of new Set(targets)) {
      if (typeof target !== 'string' || target.length > MAX_LINK_LENGTH) continue;
      const result = await deps.service.verdict(target, effective);
      if (MARKED_VERDICTS.has(result.verdict)) answer.marked.push({ target, result });
    }
    return answer;
  };
}
