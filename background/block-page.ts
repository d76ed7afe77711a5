/** The extension's block page, and when a page belongs on it. */
import type { RegistryService } from '../lib/engine/registry-service';
import type { EffectiveSettings } from '../lib/policy/types';
import type { VerdictResult } from '../lib/verdict/types';
import { isDismissed } from './dismissals';
import type { SettingsSource } from './settings-source';

/** What judging a page takes: the registry, the settings and the clock. */
export interface Judge {
  service: RegistryService;
  settings: SettingsSource;
  now: () => Date;
}

function blockedPageUrl(url: string): string {
  return `${browser.runtime.getURL('/blocked.html')}?url=${encodeURIComponent(url)}`;
}

/**
 * The same page in its warning variant, for a site that would not let its banner be seen, with the
 * site's verdict for its first paint (no page can open extension pages, so only we write these).
 */
export function warningPageUrl(url: string, verdict: string): string {
  return `${blockedPageUrl(url)}&tampered=1&verdict=${encodeURIComponent(verdict)}`;
}

/** In block mode a blocked target goes to the block page, unless the user may dismiss and did. */
async function belongsOnBlockPage(
  result: VerdictResult,
  effective: EffectiveSettings,
  now: Date,
): Promise<boolean> {
  if (result.verdict !== 'blocked' || effective.blockMode !== 'block') return false;
  return !(effective.allowBypass && (await isDismissed(result.host, now)));
}

/** In block mode, sends a tab whose address belongs on the block page there; true when it did. */
export async function toBlockPage(
  { service, settings, now }: Judge,
  tabId: number,
  url: string,
): Promise<boolean> {
  const { effective } = await settings.get();
  if (effective.blockMode !== 'block') return false;
  const result = await service.verdict(url, effective);
  if (!(await belongsOnBlockPage(result, effective, now()))) return false;
  await browser.tabs.update(tabId, { url: blockedPageUrl(url) });
  return true;
}
