/** Stand-ins for a page's load event, one per tab. */

/**
 * A page whose load event has not come this long after it was parsed (an image or a frame that
 * never finishes, perhaps on purpose) is treated as loaded: it gets the sweep and the sampler then.
 */
export const LOAD_WAIT_MS = 5_000;

/** Per tab: the timer standing in for the page's load event, and whether it already ran. */
const loadTimers = new Map<number, { timer: ReturnType<typeof setTimeout>; ran: boolean }>();

/** Stops the tab's stand-in for the load event; true when it had already run. */
export function stopLoadTimer(tabId: number): boolean {
  const known = loadTimers.get(tabId);
  if (known !== undefined) clearTimeout(known.timer);
  loadTimers.delete(tabId);
  return known?.ran === true;
}

/** Runs `asLoaded` for the tab's page if its load event has not come within LOAD_WAIT_MS. */
export function startLoadTimer(tabId: number, asLoaded: () => void): void {
  stopLoadTimer(tabId);
  const entry = {
    ran: false,
    timer: setTimeout(() => {
      entry.ran = true;
      asLoaded();
    }, LOAD_WAIT_MS),
  };
  loadTimers.set(tabId, entry);
}

/** Whether the tab's page has a stand-in running or already run since it was parsed. */
export function hasLoadTimer(tabId: number): boolean {
  return loadTimers.has(tabId);
}
