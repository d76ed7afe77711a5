import { describe, expect, it } from 'vitest';
import {
  recordFramedSite,
  recordPage,
  siteOfUrl,
  TRAIL_STEPS,
  wayOut,
  type TrailStep,
} from '../../../lib/navigation/site-trail';

function walk(urls: string[]): TrailStep[] {
  return urls.reduce<TrailStep[]>((trail, url) => recordPage(trail, url, siteOfUrl(url) ?? ''), []);
}

describe('the trail of sites a tab went through', () => {
  it('leads "Go back" to the last page of another site, however many pages of this one came between', () => {
    const trail = walk([
      'https://google.com/search?q=bybit',
      'https://bybit.com/',
      'https://www.bybit.com/en/',
      'https://trade.bybit.com/spot',
    ]);
    expect(trail).toHaveLength(2);
    expect(wayOut(trail)).toBe('https://google.com/search?q=bybit');
  });

  it('has no way out of the first site of a tab', () => {
    expect(wayOut([])).toBeNull();
    expect(wayOut(walk(['https://bybit.com/', 'https://bybit.com/en/']))).toBeNull();
  });

  it('never leads to a site the page showed in a frame, nor to a page that showed the site left', () => {
    let trail = walk(['https://news.example/', 'https://wrapper.example/']);
    trail = recordFramedSite(trail, 'bybit.com');
    trail = recordPage(trail, 'https://wrapper.example/deeper', 'wrapper.example');
    expect(trail.at(-1)).toEqual({
      url: 'https://wrapper.example/deeper',
      site: 'wrapper.example',
      shows: ['bybit.com'],
    });
    expect(wayOut(trail)).toBe('https://news.example/');
    // The block page for the framed site stands for it: back past the wrapper that framed it.
    trail = recordPage(
      trail,
      'chrome-extension://id/blocked.html?url=https%3A%2F%2Fbybit.com%2F',
      'bybit.com',
    );
    expect(wayOut(trail)).toBe('https://news.example/');
    expect(wayOut(walk(['https://bybit.com/', 'https://news.example/']))).toBe('https://bybit.com/');
  });

  it("keeps the last steps only, and a frame of the page's own site changes nothing", () => {
    const trail = walk(Array.from({ length: TRAIL_STEPS + 5 }, (_, i) => `https://site${i}.example/`));
    expect(trail).toHaveLength(TRAIL_STEPS);
    expect(trail[0]?.site).toBe('site5.example');
    expect(recordFramedSite(trail, 'site24.example')).toEqual(trail);
    expect(recordFramedSite([], 'bybit.com')).toEqual([]);
  });

  it('reads the site of web addresses only', () => {
    expect(siteOfUrl('https://trade.bybit.com/x')).toBe('bybit.com');
    expect(siteOfUrl('about:blank')).toBeNull();
    expect(siteOfUrl('nonsense')).toBeNull();
  });
});
