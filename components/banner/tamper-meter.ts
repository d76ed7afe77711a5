/**
 * Tells a page that fights the banner from one that touched it once. Every tampering (a repair,
 * a failed check, a stolen focus) is recorded; tampering that goes on, with no quiet pause,
 * for most of a second means the page will not let the banner be seen, and the tab goes to the
 * extension's own warning page instead. A single change (an ordinary page opening its dialog, a
 * script that moves things around once) never adds up to that.
 */
export const FIGHT_MS = 800;
/** A pause this long ends a fight. */
export const QUIET_MS = 400;
/** A fight is at least this many tamperings, so two stray ones a second apart are none. */
export const MIN_TAMPERINGS = 4;

export class TamperMeter {
  private since = -Infinity;
  private last = -Infinity;
  private count = 0;

  constructor(private readonly now: () => number) {}

  /** Records one tampering; true once the page has kept fighting for `FIGHT_MS`. */
  record(): boolean {
    const now = this.now();
    if (now - this.last > QUIET_MS) {
      this.since = now;
      this.count = 0;
    }
    this.last = now;
    this.count++;
    return this.count >= MIN_TAMPERINGS && now - this.since >= FIGHT_MS;
  }
}
