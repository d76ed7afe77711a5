// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Options } from '../../../components/options/Options';
import { DEFAULT_SETTINGS } from '../../../lib/policy/default-settings';
import type { EffectiveSettings, PolicyKey } from '../../../lib/policy/types';
import { fakeClient, mount, settle } from './harness';

afterEach(() => {
  document.body.innerHTML = '';
});

function setup(managed: PolicyKey[] = [], overrides: Partial<EffectiveSettings> = {}) {
  let dismissed = [
    { host: 'bybit.com', until: '2026-11-21T06:00:00Z' },
    { host: 'example-exchange.kz', until: '2026-11-21T08:00:00Z' },
  ];
  const client = fakeClient({
    'settings/get': () => ({
      user: { language: 'auto' },
      effective: { ...DEFAULT_SETTINGS, ...overrides, managed },
      problems: managed.length
        ? [{ key: 'trustedKeys', reason: 'is not base64', code: 'not-base64', item: 'zz' }]
        : [],
    }),
    'settings/set': () => ({ ok: true }),
    'dismiss/list': () => dismissed,
    'dismiss/remove': ({ host }) => {
      dismissed = dismissed.filter((d) => d.host !== host);
      return { ok: true };
    },
  });
  return client;
}

const field = (root: HTMLElement, label: string) => {
  const element = Array.from(root.querySelectorAll('label')).find((l) => l.textContent === label);
  return root.querySelector(`#${element?.htmlFor}`) as HTMLInputElement & HTMLSelectElement;
};

describe('Options', () => {
  it('lists dismissed sites, and Undo removes one', async () => {
    const client = setup();
    const root = await mount(<Options client={client} onLanguageChange={vi.fn()} />);
    await settle();
    const list = root.querySelector('[data-testid="dismissed-sites"]') as HTMLElement;
    expect(Array.from(list.querySelectorAll('li')).map((li) => li.dataset.host)).toEqual([
      'bybit.com',
      'example-exchange.kz',
    ]);
    const undo = list.querySelector('li[data-host="bybit.com"] button') as HTMLButtonElement;
    expect(undo.getAttribute('aria-label')).toBe('Undo the dismissal for bybit.com');
    await act(() => undo.click());
    await settle();
    expect(client.calls).toContainEqual({ type: 'dismiss/remove', data: { host: 'bybit.com' } });
    expect(Array.from(list.querySelectorAll('li')).map((li) => li.dataset.host)).toEqual([
      'example-exchange.kz',
    ]);
  });

  it('saves detection, language and a valid registry URL; refuses an insecure one', async () => {
    const client = setup();
    const onLanguageChange = vi.fn();
    const root = await mount(<Options client={client} onLanguageChange={onLanguageChange} />);
    await settle();
    const detect = field(root, 'Warn on crypto-exchange pages that are on no list');
    expect(detect.checked).toBe(true);
    await act(() => detect.click());
    await settle();
    expect(client.calls).toContainEqual({ type: 'settings/set', data: { detectUnregistered: false } });

    const language = field(root, 'Language');
    await act(() => {
      language.value = 'kk';
      language.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(onLanguageChange).toHaveBeenCalledWith('kk');
    expect(client.calls).toContainEqual({ type: 'settings/set', data: { language: 'kk' } });

    const url = field(root, 'Registry URL');
    const save = root.querySelector('form button[type="submit"]') as HTMLButtonElement;
    await act(() => {
      url.value = 'http://registry.example/registry.json';
      url.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => save.click());
    await settle();
    expect(root.textContent).toContain('Enter an https address');
    expect(client.calls.some((c) => c.type === 'settings/set' && 'registryUrl' in (c.data as object))).toBe(
      false,
    );
    await act(() => {
      url.value = 'https://registry.example/registry.json';
      url.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => save.click());
    await settle();
    expect(client.calls).toContainEqual({
      type: 'settings/set',
      data: { registryUrl: 'https://registry.example/registry.json' },
    });
  });

  it('disables a control the policy sets, says the organisation manages it, and lists policy problems', async () => {
    const client = setup(['registryUrl', 'detectUnregistered'], {
      registryUrl: 'https://corp.example/registry.json',
      detectUnregistered: false,
    });
    const root = await mount(<Options client={client} onLanguageChange={vi.fn()} />);
    await settle();
    const url = field(root, 'Registry URL');
    const detect = field(root, 'Warn on crypto-exchange pages that are on no list');
    expect(url.disabled).toBe(true);
    expect(url.value).toBe('https://corp.example/registry.json');
    expect(detect.disabled).toBe(true);
    expect(detect.checked).toBe(false);
    for (const control of [url, detect]) {
      const described = (control.getAttribute('aria-describedby') ?? '').split(' ');
      const managedNote = described
        .map((id) => root.querySelector(`#${id}`))
        .find((el) => el?.classList.contains('managed'));
      expect(managedNote?.textContent).toBe('Managed by your organisation');
    }
    expect(root.querySelector('[data-testid="policy-problems"] li')?.textContent).toBe(
      'trustedKeys (zz): Not base64.',
    );
  });
});
