// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../components/popup/Popup';
import type { Language } from '../../../lib/i18n/language';
import type { RegistryStatus } from '../../../lib/messaging/protocol';
import { fakeClient, mount, settle } from './harness';

const STATUS: RegistryStatus = {
  version: 42,
  origin: 'remote',
  issuedAt: '2026-11-20T06:00:00Z',
  expiresAt: '2026-12-04T06:00:00Z',
  entryCount: 12,
  sources: [
    { id: 'afsa', title: 'AFSA public register', retrievedAt: '2026-11-19T05:00:00Z' },
    { id: 'afm', title: 'AFM blocked sites' },
  ],
  lastSyncAt: null,
  lastError: null,
  registryUrl: 'https://registry.example/registry.json',
  nextSyncAt: null,
};

beforeEach(() => {
  // Only the clock is fake: the popup's promises and effects run as usual.
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

async function statusPanel(now: string, status: RegistryStatus = STATUS, language: Language = 'en') {
  vi.setSystemTime(new Date(now));
  const client = fakeClient({
    'registry/status': () => status,
    'tab/current': () => ({ url: null, context: null }),
  });
  const root = await mount(<Popup client={client} initialUrl={null} optionsHref="/options.html" />, language);
  await settle();
  return root.querySelector('[data-testid="registry-status"]') as HTMLElement;
}

describe('registry freshness in the popup', () => {
  it('shows how old the registry is and when its data was retrieved', async () => {
    const panel = await statusPanel('2026-11-23T06:00:00Z');
    expect(panel.querySelector('[data-testid="registry-issued"]')?.textContent).toBe(
      '20 Nov 2026 (3 days ago)',
    );
    expect(panel.querySelector('[data-testid="registry-retrieved"]')?.textContent).toBe(
      'AFSA public register: 19 Nov 2026',
    );
    expect(panel.querySelector('[data-testid="registry-stale"]')).toBeNull();
  });

  it('says plainly that a registry past its expiry may be out of date, and keeps showing it', async () => {
    const panel = await statusPanel('2026-12-10T06:00:00Z');
    expect(panel.dataset.version).toBe('42');
    expect(panel.querySelector('[data-testid="registry-stale"]')?.textContent).toBe(
      'This registry was valid until 4 Dec 2026. Qorgan still uses it, but it may be out of date.',
    );
  });

  it('says it of a bundled copy too, in the user’s language', async () => {
    const bundled = { ...STATUS, origin: 'bundled' as const, registryUrl: null };
    const panel = await statusPanel('2027-01-10T06:00:00Z', bundled, 'ru');
    expect(panel.dataset.source).toBe('bundled');
    expect(panel.querySelector('[data-testid="registry-stale"]')?.textContent).toContain(
      'сведения могут быть устаревшими',
    );
    expect(panel.querySelector('[data-testid="registry-issued"]')?.textContent).toContain('назад');
  });

  it('leaves the retrieval line out when no source says when it was retrieved', async () => {
    const panel = await statusPanel('2026-11-20T09:00:00Z', {
      ...STATUS,
      sources: [{ id: 'afm', title: 'AFM' }],
    });
    expect(panel.querySelector('[data-testid="registry-retrieved"]')).toBeNull();
    expect(panel.querySelector('[data-testid="registry-issued"]')?.textContent).toBe(
      '20 Nov 2026 (3 hours ago)',
    );
  });
});
