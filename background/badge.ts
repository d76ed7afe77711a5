/** The toolbar badge of one tab: a tick for licensed, a mark for each warning verdict, none for unknown. */
import { browser } from 'wxt/browser';
import type { Verdict } from '../lib/verdict/types';

const BADGES: Record<Verdict, { text: string; color: string } | null> = {
  licensed: { text: '✓', color: '#1a7f37' },
  blocked: { text: '✕', color: '#b42318' },
  warning: { text: '!', color: '#b54708' },
  lookalike: { text: '!', color: '#b42318' },
  unregistered: { text: '?', color: '#b54708' },
  unknown: null,
};

function action(): typeof browser.action {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

/**
 * What each tab's badge was last set to. Absent: the browser's default, no badge, which is what
 * every tab starts with and what the browser puts back when the tab loads a new document (its
 * tab-specific badge and title are reset then). Setting a badge is work for the browser's UI
 * thread, so a badge already showing is not set again: an ordinary (unknown) page costs none.
 */
const shown = new Map<number, Verdict>();

/** A new document committed in the tab: the browser has reset its badge. */
export function forgetBadge(tabId: number): void {
  shown.delete(tabId);
}

export async function showVerdictBadge(tabId: number, verdict: Verdict): Promise<void> {
  const current = shown.get(tabId);
  if (current === verdict || (current === undefined && verdict === 'unknown')) return;
  const badge = BADGES[verdict];
  const api = action();
  try {
    shown.set(tabId, verdict);
    await api.setBadgeText({ tabId, text: badge?.text ?? '' });
    if (badge) await api.setBadgeBackgroundColor({ tabId, color: badge.color });
    await api.setTitle({ tabId, title: badgeTitle(verdict) });
  } catch {
    // The tab closed meanwhile.
    shown.delete(tabId);
  }
}

function badgeTitle(verdict: Verdict): string {
  // The browser's types list only the built-in message names, not those of our locales.
  const text = browser.i18n.getMessage(`verdict_${verdict}` as never);
  return `Qorgan — ${text || verdict}`;
}
