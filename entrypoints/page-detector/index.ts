/**
 * Injected by the background into every http(s) page once it has loaded (see
 * background/page-scripts.ts): starts the page's guard against forged
 * `<qorgan-banner>` elements and registers the unregistered-exchange
 * detector, which the background runs where the registry knows nothing of the
 * page. Running it again in the same page changes nothing.
 */
import { pageGuard, pageParts } from '@/components/page-parts';
import { assessPage, UNREGISTERED_THRESHOLD } from '@/lib/detect/unregistered';

export default defineUnlistedScript(() => {
  pageGuard();
  let runs = 0;
  pageParts().detector ??= {
    assess(doc, host) {
      runs++;
      const score = assessPage(doc, host);
      // The background decides nothing from a score below the threshold: it is not sent.
      return score.score >= UNREGISTERED_THRESHOLD ? score : null;
    },
    get runs() {
      return runs;
    },
  };
});
