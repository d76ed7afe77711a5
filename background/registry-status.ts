/** The registry's status as the popup and options show it: what is in service, and how its sync went. */
import type { RegistryService } from '../lib/engine/registry-service';
import type { RegistryStatus } from '../lib/messaging/protocol';
import type { SettingsSource } from './settings-source';

export async function registryStatus(
  service: RegistryService,
  settings: SettingsSource,
): Promise<RegistryStatus> {
  await service.ready();
  const [state, { effective }] = await Promise.all([service.syncState(), settings.get()]);
  const meta = service.meta;
  return {
    version: meta?.version ?? 0,
    origin: meta?.origin ?? 'bundled',
    issuedAt: meta?.issuedAt ?? '',
    expiresAt: meta?.expiresAt ?? '',
    entryCount: meta?.entryCount ?? 0,
    sources: (meta?.sources ?? []).map(({ id, title, url, retrievedAt }) => ({
      id,
      title,
      ...(url ? { url } : {}),
      ...(retrievedAt ? { retrievedAt } : {}),
    })),
    lastSyncAt: state.lastSuccessAt,
    lastError: state.lastError
      ? {
          reason: state.lastError.code,
          at: state.lastError.at,
          ...(state.lastError.detail ? { detail: state.lastError.detail } : {}),
        }
      : null,
    registryUrl: effective.registryUrl,
    nextSyncAt: state.nextAttemptAt,
  };
}
