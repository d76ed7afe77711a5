// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { LOOKUP_DEBOUNCE_MS } from '../../../components/popup/LookupField';
import { Popup } from '../../../components/popup/Popup';
import type { RegistryStatus } from '../../../lib/messaging/protocol';
import type { VerdictResult } from '../../../lib/verdict/types';
import { fakeClient, mount, pageContext, RESULTS, settle, type FakeHandlers } from './harness';

afterEach(() => {
  document.body.innerHTML = '';
});

const STATUS: RegistryStatus = {
  version: 42,
  origin: 'remote',
  issuedAt: '2026-11-20T06:00:00Z',
  expiresAt: '2026-12-04T06:00:00Z',
  entryCount: 1234,
  sources: [
    { id: 'afsa', title: 'AFSA public register', url: 'https://publicreg.myafsa.com/' },
    { id: 'afm', title: 'AFM blocked sites' },
  ],
  lastSyncAt: '2026-11-20T07:00:00Z',
  lastError: { reason: 'signature-untrusted', detail: 'key 1a2b', at: '2026-11-21T07:00:00Z' },
  registryUrl: null,
  nextSyncAt: null,
};

const BY_HOST: Record<string, VerdictResult> = {
  'bybit.kz': RESULTS.licensed,
  'coinbase.com': RESULTS.blocked,
  'bybit.com': RESULTS.warning,
  'example.org': RESULTS.unknown,
};

function handlers(extra: FakeHandlers = {}): FakeHandlers {
  return {
    'registry/status': () => STATUS,
    'registry/sync-now': () => ({ ...STATUS, version: 43, lastError: null }),
    'tab/current': () => ({ url: 'https://bybit.kz/en', context: pageContext(RESULTS.licensed) }),
    lookup: ({ query }) => {
      const host = query.replace(/^https?:\/\//, '').split(/[/?#]/)[0] ?? '';
      return { query, result: BY_HOST[host] ?? (host.includes('.') ? { ...RESULTS.unknown, host } : null) };
    },
    ...extra,
  };
}

async function type(input: HTMLInputElement, text: string) {
  await act(() => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle(LOOKUP_DEBOUNCE_MS + 20);
}

const byLabel = (root: HTMLElement, label: string) => {
  const element = Array.from(root.querySelectorAll('label')).find((l) => l.textContent === label);
  return root.querySelector(`#${element?.htmlFor}`) as HTMLInputElement;
};

describe('Popup', () => {
  it("shows the current tab's verdict with entity, licence, register page, source and since", async () => {
    const root = await mount(
      <Popup client={fakeClient(handlers())} initialUrl={null} optionsHref="/options.html" />,
    );
    await settle();
    const card = root.querySelector('[data-testid="current-verdict"]') as HTMLElement;
    expect(card.dataset.verdict).toBe('licensed');
    const text = card.textContent ?? '';
    expect(text).toContain('Bybit Limited (Bybit Kazakhstan)');
    expect(text).toContain('AFSA-A-LA-2024-0027');
    expect(text).toContain('1 May 2024');
    expect(card.querySelector('a')?.getAttribute('href')).toBe('https://publicreg.myafsa.com/');
  });

  it('answers as you type, for domains and pasted URLs with paths', async () => {
    const client = fakeClient(handlers());
    const root = await mount(<Popup client={client} initialUrl={null} optionsHref="/options.html" />);
    await settle();
    const input = byLabel(root, 'Domain or address');
    expect(input).toBeTruthy();
    const cases: [string, string][] = [
      ['bybit.kz', 'licensed'],
      ['https://coinbase.com/signup?ref=1', 'blocked'],
      ['bybit.com/en/trade', 'warning'],
      ['example.org', 'unknown'],
      ['nonsense', 'unknown'],
    ];
    for (const [query, verdict] of cases) {
      await type(input, query);
      const result = root.querySelector('[data-testid="lookup-result"]') as HTMLElement;
      expect(result?.dataset.verdict, query).toBe(verdict);
    }
  });

  it('shows no stale answer while a new query is pending, and debounces', async () => {
    const client = fakeClient(handlers());
    const root = await mount(<Popup client={client} initialUrl={null} optionsHref="/options.html" />);
    await settle();
    const input = byLabel(root, 'Domain or address');
    await type(input, 'bybit.kz');
    await act(() => {
      input.value = 'coinbase.co';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.value = 'coinbase.com';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(root.querySelector('[data-testid="lookup-result"]')).toBeNull();
    await settle(LOOKUP_DEBOUNCE_MS + 20);
    expect(
      client.calls.filter((c) => c.type === 'lookup').map((c) => (c.data as { query: string }).query),
    ).toEqual(['bybit.kz', 'coinbase.com']);
  });

  it('as a tab page, prefills the lookup from ?url= and answers at once', async () => {
    const client = fakeClient(handlers());
    const root = await mount(
      <Popup client={client} initialUrl="https://bybit.com/en/" optionsHref="/options.html" />,
    );
    await settle();
    expect(byLabel(root, 'Domain or address').value).toBe('https://bybit.com/en/');
    expect((root.querySelector('[data-testid="lookup-result"]') as HTMLElement).dataset.verdict).toBe(
      'warning',
    );
    expect(client.calls.some((c) => c.type === 'tab/current')).toBe(false);
  });

  it('shows registry status with version, origin, dates, the localised last error, and syncs now', async () => {
    const root = await mount(
      <Popup client={fakeClient(handlers())} initialUrl={null} optionsHref="/options.html" />,
      'ru',
    );
    await settle();
    const status = root.querySelector('[data-testid="registry-status"]') as HTMLElement;
    expect(status.dataset.version).toBe('42');
    expect(status.dataset.source).toBe('remote');
    expect(status.textContent).toContain('Подпись реестра не подтверждена доверенным ключом.');
    expect(status.textContent).toContain('1\u00a0234');
    const sync = Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'Обновить сейчас');
    await act(() => sync?.click());
    await settle();
    const after = root.querySelector('[data-testid="registry-status"]') as HTMLElement;
    expect(after.dataset.version).toBe('43');
    expect(after.querySelector('[data-testid="registry-error"]')).toBeNull();
  });

  it('says so when no registry address is set and the bundled copy is in use', async () => {
    const bundled = { ...STATUS, origin: 'bundled' as const, registryUrl: null, lastError: null };
    const root = await mount(
      <Popup
        client={fakeClient(handlers({ 'registry/status': () => bundled }))}
        initialUrl={null}
        optionsHref="/options.html"
      />,
    );
    await settle();
    expect(root.querySelector('[data-testid="registry-status"]')?.getAttribute('data-source')).toBe(
      'bundled',
    );
    expect(root.querySelector('[data-testid="registry-url"]')?.textContent).toBe(
      'none set: Qorgan uses the copy bundled with the extension',
    );
  });

  it('labels the field in Kazakh and Russian', async () => {
    const kk = await mount(
      <Popup client={fakeClient(handlers())} initialUrl={null} optionsHref="/o" />,
      'kk',
    );
    expect(byLabel(kk, 'Домен немесе мекенжай')).toBeTruthy();
    const ru = await mount(
      <Popup client={fakeClient(handlers())} initialUrl={null} optionsHref="/o" />,
      'ru',
    );
    expect(byLabel(ru, 'Домен или адрес')).toBeTruthy();
  });

  it('says so when the background does not answer', async () => {
    const root = await mount(<Popup client={fakeClient({})} initialUrl={null} optionsHref="/options.html" />);
    await settle();
    expect(root.textContent).toContain("Qorgan's background service did not answer");
    expect(root.textContent).toContain('This tab is not a web page.');
  });
});
