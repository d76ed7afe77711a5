/**
 * A page sample as the background receives it from the page's main world,
 * where the page itself could have shaped it: anything that is not a sample
 * is refused, and every string and list is cut to the bounds a real sample
 * keeps, so that a hostile page can move its own verdict and nothing else.
 */
import { DEFAULT_SAMPLE_CHARS } from './collect-page-sample';
import { SAMPLE_LIST_LIMITS } from './sample-builder';
import type { FieldSample, PageSample } from './types';

/** Longer than any single item a sample holds (a table row, a field's hint, a description). */
const MAX_ITEM_CHARS = 2_000;
const MAX_COUNT = 1_000_000;

const text = (value: unknown, max = MAX_ITEM_CHARS): string | null =>
  typeof value === 'string' ? value.slice(0, max) : null;

function texts(value: unknown, max: number): string[] | null {
  if (!Array.isArray(value)) return null;
  const out: string[] = [];
  for (const item of value.slice(0, max)) {
    const read = text(item);
    if (read === null) return null;
    out.push(read);
  }
  return out;
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
    ? Math.min(value, MAX_COUNT)
    : null;
}

function fields(value: unknown): FieldSample[] | null {
  if (!Array.isArray(value)) return null;
  const out: FieldSample[] = [];
  for (const item of value.slice(0, SAMPLE_LIST_LIMITS.fields)) {
    if (typeof item !== 'object' || item === null) return null;
    const { type, hint } = item as { type?: unknown; hint?: unknown };
    const readType = text(type, 40);
    const readHint = text(hint);
    if (readType === null || readHint === null) return null;
    out.push({ type: readType, hint: readHint });
  }
  return out;
}

/** The sample in `value`, bounded, or null when `value` is not one (a page with no crypto-asset answers null). */
export function readPageSample(value: unknown, maxChars = DEFAULT_SAMPLE_CHARS): PageSample | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const raw = value as Record<string, unknown>;
  const sample = {
    lang: text(raw.lang, 40),
    title: text(raw.title),
    description: text(raw.description),
    ogType: text(raw.ogType, 80),
    ldTypes: texts(raw.ldTypes, SAMPLE_LIST_LIMITS.ldTypes),
    headings: texts(raw.headings, SAMPLE_LIST_LIMITS.headings),
    text: text(raw.text, maxChars),
    fields: fields(raw.fields),
    options: texts(raw.options, SAMPLE_LIST_LIMITS.options),
    buttons: texts(raw.buttons, SAMPLE_LIST_LIMITS.buttons),
    tableRows: texts(raw.tableRows, SAMPLE_LIST_LIMITS.tableRows),
    formCount: count(raw.formCount),
    articleCount: count(raw.articleCount),
    timeCount: count(raw.timeCount),
  };
  if (Object.values(sample).some((field) => field === null)) return null;
  return sample as PageSample;
}
