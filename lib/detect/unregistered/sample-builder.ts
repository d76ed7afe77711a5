/**
 * What the page sampler keeps of the elements it walks: the title and meta description, headings,
 * body text within its budget, form fields with their labels and hints, options, buttons and table
 * rows, each list capped (SAMPLE_LIST_LIMITS, which the background applies again to what a page
 * sends). collect-page-sample.ts decides which nodes are read.
 */
import type { FieldSample, PageSample } from './types';

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

/** Collects what the walk reads, within each list's limit, and builds the sample from it. */
export class SampleBuilder {
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
