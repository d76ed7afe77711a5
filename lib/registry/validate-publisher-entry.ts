import { MIN_BRAND_LENGTH } from './payload-schema';
import { hasBidiControl, isCalendarDate } from './publisher-text';
import { ENTRY_REASONS, type RegistryBrand, type RegistryEntry } from './types';

const REASONS: ReadonlySet<string> = new Set(ENTRY_REASONS);

/**
 * What the publisher refuses in an entry although a client would read it:
 * a reason this version does not know (a typo would show only the status's
 * sentence), a reason on a licence or a licence end on anything else, a brand
 * too short to protect, a licence end that is not a real day, and direction
 * controls in text a person reads.
 */
export function publisherEntryProblems(entry: RegistryEntry): string[] {
  const problems: string[] = [];
  const at = entry.target;
  if (entry.reason !== undefined) {
    if (!REASONS.has(entry.reason))
      problems.push(`${at}: reason "${entry.reason}" is not one of ${ENTRY_REASONS.join(', ')}`);
    if (entry.status === 'licensed') problems.push(`${at}: a licensed entry carries no reason`);
  }
  if (entry.validUntil !== undefined) {
    if (!isCalendarDate(entry.validUntil))
      problems.push(`${at}: validUntil "${entry.validUntil}" is not a date`);
    if (entry.status !== 'licensed') problems.push(`${at}: only a licensed entry carries validUntil`);
  }
  if (entry.brand !== undefined && entry.brand.length < MIN_BRAND_LENGTH) {
    problems.push(`${at}: brand "${entry.brand}" has fewer than ${MIN_BRAND_LENGTH} letters`);
  }
  for (const field of ['name', 'licence'] as const) {
    const text = entry[field];
    if (text !== undefined && hasBidiControl(text))
      problems.push(`${at}: ${field} holds a direction control character`);
  }
  return problems;
}

/** The same for a brand of `brands`: a short word, or a name with direction controls. */
export function publisherBrandProblems(brand: RegistryBrand): string[] {
  const problems: string[] = [];
  if (brand.brand.length < MIN_BRAND_LENGTH) {
    problems.push(`brand "${brand.brand}" has fewer than ${MIN_BRAND_LENGTH} letters`);
  }
  if (brand.name !== undefined && hasBidiControl(brand.name)) {
    problems.push(`brand "${brand.brand}": name holds a direction control character`);
  }
  if (brand.sites.length === 0) problems.push(`brand "${brand.brand}" has no site`);
  return problems;
}
