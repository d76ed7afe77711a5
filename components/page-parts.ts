/**
 * The content code comes in three files, each injected by the background
 * (background/page-scripts.ts) only into the pages that need it:
 *
 * - `page-detector.js`, into every http(s) page once loaded: it starts the
 *   guard of the `<qorgan-banner>` name and registers the unregistered
 *   detector, which the background runs on pages the registry does not know.
 * - `page-banner.js`, the banner UI, and `page-watch.js`, the page script,
 *   into pages whose verdict needs a banner: the page script asks for the
 *   verdict, shows the banner, and re-checks when told to.
 *
 * All run in the extension's isolated world of the same document, which pages
 * cannot reach; each registers what it brings on that world's global object
 * (PAGE_PARTS_GLOBAL), where the others find it. There is one guard per page.
 */
import { PAGE_PARTS_GLOBAL, type PageContext } from '@/lib/messaging/protocol';
import type { PageScore } from '@/lib/detect/unregistered/types';
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

export interface DetectorPart {
  /** Scores the document; null when the score stays below the threshold the background acts on. */
  assess(doc: Document, host: string): PageScore | null;
  /** How many times `assess` ran in this page. */
  readonly runs: number;
}

export interface PageParts {
  guard?: BannerGuard;
  banner?: BannerPart;
  detector?: DetectorPart;
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
