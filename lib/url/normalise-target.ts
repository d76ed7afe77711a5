import { parseLookupInput } from './lookup-input';

/**
 * Normalises a target an administrator typed (managed policy `extraAllowed`,
 * `extraBlocked`) to the registry's target form: ASCII host in lower case, then
 * the path prefix if any, without trailing slashes. Accepts what people paste:
 * a scheme, upper case, a port, Unicode IDN, and a leading `*.` (a target
 * already covers every subdomain). Returns null when no host can be read.
 */
export function normaliseTarget(input: string): string | null {
  let text = input.trim();
  if (text.startsWith('*.')) text = text.slice(2);
  if (text === '' || /\s/.test(text)) return null;
  const parsed = parseLookupInput(text);
  if (parsed.kind !== 'web' && parsed.kind !== 'exempt') return null;
  return parsed.host + trimTrailingSlashes(parsed.path);
}

/** `/en-kz/` and `/en-kz` are the same prefix; a bare `/` is no prefix at all. */
export function trimTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 0x2f) end--;
  return end === path.length ? path : path.slice(0, end);
}
