import type { FieldSample, PageSample } from './types';

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
const HEADINGS = new Set(['H1', 'H2', 'H3']);
const FIELDS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const IGNORED_INPUTS = new Set(['hidden', 'checkbox', 'radio', 'submit', 'button', 'image', 'reset', 'file']);
const HINT_ATTRIBUTES = ['name', 'id', 'placeholder', 'aria-label', 'autocomplete', 'title'];
const MAX_FIELDS = 40;
const MAX_OPTIONS = 120;
const MAX_BUTTONS = 30;
const MAX_HEADINGS = 16;
const MAX_ROWS = 96;
const MAX_CELL_TEXT = 240;
const MAX_LD_TYPES = 12;

/** How many items of each list a sample holds at most. */
export const SAMPLE_LIST_LIMITS = {
  ldTypes: MAX_LD_TYPES,
  headings: MAX_HEADINGS,
  fields: MAX_FIELDS,
  options: MAX_OPTIONS,
  buttons: MAX_BUTTONS,
  tableRows: MAX_ROWS,
} as const;

function clean(text: string | null | undefined, max = MAX_CELL_TEXT): string {
  if (text == null) return '';
  return text
    .slice(0, max * 4)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

const isLower = (c: string): boolean => c !== c.toUpperCase() && c === c.toLowerCase();
const isUpper = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();

/**
 * amountIn, walletAddress: split camel case so that word-bounded patterns see the words. For
 * ASCII and Cyrillic, case mapping tells lower from upper case letters exactly as `\p{Ll}` and
 * `\p{Lu}` do, without building those classes.
 */
function splitCamelCase(words: string): string {
  if (/[^\0-\x7F\u0400-\u04FF]/u.test(words)) return words.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
  let split = '';
  let from = 0;
  for (let i = 1; i < words.length; i++) {
    if (isUpper(words.charAt(i)) && isLower(words.charAt(i - 1))) {
      split += `${words.slice(from, i)} `;
      from = i;
    }
  }
  return from === 0 ? words : split + words.slice(from);
}

interface PendingField {
  type: string;
  attrs: string;
  id: string;
  ownLabel: string;
}

class SampleBuilder {
  title = '';
  description = '';
  ogType = '';
  readonly ldTypes: string[] = [];
  readonly headings: string[] = [];
  readonly text: string[] = [];
  textUsed = 0;
  readonly fields: PendingField[] = [];
  readonly labels = new Map<string, string>();
  readonly options: string[] = [];
  readonly buttons: string[] = [];
  readonly tableRows: string[] = [];
  formCount = 0;
  articleCount = 0;
  timeCount = 0;

  constructor(private readonly maxChars: number) {}

  get textFull(): boolean {
    return this.textUsed >= this.maxChars;
  }

  addText(data: string): void {
    if (this.textFull || data.trim() === '') return;
    const piece = clean(data, this.maxChars - this.textUsed);
    this.text.push(piece);
    this.textUsed += piece.length + 1;
  }

  /** Reads one element; returns false when its subtree holds nothing to read. */
  element(el: Element, name: string, hasAttributes: boolean): boolean {
    switch (name) {
      case 'SCRIPT':
        if (el.getAttribute('type') === 'application/ld+json') this.readLd(el);
        return false;
      case 'TITLE':
        this.title ||= clean(el.textContent, 300);
        return false;
      case 'META':
        this.readMeta(el);
        return false;
      case 'OPTION':
        if (this.options.length < MAX_OPTIONS) {
          this.options.push(clean(`${el.textContent ?? ''} ${el.getAttribute('value') ?? ''}`, 80));
        }
        return false;
      case 'BUTTON':
        if (this.buttons.length < MAX_BUTTONS) this.buttons.push(clean(el.textContent, 80));
        return true;
      case 'LABEL': {
        const target = el.getAttribute('for');
        if (target !== null && target !== '') this.labels.set(target, clean(el.textContent, 80));
        return true;
      }
      case 'TR':
        if (this.tableRows.length < MAX_ROWS) {
          this.tableRows.push(Array.from(el.children, (cell) => clean(cell.textContent, 60)).join(' | '));
        }
        return true;
      case 'FORM':
        this.formCount++;
        return true;
      case 'ARTICLE':
        this.articleCount++;
        return true;
      case 'TIME':
        this.timeCount++;
        return true;
    }
    if (HEADINGS.has(name) && this.headings.length < MAX_HEADINGS) {
      const heading = clean(el.textContent, 160);
      if (heading !== '') this.headings.push(heading);
    }
    if (FIELDS.has(name)) this.readField(el, name);
    // Card grids and divs styled as tables carry rates as well.
    if (hasAttributes && this.tableRows.length < MAX_ROWS && el.getAttribute('role') === 'row') {
      this.tableRows.push(clean(el.textContent));
    }
    return true;
  }

  private readMeta(el: Element): void {
    const key = (el.getAttribute('name') ?? el.getAttribute('property') ?? '').toLowerCase();
    const content = clean(el.getAttribute('content'), 400);
    if (key === 'description' || (key === 'og:description' && this.description === ''))
      this.description = content;
    if (key === 'og:type') this.ogType = content.toLowerCase();
  }

  private readLd(el: Element): void {
    const json = (el.textContent ?? '').slice(0, 4000);
    for (const m of json.matchAll(/"@type"\s*:\s*"([A-Za-z]+)"/gu)) {
      if (m[1] !== undefined && this.ldTypes.length < MAX_LD_TYPES) this.ldTypes.push(m[1]);
    }
  }

  private readField(el: Element, name: string): void {
    if (this.fields.length >= MAX_FIELDS) return;
    const type = name === 'INPUT' ? (el.getAttribute('type') ?? 'text').toLowerCase() : name.toLowerCase();
    if (type === 'submit' || type === 'button') {
      if (this.buttons.length < MAX_BUTTONS) this.buttons.push(clean(el.getAttribute('value'), 80));
      return;
    }
    if (IGNORED_INPUTS.has(type)) return;
    const parentLabel = el.closest('label');
    this.fields.push({
      type,
      attrs: HINT_ATTRIBUTES.map((a) => el.getAttribute(a) ?? '').join(' '),
      id: el.getAttribute('id') ?? '',
      ownLabel: parentLabel === null ? '' : clean(parentLabel.textContent, 80),
    });
  }

  build(lang: string): PageSample {
    const fields: FieldSample[] = this.fields.map((f) => {
      const words = splitCamelCase(`${f.attrs} ${f.ownLabel} ${this.labels.get(f.id) ?? ''}`);
      return { type: f.type, hint: clean(words, 300).toLowerCase() };
    });
    return {
      lang,
      title: this.title,
      description: this.description,
      ogType: this.ogType,
      ldTypes: this.ldTypes,
      headings: this.headings,
      text: this.text.join(' ').slice(0, this.maxChars),
      fields,
      options: this.options,
      buttons: this.buttons.filter((b) => b !== ''),
      tableRows: this.tableRows,
      formCount: this.formCount,
      articleCount: this.articleCount,
      timeCount: this.timeCount,
    };
  }
}

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
