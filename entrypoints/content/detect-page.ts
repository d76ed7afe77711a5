/** Runs the unregistered-exchange detector once the page is idle, and reports a positive score. */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  collectPageSample,
  DEFAULT_SAMPLE_CHARS,
  scorePage,
  type PageScore,
} from '@/lib/detect/unregistered';

/** Waits for the idle time after `load`, so the page's own work comes first. */
const IDLE_TIMEOUT_MS = 3000;

export function scheduleDetection(
  ctx: ContentScriptContext,
  doc: Document,
  host: string,
  report: (score: PageScore) => Promise<void>,
): void {
  const run = () =>
    ctx.requestIdleCallback(
      () => {
        if (ctx.isInvalid) return;
        const score = scorePage(collectPageSample(doc, { maxChars: DEFAULT_SAMPLE_CHARS }), host);
        if (score.score > 0) report(score).catch(() => undefined);
      },
      { timeout: IDLE_TIMEOUT_MS },
    );
  if (doc.readyState === 'complete') run();
  else ctx.addEventListener(window, 'load', run, { once: true });
}
