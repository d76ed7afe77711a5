/**
 * The attributes the banner's host element carries, and nothing else: the banner marker, its
 * verdict and other signals, our inline style and `popover`. Anything a page adds (`hidden`,
 * `inert`, a class its stylesheet targets) is removed; anything it changes is set back.
 */
import { BANNER_ATTRIBUTE } from './banner-host';

/** Attributes our host element may carry besides its signals. */
const OWN_ATTRIBUTES: ReadonlySet<string> = new Set([BANNER_ATTRIBUTE, 'data-verdict', 'style', 'popover']);

export interface HostAttributes {
  verdict: string;
  /** Further signals (`data-reason`, `data-imitates`, …) with their values. */
  signals: Readonly<Record<string, string>>;
  /** The inline style, every declaration `!important`. */
  style: string;
}

/** Whether `host` carries exactly what it should (its signals are checked when they are set). */
export function attributesKept(host: HTMLElement, wanted: HostAttributes): boolean {
  return (
    host.getAttributeNames().every((name) => OWN_ATTRIBUTES.has(name)) &&
    host.hasAttribute(BANNER_ATTRIBUTE) &&
    host.getAttribute('popover') === 'manual' &&
    host.getAttribute('data-verdict') === wanted.verdict &&
    host.getAttribute('style') === wanted.style
  );
}

/** Removes what `host` should not carry and sets what it should, touching only what differs. */
export function assertAttributes(host: HTMLElement, wanted: HostAttributes): void {
  for (const name of host.getAttributeNames()) {
    if (!OWN_ATTRIBUTES.has(name) && !Object.hasOwn(wanted.signals, name)) host.removeAttribute(name);
  }
  for (const [name, value] of Object.entries(wanted.signals)) {
    if (host.getAttribute(name) !== value) host.setAttribute(name, value);
  }
  if (!host.hasAttribute(BANNER_ATTRIBUTE)) host.setAttribute(BANNER_ATTRIBUTE, '');
  if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
  if (host.getAttribute('data-verdict') !== wanted.verdict) host.setAttribute('data-verdict', wanted.verdict);
  if (host.getAttribute('style') !== wanted.style) host.setAttribute('style', wanted.style);
}
