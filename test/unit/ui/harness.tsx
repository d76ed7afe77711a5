/** Rendering components into a DOM for tests, with a fake background behind the messaging client. */
import { render, type ComponentChildren } from 'preact';
import { act } from 'preact/test-utils';
import { I18nProvider } from '../../../components/i18n';
import type { MessagingClient } from '../../../components/messaging';
import type { Language } from '../../../lib/i18n/language';
import type { PageContext, RequestType, Requests } from '../../../lib/messaging/protocol';
import type { VerdictResult } from '../../../lib/verdict/types';

export type FakeHandlers = {
  [K in RequestType]?: (data: Requests[K]['req']) => Requests[K]['res'] | Promise<Requests[K]['res']>;
};

export interface FakeClient extends MessagingClient {
  calls: { type: RequestType; data: unknown }[];
}

export function fakeClient(handlers: FakeHandlers): FakeClient {
  const calls: FakeClient['calls'] = [];
  return {
    calls,
    async send(type, data) {
      calls.push({ type, data });
      const handler = handlers[type] as ((d: typeof data) => unknown) | undefined;
      if (!handler) throw new Error(`no handler for ${type}`);
      return (await handler(data)) as never;
    },
  };
}

export async function mount(children: ComponentChildren, language: Language = 'en'): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  await act(() => {
    render(<I18nProvider language={language}>{children}</I18nProvider>, container);
  });
  return container;
}

/** Lets pending promises and effects run. */
export async function settle(ms = 0): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
}

export function pageContext(result: VerdictResult, overrides: Partial<PageContext> = {}): PageContext {
  return {
    result,
    source: { id: 'afm', title: 'AFM list of blocked sites' },
    registryIssuedAt: '2026-11-20T06:00:00Z',
    allowBypass: true,
    blockMode: 'warn',
    dismissed: false,
    reportUrl: null,
    language: 'auto',
    ...overrides,
  };
}

export const RESULTS = {
  blocked: {
    verdict: 'blocked',
    host: 'coinbase.com',
    reason: { kind: 'registry', entry: { target: 'coinbase.com', status: 'blocked', source: 'afm' } },
  },
  warning: {
    verdict: 'warning',
    host: 'bybit.com',
    reason: {
      kind: 'registry',
      entry: {
        target: 'bybit.com',
        status: 'warning',
        name: 'Bybit (global platform)',
        alternative: 'bybit.kz',
        source: 'afsa',
      },
    },
  },
  lookalike: {
    verdict: 'lookalike',
    host: 'bybit-kz.com',
    reason: {
      kind: 'lookalike',
      technique: 'typo',
      brand: 'bybit',
      imitates: 'bybit.kz',
      entry: { target: 'bybit.kz', status: 'licensed', brand: 'bybit', source: 'afsa' },
    },
  },
  unregistered: {
    verdict: 'unregistered',
    host: 'example-exchange.kz',
    reason: { kind: 'unregistered', score: 7 },
  },
  licensed: {
    verdict: 'licensed',
    host: 'bybit.kz',
    reason: {
      kind: 'registry',
      entry: {
        target: 'bybit.kz',
        status: 'licensed',
        name: 'Bybit Limited (Bybit Kazakhstan)',
        licence: 'AFSA-A-LA-2024-0027',
        source: 'afsa',
        since: '2024-05-01',
      },
    },
  },
  unknown: { verdict: 'unknown', host: 'example.org', reason: { kind: 'none' } },
} satisfies Record<string, VerdictResult>;
