import { describe, expect, it, vi } from 'vitest';
import { createContentHandlers } from '../../../background/content-handlers';
import type { BackgroundHandlers } from '../../../background/handlers';
import type { SettingsSource } from '../../../background/settings-source';
import type { RegistryService } from '../../../lib/engine/registry-service';
import { DEFAULT_SETTINGS } from '../../../lib/policy/default-settings';
import type { Verdict } from '../../../lib/verdict/types';

const FROM = {
  tabId: 9,
  frameId: 0,
  url: 'https://www.warned.kz/trade?session=1',
  tabUrl: 'https://www.warned.kz/trade?session=1',
};

function setup(verdict: Verdict, allowBypass = true) {
  const pages = {
    'page/context': vi.fn(async () => ({})),
    'page/open-details': vi.fn(async () => ({ ok: true })),
    'dismiss/add': vi.fn(async () => ({ ok: true })),
  } as unknown as BackgroundHandlers;
  const service = {
    verdict: async (url: string) => ({ verdict, host: new URL(url).hostname, reason: { kind: 'none' } }),
  };
  const settings = { get: async () => ({ effective: { ...DEFAULT_SETTINGS, allowBypass, managed: [] } }) };
  const content = createContentHandlers({
    pages,
    service: service as unknown as RegistryService,
    settings: settings as unknown as SettingsSource,
  });
  return { pages, content };
}

describe('content handlers', () => {
  it('answer about the page the browser says the sender is on, whatever address the message names', async () => {
    const { pages, content } = setup('warning');
    await content['page/context']({ url: 'https://bank.example/account?token=secret' }, FROM);
    expect(pages['page/context']).toHaveBeenCalledWith(
      { url: FROM.url },
      expect.objectContaining({ url: FROM.url }),
    );
    await content['page/open-details']({ url: 'https://elsewhere.example/' }, FROM);
    expect(pages['page/open-details']).toHaveBeenCalledWith({ url: FROM.url }, expect.anything());
  });

  it('dismiss the sender’s own site while it has a banner verdict and bypass is allowed', async () => {
    const { pages, content } = setup('warning');
    await expect(content['dismiss/add']({ host: 'warned.kz' }, FROM)).resolves.toEqual({ ok: true });
    expect(pages['dismiss/add']).toHaveBeenCalledWith({ host: 'www.warned.kz' }, expect.anything());
  });

  it('refuse to dismiss another site, a site without a warning, or any site when bypass is off', async () => {
    const other = setup('warning');
    await expect(other.content['dismiss/add']({ host: 'coinbase.com' }, FROM)).rejects.toThrow(/own site/);
    const licensed = setup('licensed');
    await expect(licensed.content['dismiss/add']({ host: 'warned.kz' }, FROM)).rejects.toThrow();
    const noBypass = setup('blocked', false);
    await expect(noBypass.content['dismiss/add']({ host: 'warned.kz' }, FROM)).rejects.toThrow();
    for (const { pages } of [other, licensed, noBypass]) expect(pages['dismiss/add']).not.toHaveBeenCalled();
  });
});
