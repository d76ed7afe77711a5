import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { documentAddress } from '../../../background/judge-page';

describe('the address a document is judged by', () => {
  let executeScript: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    fakeBrowser.reset();
    executeScript = vi.fn(async () => [{ frameId: 0, result: 'https://bybit.com' }]);
    Object.assign(fakeBrowser, { scripting: { executeScript } });
  });

  it('is the address itself for a web page, asked of no one', async () => {
    expect(await documentAddress({ tabId: 1, frameId: 0, documentId: 'web' }, 'https://bybit.com/a')).toBe(
      'https://bybit.com/a',
    );
    expect(executeScript).not.toHaveBeenCalled();
  });

  it("asks an about:blank document its origin once, however often the document's moments come", async () => {
    const frame = { tabId: 1, frameId: 0, documentId: 'blank-1' };
    const answers = await Promise.all([
      documentAddress(frame, 'about:blank'),
      documentAddress(frame, 'about:blank'),
    ]);
    answers.push(await documentAddress(frame, 'about:blank'));
    expect(answers).toEqual(['https://bybit.com/', 'https://bybit.com/', 'https://bybit.com/']);
    expect(executeScript).toHaveBeenCalledTimes(1);
    // Another document is asked anew.
    await documentAddress({ tabId: 1, frameId: 0, documentId: 'blank-2' }, 'about:blank');
    expect(executeScript).toHaveBeenCalledTimes(2);
  });

  it('judges a document that cannot be asked (or answers nothing) by nothing', async () => {
    executeScript.mockRejectedValueOnce(new Error('no access'));
    expect(await documentAddress({ tabId: 2, frameId: 0, documentId: 'closed' }, 'about:blank')).toBeNull();
    executeScript.mockResolvedValueOnce([{ frameId: 0, result: 42 }]);
    expect(await documentAddress({ tabId: 2, frameId: 0, documentId: 'odd' }, 'about:blank')).toBeNull();
  });
});
