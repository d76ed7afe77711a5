/** The extension's block page, and when a page belongs on it. */
import { browser } from 'wxt/browser';
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
