/**
 * A page that keeps fighting its banner (removing it, covering it, stealing focus) is taken to
 * the extension's own warning page, which no page can touch. The request comes from our content
 * code in that page, but only the browser's word about the sender is used: its tab and its
 * address. A page whose verdict no longer needs a banner stays where it is.
 */
import { browser, type Browser } from 'wxt/browser';
import type { TamperCause } from '../lib/messaging/protocol';
import { judgedAddress } from '../lib/url/judged-address';
import { presentPage } from '../lib/verdict/present-page';
import { showVerdictBadge } from './badge';
import { warningPageUrl } from './block-page';
import { detectorScoreFor } from './detector-score';
import { judgeAddress, type Judge } from './judge-page';

export async function toWarningPage(
  judge: Judge,
  sender: Browser.runtime.MessageSender,
  cause?: TamperCause,
): Promise<boolean> {
  const tabId = sender.tab?.id;
  const url = sender.url ?? sender.tab?.url;
  const address = url ? judgedAddress(url, sender.origin) : null;
  if (tabId === undefined || address === null) return false;
  const { effective } = await judge.settings.get();
  const own = await judgeAddress(
    judge,
    effective,
    address,
    await detectorScoreFor(tabId, address, judge.now()),
  );
  if (presentPage({ frame: 'top', own }, effective).show !== 'banner') return false;
  await showVerdictBadge(tabId, own.result.verdict);
  await browser.tabs.update(tabId, { url: warningPageUrl(address, own.result.verdict, cause) });
  return true;
}
