/**
 * Hosts that never get a warning: the registry lists public domain names, so an
 * address literal, a loopback or private address, or a name that only resolves
 * inside a network can never be one of its targets.
 */
export type HostExemption = 'ip-address' | 'private-address' | 'localhost' | 'private-name' | 'single-label';

/** Special-use names (RFC 6762 `.local`, RFC 8375 `.home.arpa`, ICANN's reserved `.internal`). */
const PRIVATE_NAME_SUFFIXES = ['.local', '.home.arpa', '.internal'];

const DOTTED_IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Classifies an ASCII host as the URL parser serialises it (IPv4 in dotted
 * decimal, IPv6 in brackets, names in lower case without a trailing dot).
 * Returns null for an ordinary public name.
 */
export function classifyHostExemption(host: string): HostExemption | null {
  const lastDot = host.lastIndexOf('.');
  if (lastDot < 0) {
    if (host.startsWith('[')) return classifyIpv6(host.slice(1, -1));
    return host === 'localhost' ? 'localhost' : 'single-label';
  }
  const last = host.charCodeAt(host.length - 1);
  if (last >= 0x30 && last <= 0x39) {
    const ipv4 = DOTTED_IPV4.exec(host);
    if (ipv4) return isPrivateIpv4(ipv4.slice(1).map(Number)) ? 'private-address' : 'ip-address';
  }
  if (host.endsWith('.localhost')) return 'localhost';
  for (const suffix of PRIVATE_NAME_SUFFIXES) if (host.endsWith(suffix)) return 'private-name';
  return null;
}

function classifyIpv6(text: string): HostExemption {
  const hextets = parseIpv6Hextets(text);
  if (!hextets) return 'ip-address';
  return isPrivateIpv6(hextets) ? 'private-address' : 'ip-address';
}

/** Loopback, private (RFC 1918), shared (RFC 6598), link-local and "this network" ranges. */
export function isPrivateIpv4(octets: readonly number[]): boolean {
  const [a = 0, b = 0] = octets;
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}

/** Unspecified, loopback, unique-local (fc00::/7), link-local (fe80::/10), or an IPv4-mapped private address. */
export function isPrivateIpv6(hextets: readonly number[]): boolean {
  const first = hextets[0] ?? 0;
  const leadingZeros = hextets.slice(0, 5).every((h) => h === 0);
  if (leadingZeros && hextets[5] === 0 && hextets[6] === 0 && (hextets[7] ?? 0) <= 1) return true;
  if ((first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80) return true;
  if (leadingZeros && hextets[5] === 0xffff) {
    const high = hextets[6] ?? 0;
    const low = hextets[7] ?? 0;
    return isPrivateIpv4([high >>> 8, high & 0xff, low >>> 8, low & 0xff]);
  }
  return false;
}

/** Eight 16-bit groups of an IPv6 address in the URL parser's serialisation, or null. */
export function parseIpv6Hextets(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parseGroups = (part: string | undefined): number[] | null => {
    if (!part) return [];
    const groups = part
      .split(':')
      .map((group) => (/^[0-9a-f]{1,4}$/i.test(group) ? parseInt(group, 16) : NaN));
    return groups.some(Number.isNaN) ? null : groups;
  };
  const head = parseGroups(halves[0]);
  const tail = parseGroups(halves[1]);
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}
