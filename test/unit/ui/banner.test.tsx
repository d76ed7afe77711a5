// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Banner } from '../../../components/banner/Banner';
import { buildReportHref, DEFAULT_REPORT_ADDRESS } from '../../../components/banner/report-link';
import type { VerdictResult } from '../../../lib/verdict/types';
import { mount, pageContext, RESULTS } from './harness';

afterEach(() => {
  document.body.innerHTML = '';
});

async function banner(result: VerdictResult, overrides = {}, language: 'en' | 'ru' | 'kk' = 'en') {
  const actions = { onGoBack: vi.fn(), onDetails: vi.fn(), onDismiss: vi.fn() };
  const root = await mount(
    <Banner context={pageContext(result, overrides)} reportHref="mailto:report@example.org" {...actions} />,
    language,
  );
  return { root, actions, alert: root.querySelector('[role="alert"]') as HTMLElement };
}

describe('Banner', () => {
  it.each([
    ['blocked', RESULTS.blocked, 'Blocked by the Agency for Financial Monitoring'],
    ['warning', RESULTS.warning, 'Not the platform licensed in Kazakhstan'],
    ['lookalike', RESULTS.lookalike, 'Imitates bybit.kz — an AFSA-licensed platform'],
    ['unregistered', RESULTS.unregistered, 'Not licensed in Kazakhstan'],
  ] as const)('says in one sentence what %s means, as an alert', async (verdict, result, headline) => {
    const { alert } = await banner(result);
    expect(alert.dataset.verdict).toBe(verdict);
    expect(alert.querySelector('.headline')?.textContent).toBe(headline);
  });

  it('names a warning without alternative as a regulator warning', async () => {
    const result: VerdictResult = {
      verdict: 'warning',
      host: 'scam.example',
      reason: { kind: 'registry', entry: { target: 'scam.example', status: 'warning' } },
    };
    const { alert } = await banner(result);
    expect(alert.querySelector('.headline')?.textContent).toBe("Named in a regulator's warning");
    expect(alert.querySelector('a.action')).toBeNull();
  });

  it('says where the information comes from: source and registry date', async () => {
    const { alert } = await banner(RESULTS.blocked);
    expect(alert.querySelector('.source')?.textContent).toBe(
      'Source: AFM list of blocked sites. Registry of 20 Nov 2026',
    );
  });

  it('offers Go back, Details, Dismiss and Report, in that order, as real buttons and links', async () => {
    const { alert, actions } = await banner(RESULTS.blocked);
    const controls = Array.from(alert.querySelectorAll('button, a')).map((el) => [
      el.tagName,
      el.textContent,
    ]);
    expect(controls).toEqual([
      ['BUTTON', 'Go back'],
      ['BUTTON', 'Details'],
      ['BUTTON', 'Dismiss for this site for 24 hours'],
      ['A', 'Report a mistake'],
    ]);
    const buttons = alert.querySelectorAll('button');
    buttons[0]?.click();
    buttons[1]?.click();
    buttons[2]?.click();
    expect(actions.onGoBack).toHaveBeenCalledOnce();
    expect(actions.onDetails).toHaveBeenCalledOnce();
    expect(actions.onDismiss).toHaveBeenCalledOnce();
    const report = alert.querySelector('a') as HTMLAnchorElement;
    expect(report.getAttribute('href')).toBe('mailto:report@example.org');
    expect(report.rel).toContain('noopener');
  });

  it('has no Dismiss when the organisation does not allow bypass', async () => {
    const { alert } = await banner(RESULTS.blocked, { allowBypass: false });
    expect(alert.textContent).not.toContain('Dismiss');
  });

  it('links to the licensed site for a warning with alternative and for a lookalike', async () => {
    for (const result of [RESULTS.warning, RESULTS.lookalike]) {
      const { alert } = await banner(result);
      const link = alert.querySelector('a.action') as HTMLAnchorElement;
      expect(link.getAttribute('href')).toBe('https://bybit.kz/');
      expect(link.textContent).toBe('Go to the licensed site bybit.kz');
      document.body.innerHTML = '';
    }
  });

  it('renders registry text as text, never as HTML', async () => {
    const result: VerdictResult = {
      verdict: 'warning',
      host: 'evil.example',
      reason: {
        kind: 'registry',
        entry: { target: 'evil.example', status: 'warning', alternative: '<img src=x onerror=alert(1)>' },
      },
    };
    const { alert } = await banner(result, { source: { id: 'x', title: '<b>bold</b>' } });
    expect(alert.querySelector('img, b')).toBeNull();
    expect(alert.textContent).toContain('<b>bold</b>');
    expect(alert.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('speaks Russian and Kazakh', async () => {
    const ru = await banner(RESULTS.blocked, {}, 'ru');
    expect(ru.alert.querySelector('.headline')?.textContent).toBe(
      'Заблокировано Агентством по финансовому мониторингу',
    );
    expect(ru.alert.getAttribute('lang')).toBe('ru');
    document.body.innerHTML = '';
    const kk = await banner(RESULTS.lookalike, {}, 'kk');
    expect(kk.alert.querySelector('.headline')?.textContent).toBe(
      'bybit.kz сайтына еліктейді — AFSA лицензиясы бар платформа',
    );
  });

  it('uses a source-less line for the detector', async () => {
    const { alert } = await banner(RESULTS.unregistered, { source: null });
    expect(alert.querySelector('.source')?.textContent).toContain('a check of this page made on your device');
  });
});

describe('buildReportHref', () => {
  const facts = {
    url: 'https://coinbase.com/',
    host: 'coinbase.com',
    verdict: 'blocked',
    registryDate: '20 Nov 2026',
    subject: 'Subject & more',
    body: 'Line 1\nLine 2',
  };

  it('prefills a mailto with subject and body', () => {
    const href = buildReportHref(null, facts);
    expect(href.startsWith(`${DEFAULT_REPORT_ADDRESS}?subject=`)).toBe(true);
    expect(href).toContain('subject=Subject%20%26%20more');
    expect(href).toContain('body=Line%201%0ALine%202');
  });

  it('adds the facts as query parameters to a web address', () => {
    const href = new URL(buildReportHref('https://qorgan.example/report?lang=en', facts));
    expect(href.searchParams.get('host')).toBe('coinbase.com');
    expect(href.searchParams.get('verdict')).toBe('blocked');
    expect(href.searchParams.get('lang')).toBe('en');
  });

  it('never builds a script link', () => {
    expect(buildReportHref('javascript:alert(1)', facts).startsWith('mailto:')).toBe(true);
    expect(buildReportHref('not a url', facts).startsWith('mailto:')).toBe(true);
  });
});
