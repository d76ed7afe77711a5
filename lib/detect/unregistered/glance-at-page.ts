/**
 * A look at the wider page, for a page whose sample passed the scorer's first test
 * (sample-may-score.ts): the page's title, meta tags, options, inputs and text, hidden text and
 * open shadow roots included. Most pages name no crypto-asset at all, and a page that names none
 * cannot reach the threshold (see names-crypto-asset.ts). A page that names none is sampled still
 * where it holds the words of two families of an exchange desk (see desk-words.ts), which the
 * scorer then reads. It comes after the sample, not before: asking every element for a shadow
 * root costs milliseconds on a long page, while the sample's own reading is bounded.
 */
import { DEFAULT_SAMPLE_CHARS, NODES_AFTER_TEXT } from './collect-page-sample';
import { DESK_FAMILIES, deskFamilies } from './desk-words';
import { namesCryptoAsset } from './names-crypto-asset';

/** NodeFilter.SHOW_TEXT. */
const SHOW_TEXT = 0x4;
/** At most as many of each as the sample reads. */
const MAX_METAS = 40;
const MAX_OPTIONS = 120;
const MAX_INPUTS = 40;

function attributeValues(scope: Document | Element, tag: string, attribute: string, max: number): string[] {
  const elements = scope.getElementsByTagName(tag);
  const values: string[] = [];
  for (let i = 0; i < max; i++) {
    const element = elements[i];
    if (element === undefined) break;
    const value = element.getAttribute(attribute);
    if (value) values.push(value);
  }
  return values;
}

/**
 * False when the page names no crypto-asset, and no two families of a desk's words, in its title, its head's meta tags, the values of
 * its options and inputs, or the text of its body up to `maxChars` characters and then
 * NODES_AFTER_TEXT more text nodes: at least everything the sample reads, script and hidden text
 * included, so that false means the sample would score below the threshold too.
 */
export function glanceNamesCryptoAsset(doc: Document, maxChars = DEFAULT_SAMPLE_CHARS): boolean {
  const root = doc.body ?? doc.documentElement;
  if (root === null) return false;
  return glanceAt(doc, root, maxChars) || hiddenRoots(doc).some((r) => glanceAt(doc, r, maxChars, false));
}

/** At most this many elements are asked for an open shadow root, once the light DOM named nothing. */
const MAX_SHADOW_PROBES = 5_000;
const MAX_HIDDEN_ROOTS = 24;

/**
 * Open shadow roots and the bodies of same-origin frames: a page could put its offer there, out of
 * a tree walker's sight. Closed shadow roots and cross-origin frames cannot be read at all.
 */
function hiddenRoots(doc: Document): Node[] {
  const roots: Node[] = [];
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length && i < MAX_SHADOW_PROBES && roots.length < MAX_HIDDEN_ROOTS; i++) {
    const shadow = (all[i] as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (shadow) roots.push(shadow, ...hiddenRootsOf(shadow));
  }
  for (const frame of Array.from(doc.getElementsByTagName('iframe')).slice(0, MAX_HIDDEN_ROOTS)) {
    try {
      const inner = frame.contentDocument;
      if (inner?.documentElement) roots.push(inner.documentElement, ...hiddenRoots(inner));
    } catch {
      // A cross-origin frame: out of reach.
    }
  }
  return roots.slice(0, MAX_HIDDEN_ROOTS);
}

function hiddenRootsOf(shadow: ShadowRoot): Node[] {
  const roots: Node[] = [];
  for (const el of Array.from(shadow.querySelectorAll('*')).slice(0, MAX_SHADOW_PROBES)) {
    if (el.shadowRoot) roots.push(el.shadowRoot);
  }
  return roots;
}

function glanceAt(doc: Document, root: Node, maxChars: number, withHead = true): boolean {
  const texts: string[] = [];
  let used = 0;
  let after = 0;
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    texts.push(value);
    if (used < maxChars) used += value.replace(/\s+/g, ' ').trim().length;
    else if (++after >= NODES_AFTER_TEXT) break;
  }
  // Joined with a space, as the sample joins its text; without one, as `textContent` joins a row.
  const spaced = texts.join(' ');
  const own = [
    withHead ? doc.title : '',
    // The sample reads the page's description, which is in the head: no walk of a long body for it.
    ...attributeValues(doc.head ?? doc, 'meta', 'content', MAX_METAS),
    ...attributeValues(doc, 'option', 'value', MAX_OPTIONS),
    ...attributeValues(doc, 'input', 'value', MAX_INPUTS),
  ].join(' \n ');
  const joined = `${own} \n ${texts.join('')}`;
  const quoted = `${own} \n ${spaced}`;
  const lower = joined.toLowerCase();
  return (
    namesCryptoAsset(joined, lower, '') ||
    namesCryptoAsset(quoted, quoted.toLowerCase(), quoted) ||
    deskFamilies(lower) >= DESK_FAMILIES ||
    deskFamilies(quoted.toLowerCase()) >= DESK_FAMILIES
  );
}
