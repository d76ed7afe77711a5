import { SampleBuilder } from './sample-builder';
import type { PageSample } from './types';

export interface CollectOptions {
  /** Budget of body text characters to read. */
  maxChars: number;
  /** Budget of DOM nodes to visit; the default reads the first screens of any page. */
  maxNodes?: number;
}

/** A budget that reads the first screens of a page, where an exchanger puts its offer. */
export const DEFAULT_SAMPLE_CHARS = 8_000;
export const DEFAULT_SAMPLE_NODES = 3_000;
/**
 * Once the text budget is spent, the walk reads this many more nodes for forms, tables and
 * headings, then stops: a page dense with text (an article, a long document) is read no further
 * than its first screens, while a sparse one (a form, a rate table) still gets the whole budget.
 */
export const NODES_AFTER_TEXT = 50;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const SKIPPED = new Set([
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'VIDEO',
  'AUDIO',
]);
/** Open shadow roots and same-origin frames read after the light DOM, at most this many. */
const MAX_EXTRA_ROOTS = 24;

/** The content document of a same-origin frame; null for any other element or a cross-origin frame. */
function frameDocument(el: Element, name: string): Document | null {
  if (name !== 'IFRAME' && name !== 'FRAME') return null;
  try {
    return (el as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    return null;
  }
}

/**
 * Walks `root`'s subtree in document order, feeding `builder`, within `budget` nodes; open shadow
 * roots and same-origin frames met on the way are queued in `extra`. Returns the nodes visited.
 */
function walk(builder: SampleBuilder, root: Node, budget: number, extra: Node[]): number {
  let visited = 0;
  let node: Node | null = root.firstChild;
  while (node !== null && visited++ < budget) {
    let descend = false;
    const type = node.nodeType;
    if (type === TEXT_NODE) {
      if (!builder.textFull) {
        builder.addText(node.nodeValue ?? '');
        if (builder.textFull) budget = Math.min(budget, visited + NODES_AFTER_TEXT);
      }
    } else if (type === ELEMENT_NODE) {
      const el = node as Element;
      const name = el.nodeName.toUpperCase();
      const hasAttributes = el.hasAttributes();
      descend =
        !SKIPPED.has(name) &&
        !(hasAttributes && el.hasAttribute('hidden')) &&
        builder.element(el, name, hasAttributes);
      if (extra.length < MAX_EXTRA_ROOTS) {
        const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
        if (shadow) extra.push(shadow);
        const frame = frameDocument(el, name);
        if (frame?.documentElement) extra.push(frame.documentElement);
      }
    }
    const child: Node | null = descend ? node.firstChild : null;
    if (child !== null) {
      node = child;
      continue;
    }
    let next: Node | null = node.nextSibling;
    while (next === null) {
      node = node.parentNode;
      if (node === null || node === root) break;
      next = node.nextSibling;
    }
    node = next;
  }
  return visited;
}

/**
 * Reads a bounded sample of a page in one walk over the DOM in document order: text, headings,
 * form controls, options, buttons, table rows and metadata; then, with what is left of the budget,
 * the open shadow roots and same-origin frames it met (a page cannot hide its offer there; closed
 * shadow roots and cross-origin frames stay out of reach). The walk stops after `maxNodes` nodes,
 * or NODES_AFTER_TEXT nodes after text reached `maxChars`, so the cost does not grow with the
 * page. It uses no `innerText` (which forces layout) and no `textContent` on large containers.
 * From a content script every node handed to script costs a wrapper lookup, so each step asks the
 * DOM for a node once.
 */
export function collectPageSample(doc: Document, opts: CollectOptions): PageSample {
  const builder = new SampleBuilder(opts.maxChars);
  let budget = opts.maxNodes ?? DEFAULT_SAMPLE_NODES;
  const root = doc.documentElement;
  if (root === null) return builder.build('');
  const extra: Node[] = [];
  budget -= walk(builder, root, budget, extra);
  for (let i = 0; i < extra.length && budget > 0; i++) {
    const next = extra[i];
    if (next !== undefined) budget -= walk(builder, next, budget, extra);
  }
  return builder.build((root.getAttribute('lang') ?? '').toLowerCase());
}
