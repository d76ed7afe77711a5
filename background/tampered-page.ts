/**
 * A page that keeps fighting its banner (removing it, covering it, stealing focus) is taken to
 * the extension's own warning page, which no page can touch. The request comes from our content
 * code in that page, but only the browser's word about the sender is used: its tab and its
 * address. A page whose verdict no longer needs a banner stays where it is.
 */
import type { Browser } from 'wxt/browser';
import { showVerdictBadge } from './badge';
import { warningPageUrl, type Judge } from './block-page';
import { pageScoreFor } from './page-scores';
import { needsBanner } from './page-scripts';

const WEB = /^https?:/i;

export async function toWarningPage(judge: Judge, sender: Browser.runtime.MessageSender): Promise<boolean> {
  const tabId = sender.tab?.id;
  const url = sender.url ?? sender.tab?.url;
  if (tabId === undefined || !url || !WEB.test(url)) return false;
  const { effective } = await judge.settings.get();
  const result = await judge.service.verdict(url, effective, pageScoreFor(tabId, url));
  if (!(await needsBanner(result, effective, judge.now()))) return false;
  await showVerdictBadge(tabId, result.verdict);
  await browser.tabs.update(tabId, { url: warningPageUrl(url, result.verdict) });
  return true;
}
