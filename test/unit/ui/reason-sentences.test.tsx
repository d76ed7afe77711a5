// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { Banner } from '../../../components/banner/Banner';
import { BlockedPage } from '../../../components/blocked/BlockedPage';
import { Popup } from '../../../components/popup/Popup';
import type { Language } from '../../../lib/i18n/language';
import type { RegistryStatus } from '../../../lib/messaging/protocol';
import type { RegistryEntry } from '../../../lib/registry/types';
import type { VerdictResult } from '../../../lib/verdict/types';
import { fakeClient, mount, pageContext, settle } from './harness';

afterEach(() => {
  document.body.innerHTML = '';
});

function registryResult(
  verdict: 'warning' | 'blocked',
  entry: RegistryEntry,
  reason?: string,
): VerdictResult {
  return { verdict, host: entry.target, reason: { kind: 'registry', entry, ...(reason ? { reason } : {}) } };
}

const INTEBIX: RegistryEntry = {
  target: 'intebix.kz',
  status: 'licensed',
  name: 'Intebix Ltd',
  validUntil: '2026-09-01',
};
const EXPIRED = registryResult('warning', INTEBIX, 'licence-expired');

async function bannerText(result: VerdictResult, language: Language = 'en') {
  const root = await mount(
    <Banner
      context={pageContext(result, { source: null })}
      reportHref="mailto:x@example.org"
      onGoBack={() => undefined}
      onDetails={() => undefined}
      onDismiss={() => undefined}
    />,
    language,
  );
  const alert = root.querySelector('[role="alert"]') as HTMLElement;
  return {
    headline: alert.querySelector('.headline')?.textContent ?? '',
    explain: alert.querySelector('.explain')?.textContent ?? '',
    alert,
  };
}

describe('a plain sentence for every reason', () => {
  it.each([
    [
      'regulator-warning',
      'warning',
      "Named in a regulator's warning",
      'A regulator publicly warned about X Ltd on 1 March 2025.',
    ],
    [
      'other-entity',
      'warning',
      'Not the platform licensed in Kazakhstan',
      "X Ltd belongs to the brand, but the brand's licence",
    ],
    [
      'licence-withdrawn',
      'warning',
      'Its AFSA licence was withdrawn',
      'The AFSA licence of X Ltd was withdrawn on 1 March 2025.',
    ],
    [
      'licence-suspended',
      'warning',
      'Its AFSA licence is suspended',
      'The AFSA licence of X Ltd was suspended on 1 March 2025.',
    ],
    [
      'state-block',
      'blocked',
      'Access restricted by a state body of Kazakhstan',
      'restricted access to X Ltd since 1 March 2025.',
    ],
    [
      'pyramid',
      'blocked',
      'Named as a financial pyramid',
      'X Ltd was named as a financial pyramid on 1 March 2025',
    ],
  ] as const)('%s', async (reason, verdict, headline, explanation) => {
    const entry: RegistryEntry = {
      target: 'x.example',
      status: verdict,
      name: 'X Ltd',
      since: '2025-03-01',
      reason,
    };
    const text = await bannerText(registryResult(verdict, entry, reason));
    expect(text.headline).toBe(headline);
    expect(text.explain).toContain(explanation);
  });

  it('says when a licence ended, with its date in each language', async () => {
    expect(await bannerText(EXPIRED)).toMatchObject({
      headline: 'Its AFSA licence has ended',
      explain: 'The AFSA licence of Intebix Ltd ended on 1 September 2026.',
    });
    document.body.innerHTML = '';
    expect((await bannerText(EXPIRED, 'ru')).explain).toBe(
      '1 сентября 2026 г. истёк срок лицензии AFSA, выданной Intebix Ltd.',
    );
    document.body.innerHTML = '';
    expect((await bannerText(EXPIRED, 'kk')).explain).toBe(
      'Intebix Ltd ұйымының AFSA лицензиясының мерзімі 01.09.2026 күні аяқталды.',
    );
  });

  it('sends people from another entity of a brand to its licensed site', async () => {
    const entry: RegistryEntry = {
      target: 'big.one',
      status: 'warning',
      reason: 'other-entity',
      alternative: 'eurasia.big.one',
    };
    const text = await bannerText(registryResult('warning', entry, 'other-entity'));
    expect(text.headline).toBe('Not the platform licensed in Kazakhstan');
    expect(text.explain).toBe(
      'The brand has a licensed platform in Kazakhstan, but it is not this site: eurasia.big.one.',
    );
    expect(text.alert.querySelector('a.action')?.textContent).toBe('Go to the licensed site eurasia.big.one');
  });

  it('names the target when the entry has no name, and leaves the date out when it has none', async () => {
    const entry: RegistryEntry = { target: 'swiftex.kz', status: 'warning', reason: 'licence-withdrawn' };
    expect((await bannerText(registryResult('warning', entry, 'licence-withdrawn'))).explain).toBe(
      'The AFSA licence of swiftex.kz was withdrawn. The site may still say it is licensed.',
    );
  });

  it("falls back to the status's own sentence for a reason this version does not know", async () => {
    const entry: RegistryEntry = {
      target: 'odd.example',
      status: 'blocked',
      source: 'afm',
      reason: 'moon-phase',
    };
    const text = await bannerText(registryResult('blocked', entry, 'moon-phase'));
    expect(text.headline).toBe('Blocked by the Agency for Financial Monitoring');
    expect(text.explain).toBe(
      'Access to this site is restricted in Kazakhstan. Money sent here may be lost for good.',
    );
  });

  it('says which site a lookalike imitates and where that site stands', async () => {
    const bitget: RegistryEntry = {
      target: 'bitget.com',
      status: 'warning',
      reason: 'regulator-warning',
      source: 'afsa-warning',
    };
    const warned = await bannerText({
      verdict: 'lookalike',
      host: 'bitget-login.com',
      reason: {
        kind: 'lookalike',
        brand: 'bitget',
        imitates: 'bitget.com',
        entry: bitget,
        technique: 'brand-in-domain',
      },
    });
    expect(warned.headline).toBe('Imitates bitget.com — named in an AFSA warning');
    expect(warned.alert.querySelector('a.action')).toBeNull();
    document.body.innerHTML = '';
    const brandOnly = await bannerText({
      verdict: 'lookalike',
      host: 'binance-login.com',
      reason: {
        kind: 'lookalike',
        brand: 'binance',
        imitates: 'binance.com',
        entry: null,
        technique: 'brand-in-domain',
      },
    });
    expect(brandOnly.headline).toBe('Imitates binance.com');
  });

  it('says it on the block page too', async () => {
    const entry: RegistryEntry = {
      target: 'coinbase.com',
      status: 'blocked',
      reason: 'state-block',
      since: '2024-06-01',
    };
    const client = fakeClient({
      'page/context': () => pageContext(registryResult('blocked', entry, 'state-block')),
      lookup: ({ query }) => ({ query, result: registryResult('blocked', entry, 'state-block') }),
      'registry/status': () => STATUS,
    });
    const root = await mount(
      <BlockedPage
        client={client}
        url="https://coinbase.com/"
        onGoBack={() => undefined}
        navigate={() => undefined}
      />,
    );
    await settle();
    expect(root.textContent).toContain(
      'A state body of Kazakhstan has restricted access to coinbase.com since 1 June 2024.',
    );
  });
});

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
  registryUrl: null,
  nextSyncAt: null,
};

