/**
 * Reads the closed shadow roots of the banner and of the link marks in Chromium. Page scripts cannot
 * reach it (that is the point); the DevTools protocol can, with `pierce`.
 */
import type { Page } from '@playwright/test';

interface DomNode {
  nodeId: number;
  nodeName: string;
  /** Names and values, alternating. */
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function findHosts(node: DomNode, attribute: string, found: DomNode[] = []): DomNode[] {
  if (node.attributes?.some((value, i) => i % 2 === 0 && value === attribute)) found.push(node);
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])])
    findHosts(child, attribute, found);
  return found;
}

/** The HTML inside each banner host's shadow root, in document order. */
export function bannerShadowHtml(page: Page): Promise<string[]> {
  return shadowHtml(page, (root) => findHosts(root, 'data-qorgan-banner'));
}

/** The HTML inside each `<qorgan-mark>`'s shadow root, in document order. */
export function linkMarkShadowHtml(page: Page): Promise<string[]> {
  return shadowHtml(page, (root) =>
    findHosts(root, 'data-verdict').filter((node) => node.nodeName === 'QORGAN-MARK'),
  );
}

async function shadowHtml(page: Page, hostsOf: (root: DomNode) => DomNode[]): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const hosts = hostsOf(root);
    const html: string[] = [];
    for (const host of hosts) {
      const shadow = host.shadowRoots?.[0];
      if (!shadow) {
        html.push('');
        continue;
      }
      const parts = await Promise.all(
        (shadow.children ?? []).map(async (child) => {
          const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { nodeId: child.nodeId })) as {
            outerHTML: string;
          };
          return outerHTML;
        }),
      );
      html.push(parts.join(''));
    }
    return html;
  } finally {
    await cdp.detach();
  }
}
