/**
 * "Report a mistake": a prefilled mailto or web address from the build's
 * configuration. It is only a link; nothing is sent unless the person sends it.
 */
export const DEFAULT_REPORT_ADDRESS = 'mailto:report@qorgan.kz';

export interface ReportFacts {
  url: string;
  host: string;
  verdict: string;
  registryDate: string;
  subject: string;
  body: string;
}

/** `base` is a `mailto:` or `https:` address; anything else falls back to the default address. */
export function buildReportHref(base: string | null | undefined, facts: ReportFacts): string {
  const configured = (base ?? '').trim();
  let url: URL;
  try {
    url = new URL(configured || DEFAULT_REPORT_ADDRESS);
  } catch {
    url = new URL(DEFAULT_REPORT_ADDRESS);
  }
  if (url.protocol === 'mailto:') {
    const query = `subject=${encodeURIComponent(facts.subject)}&body=${encodeURIComponent(facts.body)}`;
    return `mailto:${url.pathname}?${query}`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return buildReportHref(DEFAULT_REPORT_ADDRESS, facts);
  url.searchParams.set('url', facts.url);
  url.searchParams.set('host', facts.host);
  url.searchParams.set('verdict', facts.verdict);
  url.searchParams.set('registry', facts.registryDate);
  return url.href;
}
