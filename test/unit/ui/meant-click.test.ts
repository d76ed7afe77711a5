import { describe, expect, it } from 'vitest';
import { SETTLED_MS, isMeantClick } from '../../../components/banner/meant-click';

const host = {} as Element;
const other = {} as Element;
const doc = (top: Element | null) => ({ elementFromPoint: () => top }) as unknown as Document;
const click = (init: Partial<MouseEvent>) =>
  ({ isTrusted: true, detail: 1, clientX: 10, clientY: 10, ...init }) as MouseEvent;
const settled = { seen: true, movedAt: 0, now: SETTLED_MS + 1, focusedInside: false };

describe('a click the person meant on the banner', () => {
  it('counts a real click on the banner, seen and settled', () => {
    expect(isMeantClick(click({}), host, doc(host), settled)).toBe(true);
  });

  it('refuses a script click, a click through a cover, on a hidden banner, or on one just moved', () => {
    expect(isMeantClick(click({ isTrusted: false }), host, doc(host), settled)).toBe(false);
    expect(isMeantClick(click({}), host, doc(other), settled)).toBe(false);
    expect(isMeantClick(click({}), host, doc(host), { ...settled, seen: false })).toBe(false);
    expect(isMeantClick(click({}), host, doc(host), { ...settled, movedAt: settled.now - 10 })).toBe(false);
  });

  it('counts a keyboard activation only with focus inside the banner', () => {
    const key = click({ detail: 0, clientX: 0, clientY: 0 });
    expect(isMeantClick(key, host, doc(null), { ...settled, focusedInside: true })).toBe(true);
    expect(isMeantClick(key, host, doc(null), settled)).toBe(false);
  });
});
