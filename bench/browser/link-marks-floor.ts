/**
 * The floor under the link marks' script time: the least any link marks can
 * cost on the bench's results page. An MV3 extension, written into a temporary
 * folder for one run, with the keyed build's manifest key (as the empty
 * extension of empty-extension.ts), whose worker, once a results page has
 * loaded, injects into the page's own world one function that reads every
 * link's address and returns them, judges them by a list of four hosts, and
 * injects a second function that puts a bare `<qorgan-mark>` with its verdict
 * and label after each listed link. Nothing else: no shadow root, no style,
 * no sentence on hover, no observer for later links, no sweep of forged
 * banners, no question before a blocked link. What the page must pay for to
 * have its links read once and its marks put in.
 *
 * With `required`, it also does the three things the contract and the link
 * marks' issue require of any implementation on such a page, beyond putting
 * marks in: it sweeps forged banner hosts (Qorgan's own built sweep,
 * page-sweep.js, injected into the page's world as Qorgan injects it on
 * other pages), it watches the page for links added later (one
 * MutationObserver on the document, as the link marks' own, whose callback
 * does nothing here), and it makes the marks visible, with their sentence on
 * hover and focus, by the least there is: one style sheet of two rules for
 * the whole document, adopted once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeRunExtension } from './empty-extension';
import type { BenchBuild } from './support';

export function writeLinkMarksFloor(
  build: BenchBuild,
  { host, listed, required = false }: { host: string; listed: readonly string[]; required?: boolean },
): { dir: string; remove(): void } {
  const worker = `const LISTED = ${JSON.stringify(listed.map((target) => encodeURIComponent(target)))};
chrome.webNavigation.onCompleted.addListener(async (details) => {
  if (details.frameId !== 0) return;
  const target = { tabId: details.tabId, documentIds: [details.documentId] };
  ${required ? "await chrome.scripting.executeScript({ target, world: 'MAIN', injectImmediately: true, files: ['page-sweep.js'] });" : ''}
  const [read] = await chrome.scripting.executeScript({
    target,
    world: 'MAIN',
    injectImmediately: true,
    func: () => {
      ${required ? "new MutationObserver(() => undefined).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['href'] });" : ''}
      const links = document.querySelectorAll('a[href]');
      globalThis.floorLinks = links;
      return Array.from(links, (link) => link.href);
    },
  });
  const marked = [];
  (read.result || []).forEach((href, index) => {
    if (LISTED.some((listed) => href.includes(listed))) marked.push(index);
  });
  await chrome.scripting.executeScript({
    target,
    world: 'MAIN',
    injectImmediately: true,
    func: (indexes, styled) => {
      if (styled) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('qorgan-mark{display:inline-block;width:1em;height:1em;border-radius:50%;background:#b00020}qorgan-mark:hover::after,qorgan-mark:focus::after{content:attr(aria-label)}');
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }
      for (const index of indexes) {
        const mark = document.createElement('qorgan-mark');
        mark.setAttribute('data-verdict', 'blocked');
        mark.setAttribute('aria-label', 'Qorgan: blocked in Kazakhstan');
        mark.tabIndex = 0;
        globalThis.floorLinks[index].after(mark);
      }
    },
    args: [marked, ${required}],
  });
}, { url: [{ hostEquals: ${JSON.stringify(host)} }] });
`;
  const files: Record<string, string> = { 'background.js': worker };
  if (required) files['page-sweep.js'] = readFileSync(path.join(build.extensionDir, 'page-sweep.js'), 'utf8');
  return writeRunExtension(build, 'Link marks floor', ['webNavigation', 'scripting'], files);
}
