import { describe, expect, it } from 'vitest';
import { visibilityWatch } from '../../../components/banner/visibility-watch';

type Callback = (entries: { target: unknown; isVisible?: boolean }[]) => void;

/** An IntersectionObserver that the test drives: v2 when `trackVisibility` is kept, v1 otherwise. */
function observerClass(v2: boolean) {
  const made: { callback: Callback; observed: unknown[]; disconnected: number }[] = [];
  class FakeObserver {
    readonly trackVisibility: boolean | undefined;
    private readonly record: (typeof made)[number];
    constructor(callback: Callback, options: { trackVisibility?: boolean }) {
      this.trackVisibility = v2 ? options.trackVisibility : undefined;
      this.record = { callback, observed: [], disconnected: 0 };
      made.push(this.record);
    }
    observe(target: unknown) {
      this.record.observed.push(target);
    }
    disconnect() {
      this.record.disconnected++;
    }
  }
  return { FakeObserver, made };
}

const docWith = (IntersectionObserver: unknown) =>
  ({ defaultView: { IntersectionObserver } }) as unknown as Document;
const host = () => ({}) as HTMLElement;

describe('the browser’s own word on whether the banner is visible', () => {
  it('says nothing where the browser has no IntersectionObserver, or only its first version', () => {
    expect(visibilityWatch(docWith(undefined))(host())).toBeUndefined();
    const { FakeObserver, made } = observerClass(false);
    const watch = visibilityWatch(docWith(FakeObserver));
    expect(watch(host())).toBeUndefined();
    expect(made[0]?.disconnected).toBe(1);
  });

  it('reports the last visibility the browser gave for the banner it watches', () => {
    const { FakeObserver, made } = observerClass(true);
    const watch = visibilityWatch(docWith(FakeObserver));
    const banner = host();
    expect(watch(banner)).toBeUndefined();
    expect(made[0]?.observed).toEqual([banner]);
    made[0]?.callback([{ target: banner, isVisible: true }]);
    expect(watch(banner)).toBe(true);
    made[0]?.callback([
      { target: banner, isVisible: true },
      { target: banner, isVisible: false },
    ]);
    expect(watch(banner)).toBe(false);
    // An entry without the v2 field changes nothing.
    made[0]?.callback([{ target: banner }]);
    expect(watch(banner)).toBe(false);
  });

  it('forgets what it knew when the banner is rebuilt, and ignores entries for an old one', () => {
    const { FakeObserver, made } = observerClass(true);
    const watch = visibilityWatch(docWith(FakeObserver));
    const old = host();
    watch(old);
    made[0]?.callback([{ target: old, isVisible: false }]);
    const rebuilt = host();
    expect(watch(rebuilt)).toBeUndefined();
    expect(made[0]?.observed).toEqual([old, rebuilt]);
    made[0]?.callback([{ target: old, isVisible: false }]);
    expect(watch(rebuilt)).toBeUndefined();
  });
});
