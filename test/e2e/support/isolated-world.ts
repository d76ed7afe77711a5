/**
 * A compromised renderer, simulated: code run in the extension's isolated world of a web page
 * through the DevTools protocol, with the same runtime the page's own content code has.
 */
import type { CDPSession, Page } from '@playwright/test';

interface ContextDescription {
  id: number;
  origin: string;
  auxData?: { type?: string; frameId?: string };
}

/** The extension's isolated worlds in `page`'s frames now: with `Runtime.enable`, every existing context is reported. */
async function extensionWorlds(cdp: CDPSession, extensionId: string): Promise<ContextDescription[]> {
  const contexts: ContextDescription[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }: { context: ContextDescription }) => {
    contexts.push(context);
  });
  await cdp.send('Runtime.enable');
  return contexts.filter(
    (context) =>
      context.auxData?.type === 'isolated' && context.origin === `chrome-extension://${extensionId}`,
  );
}

/** How many isolated worlds of the extension `page`'s frames hold now. */
export async function extensionWorldCount(page: Page, extensionId: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return (await extensionWorlds(cdp, extensionId)).length;
  } finally {
    await cdp.detach();
  }
}

/** Sends `message` from the extension's isolated world of `page`; resolves with what came back. */
export async function sendFromIsolatedWorld(
  page: Page,
  extensionId: string,
  message: unknown,
): Promise<{ answered: unknown } | { refused: string }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const [world] = await extensionWorlds(cdp, extensionId);
    if (world === undefined) throw new Error('the page has no isolated world of the extension');
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
      expression: `chrome.runtime.sendMessage(${JSON.stringify(message)}).then(
        (answered) => ({ answered: answered ?? null }),
        (error) => ({ refused: String(error && error.message) }),
      )`,
    })) as { result: { value?: unknown }; exceptionDetails?: unknown };
    if (exceptionDetails !== undefined)
      throw new Error(`evaluation failed: ${JSON.stringify(exceptionDetails)}`);
    return result.value as { answered: unknown } | { refused: string };
  } finally {
    await cdp.detach();
  }
}
