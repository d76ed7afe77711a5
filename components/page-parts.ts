/**
 * The content code of a page that needs a banner comes in two files, injected
 * by the background (background/page-scripts.ts): `page-banner.js`, the banner
 * UI, and `page-watch.js`, the page script, which asks for the verdict, shows
 * the banner, and re-checks when told to.
 *
 * Both run in the extension's isolated world of the document, which pages
 * cannot reach; the banner part registers on that world's global object
 * (PAGE_PARTS_GLOBAL), where the page script finds it. There is one guard per
 * page. (Pages without a banner get only `page-sweep.js` and `page-sample.js`,
 * in their main world: see components/banner/banner-sweep.ts.)
 */
import { PAGE_PARTS_GLOBAL, type PageContext } from '../lib/messaging/protocol';
import { BannerGuard } from './banner/banner-guard';
import { HOST_STYLE } from './banner/banner-styles';

export interface BannerRequest {
  context: PageContext;
  /** The page's address when the verdict was asked. */
  url: string;
  guard: BannerGuard;
  onGoBack(): void;
  onDetails(): void;
  onDismiss(): void;
}

export interface BannerPart {
  /** Renders the banner for `request` and has the guard show it; resolves when it is in place. */
  show(request: BannerRequest): Promise<void>;
}

export interface PageParts {
  guard?: BannerGuard;
  banner?: BannerPart;
}

/** The parts registered in this isolated world so far. */
export function pageParts(scope: object = globalThis): PageParts {
  const holder = scope as Record<string, PageParts | undefined>;
  return (holder[PAGE_PARTS_GLOBAL] ??= {});
}

/** The one guard of the page's `<qorgan-banner>` name, shared by the page script and the parts; started. */
export function pageGuard(doc: Document = document, scope: object = globalThis): BannerGuard {
  const parts = pageParts(scope);
  if (parts.guard === undefined) {
    parts.guard = new BannerGuard({ doc, hostStyle: HOST_STYLE });
    parts.guard.start();
  }
  return parts.guard;
}
