// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BlockedPage } from '../../../components/blocked/BlockedPage';
import { fakeClient, mount, pageContext, RESULTS, settle } from './harness';

afterEach(() => {
  document.body.innerHTML = '';
});

const buttons = (root: HTMLElement) => Array.from(root.querySelectorAll('button')).map((b) => b.textContent);

describe('BlockedPage', () => {
  it('shows the facts, Go back and Proceed; Proceed dismisses the host and then navigates', async () => {
    const client = fakeClient({
      'page/context': () => pageContext(RESULTS.unknown),
      lookup: ({ query }) => ({ query, result: RESULTS.blocked }),
      'dismiss/add': () => ({ ok: true }),
    });
    const navigate = vi.fn();
    const onGoBack = vi.fn();
    const root = await mount(
      <BlockedPage
        client={client}
        url="https://coinbase.com/signup"
        onGoBack={onGoBack}
        navigate={navigate}
      />,
    );
    await settle();
    expect(root.textContent).toContain('Blocked by the Agency for Financial Monitoring');
    expect(root.textContent).toContain('https://coinbase.com/signup');
    expect(buttons(root)).toEqual(['Go back', 'Proceed to the site']);
    await act(() => root.querySelectorAll('button')[1]?.click());
    await settle();
    expect(client.calls.map((c) => c.type)).toEqual([
      'page/context',
      'lookup',
      'registry/status',
      'dismiss/add',
    ]);
    expect(client.calls[3]?.data).toEqual({ host: 'coinbase.com' });
    expect(navigate).toHaveBeenCalledWith('https://coinbase.com/signup');
    await act(() => root.querySelectorAll('button')[0]?.click());
    expect(onGoBack).toHaveBeenCalledOnce();
  });

  it('has no Proceed when the organisation does not allow bypass', async () => {
    const client = fakeClient({
      'page/context': () => pageContext(RESULTS.blocked, { allowBypass: false }),
      lookup: ({ query }) => ({ query, result: RESULTS.blocked }),
    });
    const root = await mount(
      <BlockedPage client={client} url="https://coinbase.com/" onGoBack={vi.fn()} navigate={vi.fn()} />,
    );
    await settle();
    expect(buttons(root)).toEqual(['Go back']);
    expect(root.textContent).toContain('Your organisation does not allow opening this site.');
  });

  it('never navigates to an address that is not a web address', async () => {
    const client = fakeClient({ 'page/context': () => pageContext(RESULTS.blocked) });
    const root = await mount(
      <BlockedPage client={client} url="javascript:alert(1)" onGoBack={vi.fn()} navigate={vi.fn()} />,
    );
    await settle();
    expect(client.calls).toEqual([]);
    expect(buttons(root)).toEqual(['Go back']);
    expect(root.textContent).toContain('No address was given.');
  });

  it('in its warning variant says the site hid its warning, and Continue lets it through for this session only', async () => {
    const client = fakeClient({
      'page/context': () => pageContext(RESULTS.warning),
      lookup: ({ query }) => ({ query, result: RESULTS.warning }),
      'dismiss/session': () => ({ ok: true }),
    });
    const navigate = vi.fn();
    const root = await mount(
      <BlockedPage
        client={client}
        url="https://bybit.com/"
        tampered
        onGoBack={vi.fn()}
        navigate={navigate}
      />,
    );
    await settle();
    expect(root.querySelector('h1')?.textContent).toBe("This site tried to hide Qorgan's warning");
    expect(buttons(root)).toEqual(['Go back', 'Continue to the site']);
    expect(root.textContent).toContain('until you close the browser');
    await act(() => root.querySelectorAll('button')[1]?.click());
    await settle();
    expect(client.calls.at(-1)).toEqual({ type: 'dismiss/session', data: { host: 'bybit.com' } });
    expect(navigate).toHaveBeenCalledWith('https://bybit.com/');
  });

  it('for a document that cannot show the banner, says so rather than that the site fought it', async () => {
    const client = fakeClient({
      'page/context': () => pageContext(RESULTS.warning),
      lookup: ({ query }) => ({ query, result: RESULTS.warning }),
    });
    const root = await mount(
      <BlockedPage
        client={client}
        url="https://bybit.com/chart.svg"
        tampered
        unpaintable
        onGoBack={vi.fn()}
        navigate={vi.fn()}
      />,
    );
    await settle();
    expect(root.querySelector('h1')?.textContent).toBe('Qorgan could not show its warning on this page');
    expect(root.querySelector('[data-testid="tampered-explain"]')?.textContent).toContain(
      'an image or another document that is not a web page',
    );
    expect(root.textContent).not.toContain('tried to hide');
    expect(buttons(root)).toEqual(['Go back', 'Continue to the site']);
  });

  it('shows the origin plainly and the path muted, cut to 60 characters', async () => {
    const client = fakeClient({
      'page/context': () => pageContext(RESULTS.blocked),
      lookup: ({ query }) => ({ query, result: RESULTS.blocked }),
    });
    const path = `/${'LICENSED-'.repeat(10)}Press-Proceed`;
    const root = await mount(
      <BlockedPage
        client={client}
        url={`https://coinbase.com${path}`}
        onGoBack={vi.fn()}
        navigate={vi.fn()}
      />,
    );
    await settle();
    expect(root.querySelector('.address .origin')?.textContent).toBe('https://coinbase.com');
    const shown = root.querySelector('.address .path.muted')?.textContent ?? '';
    expect(Array.from(shown)).toHaveLength(60);
    expect(shown.endsWith('…')).toBe(true);
    expect(root.textContent).not.toContain('Press-Proceed');
  });
});
