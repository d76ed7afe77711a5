/**
 * Registry data and query strings end up in `href`s: only web addresses are
 * let through, so no `javascript:` or `data:` link can ever be rendered.
 */
export function safeWebUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The https address of a registry target (`bybit.kz`, `binance.com/en-kz`). */
export function targetUrl(target: string): string | null {
  return safeWebUrl(`https://${target}`);
}
