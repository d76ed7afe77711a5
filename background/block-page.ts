/** The extension's block page, and when a page belongs on it. */
import type { EffectiveSettings } from '../lib/policy/types';
import type { VerdictResult } from '../lib/verdict/types';
import { isDismissed } from './dismissals';

function blockedPageUrl(url: string): string {
  return `${browser.runtime.getURL('/blocked.html')}?url=${encodeURIComponent(url)}`;
}

/** In block mode a blocked target goes to the block page, unless the user may dismiss and did. */
export async function belongsOnBlockPage(
  result: VerdictResult,
  effective: EffectiveSettings,
  now: Date,
): Promise<boolean> {
  if (result.verdict !== 'blocked' || effective.blockMode !== 'block') return false;
  return !(effective.allowBypass && (await isDismissed(result.host, now)));
}

export async function sendToBlockPage(tabId: number, url: string): Promise<void> {
  await browser.tabs.update(tabId, { url: blockedPageUrl(url) });
}
