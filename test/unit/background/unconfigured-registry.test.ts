import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUILD_CONFIG } from '../../../background/build-config';
import { SettingsSource } from '../../../background/settings-source';
import { RegistryService } from '../../../lib/engine/registry-service';
import { RegistryStore } from '../../../lib/store/registry-store';
import { BUNDLED, NOW } from '../engine/registry-fixtures';

beforeEach(() => {
  fakeBrowser.reset();
});

// The unit-test build is configured as a build with QORGAN_REGISTRY_URL unset (vitest.config.ts).
describe('a build without QORGAN_REGISTRY_URL', () => {
  it('bakes in no registry address', () => {
    expect(BUILD_CONFIG.registryUrl).toBeNull();
  });

  it('has no registry address in force unless a user or a policy gives one', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('no managed storage'));
    const { effective } = await new SettingsSource(() => undefined).get();
    expect(effective.registryUrl).toBeNull();
  });

  it('runs on the bundled copy and never fetches anything', async () => {
    const fetchSpy = vi.fn<typeof fetch>(() => Promise.reject(new Error('no address was configured')));
    const factory = new IDBFactory();
    const service = new RegistryService({
      openStore: () => RegistryStore.open(factory),
      fetch: fetchSpy,
      loadBundled: async () => BUNDLED,
      builtInKeys: BUILD_CONFIG.trustedKeys,
      now: () => NOW,
      random: () => 0.5,
    });
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('no managed storage'));
    const { effective } = await new SettingsSource(() => undefined).get();
    const result = await service.sync(effective);
    expect(result.outcome).toBe('no-registry-url');
    expect(service.meta?.origin).toBe('bundled');
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
