/**
 * Runs the unregistered-exchange detector once the page is idle, and reports a score that
 * reaches the threshold: the background decides nothing from a lower one.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { assessPage, UNREGISTERED_THRESHOLD, type PageScore } from '@/lib/detect/unregistered';

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
        const score = assessPage(doc, host);
        if (score.score >= UNREGISTERED_THRESHOLD) report(score).catch(() => undefined);
      },
      { timeout: IDLE_TIMEOUT_MS },
    );
  if (doc.readyState === 'complete') run();
  else ctx.addEventListener(window, 'load', run, { once: true });
}
