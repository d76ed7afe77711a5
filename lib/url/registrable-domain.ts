import { getDomain } from 'tldts-experimental';

/**
 * The registrable domain (eTLD+1 under the ICANN section of the Public Suffix
 * List) of an ASCII host: `kz.example.co.uk` → `example.co.uk`. Null for IP
 * addresses, single labels and bare public suffixes. Not used by list matching,
 * which walks label boundaries instead.
 */
export function registrableDomain(host: string): string | null {
  return getDomain(host, { allowPrivateDomains: false });
}
