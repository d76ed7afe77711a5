/** The toolbar badge of one tab: a tick for licensed, a mark for each warning verdict, none for unknown. */
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

export async function showVerdictBadge(tabId: number, verdict: Verdict, title: string): Promise<void> {
  const badge = BADGES[verdict];
  const api = action();
  try {
    await api.setBadgeText({ tabId, text: badge?.text ?? '' });
    if (badge) await api.setBadgeBackgroundColor({ tabId, color: badge.color });
    await api.setTitle({ tabId, title });
  } catch {
    // The tab closed meanwhile.
  }
}

export function badgeTitle(verdict: Verdict): string {
  const text = browser.i18n.getMessage(`verdict_${verdict}`);
  return `Qorgan — ${text || verdict}`;
}
