/**
 * The link marks' content code goes only into pages of the table's sites
 * (lib/links/marked-sites.ts), once each has loaded: it then takes nothing
 * from the page's own load (bench/browser/link-marks.ts). The browser's navigation
 * filter, made from the table, keeps every other page from waking the worker;
 * the table's exact test follows it.
 */
import { browser } from 'wxt/browser';
import { markedSiteFor, navigationFilters } from '../lib/links/marked-site-for';
import { LINK_MARKS_FILE } from '../lib/messaging/protocol';
import { frameTarget, injectFiles } from './page-scripts';

export function listenForMarkedSites(): void {
  browser.webNavigation.onCompleted.addListener(
    (details) => {
      if (details.frameId !== 0 || markedSiteFor(details.url) === null) return;
      injectFiles(frameTarget(details), [LINK_MARKS_FILE]).catch(() => undefined);
    },
    { url: navigationFilters() },
  );
}