async function popup(
  result: VerdictResult | null,
  status: RegistryStatus = STATUS,
  language: Language = 'en',
) {
  const client = fakeClient({
    'registry/status': () => status,
    lookup: ({ query }) => ({ query, result }),
  });
  const root = await mount(
    <Popup client={client} initialUrl="https://example.kz/" optionsHref="/options.html" />,
    language,
  );
  await settle();
  return root;
}

describe('the popup', () => {
  it('marks the lookup result with data-reason, and with data-imitates for a lookalike', async () => {
    let root = await popup(EXPIRED);
    let card = root.querySelector('[data-testid="lookup-result"]') as HTMLElement;
    expect(card.dataset.verdict).toBe('warning');
    expect(card.dataset.reason).toBe('licence-expired');
    expect(card.hasAttribute('data-imitates')).toBe(false);
    expect(card.textContent).toContain('The AFSA licence of Intebix Ltd ended on 1 September 2026.');
    document.body.innerHTML = '';
    root = await popup({
      verdict: 'lookalike',
      host: 'binance-login.com',
      reason: {
        kind: 'lookalike',
        brand: 'binance',
        imitates: 'binance.com',
        entry: null,
        technique: 'brand-in-domain',
      },
    });
    card = root.querySelector('[data-testid="lookup-result"]') as HTMLElement;
    expect(card.dataset.imitates).toBe('binance.com');
    expect(card.hasAttribute('data-reason')).toBe(false);
  });

  it('shows a licence that ends soon, without turning it into a warning', async () => {
    const entry: RegistryEntry = { target: 'caspianex.kz', status: 'licensed', validUntil: '2026-12-31' };
    const root = await popup({
      verdict: 'licensed',
      host: 'caspianex.kz',
      reason: { kind: 'registry', entry, licenceEndingSoon: true },
    });
    const card = root.querySelector('[data-testid="lookup-result"]') as HTMLElement;
    expect(card.dataset.verdict).toBe('licensed');
    expect(card.querySelector('[data-testid="licence-ending"]')?.textContent).toBe(
      'Licensed until 31 December 2026',
    );
    document.body.innerHTML = '';
    const later = await popup({
      verdict: 'licensed',
      host: 'caspianex.kz',
      reason: { kind: 'registry', entry },
    });
    expect(later.querySelector('[data-testid="licence-ending"]')).toBeNull();
  });
});
