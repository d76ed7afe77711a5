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

function clean(text: string | null | undefined, max = MAX_CELL_TEXT): string {
  if (text == null) return '';
  return text
    .slice(0, max * 4)
    .replace(/\s+/gu, ' ')
    .trim()
    .slice(0, max);
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

  addText(data: string): void {
    if (this.textUsed >= this.maxChars || data.trim() === '') return;
    const piece = clean(data, this.maxChars - this.textUsed);
    this.text.push(piece);
    this.textUsed += piece.length + 1;
  }

  /** Reads one element; returns false when its subtree holds nothing to read. */
  element(el: Element, name: string): boolean {
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
        this.readRow(Array.from(el.children, (cell) => clean(cell.textContent, 60)).join(' | '));
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
    if (el.getAttribute('role') === 'row') this.readRow(clean(el.textContent));
    return true;
  }

  private readRow(row: string): void {
    if (this.tableRows.length < MAX_ROWS) this.tableRows.push(row);
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
      // amountIn, walletAddress: split camel case so that word-bounded patterns see the words.
      const words = `${f.attrs} ${f.ownLabel} ${this.labels.get(f.id) ?? ''}`.replace(
        /(\p{Ll})(\p{Lu})/gu,
        '$1 $2',
      );
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

/**
 * Reads a bounded sample of a page in one walk over the DOM in document order: text, headings,
 * form controls, options, buttons, table rows and metadata. The walk stops after `maxNodes`
 * nodes, and text stops at `maxChars`, so the cost does not grow with the page. It uses no
 * `innerText` (which forces layout) and no `textContent` on large containers.
 */
export function collectPageSample(doc: Document, opts: CollectOptions): PageSample {
  const builder = new SampleBuilder(opts.maxChars);
  const maxNodes = opts.maxNodes ?? DEFAULT_SAMPLE_NODES;
  const root = doc.documentElement;
  if (root === null) return builder.build('');
  let visited = 0;
  let node: Node | null = root.firstChild;
  while (node !== null && visited++ < maxNodes) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      builder.addText(node.nodeValue ?? '');
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      const name = el.nodeName.toUpperCase();
      descend = !SKIPPED.has(name) && !el.hasAttribute('hidden') && builder.element(el, name);
    }
    if (descend && node.firstChild !== null) {
      node = node.firstChild;
      continue;
    }
    while (node !== null && node !== root && node.nextSibling === null) node = node.parentNode;
    if (node === null || node === root) break;
    node = node.nextSibling;
  }
  return builder.build((root.getAttribute('lang') ?? '').toLowerCase());
}
