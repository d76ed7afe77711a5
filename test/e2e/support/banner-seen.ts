/**
 * Whether the banner is really seen: at its place at the top of the viewport, the page's top
 * element at several of its points, outside any inert subtree, and painted in its own colour
 * (read from a screenshot's pixels, since a cover that lets clicks through is invisible to hit
 * testing). The DOM alone proves nothing: a page can keep the element and hide it.
 */
import { PNG } from 'pngjs';
import { BANNER_SELECTOR } from './pages';

/** The warning banner's background (the light, "caution" tone). */
export const WARNING_BANNER_RGB: readonly [number, number, number] = [0xff, 0xd9, 0x66];

/** Strips inside the banner's padding, at its top left and top right: banner colour and nothing else. */
export function bannerPixelClips(viewportWidth: number) {
  return [
    { x: 2, y: 3, width: 8, height: 4 },
    { x: viewportWidth - 10, y: 3, width: 8, height: 4 },
  ];
}

export interface BannerPlace {
  found: boolean;
  viewportWidth: number;
  /** At the top of the viewport, across its width, and tall enough to read. */
  placed: boolean;
  /** The page's top element at each probe point is the banner's host. */
  onTop: boolean;
  inert: boolean;
}

/** Runs in the page. */
export function readBannerPlace(selector: string): BannerPlace {
  const host = document.querySelector(selector);
  const viewportWidth = document.documentElement.clientWidth;
  if (!host) return { found: false, viewportWidth, placed: false, onTop: false, inert: false };
  const rect = host.getBoundingClientRect();
  const placed =
    Math.abs(rect.top) <= 1 && rect.left <= 1 && rect.width >= innerWidth * 0.9 && rect.height >= 40;
  const xs = [0.05, 0.5, 0.95].map((f) => rect.left + rect.width * f);
  const ys = [0.25, 0.75].map((f) => rect.top + rect.height * f);
  const onTop = xs.every((x) => ys.every((y) => document.elementFromPoint(x, y) === host));
  return { found: true, viewportWidth, placed, onTop, inert: host.closest('[inert]') !== null };
}

/** True when every pixel of the PNG is within `tolerance` of `rgb`. */
export function allPixelsNear(png: Uint8Array, rgb: readonly number[], tolerance = 12): boolean {
  const image = PNG.sync.read(Buffer.from(png));
  for (let i = 0; i < image.data.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      if (Math.abs((image.data[i + c] ?? 0) - (rgb[c] ?? 0)) > tolerance) return false;
    }
  }
  return image.data.length > 0;
}

/** A page's screenshot of one clip; null when it could not be taken (the page navigating). */
export type ClipShooter = (clip: {
  x: number;
  y: number;
  width: number;
  height: number;
}) => Promise<Uint8Array | null>;

/** The x of the first strip of the banner not painted in its own colour, or null when none is. */
export async function firstCoveredStrip(viewportWidth: number, shoot: ClipShooter): Promise<number | null> {
  for (const clip of bannerPixelClips(viewportWidth)) {
    const pixels = await shoot(clip);
    if (!pixels || !allPixelsNear(pixels, WARNING_BANNER_RGB)) return clip.x;
  }
  return null;
}

export const seenByHitTest = (place: BannerPlace): boolean =>
  place.found && place.placed && place.onTop && !place.inert;

export { BANNER_SELECTOR };
