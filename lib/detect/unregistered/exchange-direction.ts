/**
 * Exchange directions, the way exchangers title their pages: "Обмен Monero XMR на РСХБ RUB",
 * "Обмін USDT на Kaspi", "Exchange TRON TRX to Halyk Bank KZT", "Polkadot DOT → Wire GEL алмасу",
 * "USDT-ті теңгеге айырбастау", and `exchange-btc_to_kzt` in an address. A direction counts only
 * when one of its sides names a crypto-asset (a ticker of the core vocabulary or the generated
 * list, or a listed name).
 */
import { isListedAsset } from './listed-assets';
import { TICKER_STEMS } from './page-vocabulary';

const CORE = new Set([...TICKER_STEMS, 'USDT', 'BTC', 'ETH', 'TRX', 'TON', 'BITCOIN', 'TETHER', 'ETHEREUM']);
const WORD = /[A-Za-z0-9\u0400-\u04FF]+/gu;

function namesAsset(side: string): boolean {
  for (const word of side.match(WORD) ?? []) {
    const upper = word.toUpperCase();
    if (CORE.has(upper) || isListedAsset(word)) return true;
    if (/^(?:биткоин|биткойн|тезер|эфириум|крипто)/u.test(word.toLowerCase())) return true;
  }
  return false;
}

/** Up to five words on a side of a direction. */
const SIDE = String.raw`([A-Za-z0-9\u0400-\u04FF()][A-Za-z0-9\u0400-\u04FF()./\- ]{0,48}?)`;

const TITLE_DIRECTIONS: readonly RegExp[] = [
  new RegExp(String.raw`^\s*(?:обмен|обмін|обменять|обміняти)\s+${SIDE}\s+на\s+${SIDE}\s*$`, 'iu'),
  new RegExp(String.raw`^\s*(?:exchange|swap|convert)\s+${SIDE}\s+(?:to|for|into)\s+${SIDE}\s*$`, 'iu'),
  new RegExp(
    String.raw`^\s*${SIDE}\s*(?:→|->|⇄|⟶|⇆)\s*${SIDE}\s*(?:алмасу|айырбастау|exchange|swap|обмен)?\s*$`,
    'iu',
  ),
  new RegExp(
    String.raw`^\s*${SIDE}\s*[-‐]?(?:ті|ты|ді|ды|ні|ны)\s+${SIDE}\s*[-‐]?(?:ке|қа|ге|ға|не|на)\s+(?:айырбастау|алмасу)\s*$`,
    'iu',
  ),
];

/** A title or heading made of one direction, after its site name is cut off. */
export function isDirectionTitle(title: string): boolean {
  const head = title.split(/\s+[|—–]\s+|\s+-\s+/u)[0] ?? '';
  for (const pattern of TITLE_DIRECTIONS) {
    const m = pattern.exec(head);
    if (m !== null && (namesAsset(m[1] ?? '') || namesAsset(m[2] ?? ''))) return true;
  }
  return false;
}

const PATH_DIRECTION =
  /(?:^|[/_.-])(?:exchange[_-])?([a-z][a-z0-9]{1,24})[_-]to[_-]([a-z][a-z0-9]{1,24})(?=$|[/_.?-])/iu;

/** The address's path names a direction with a crypto-asset on one side (`exchange-xmr-to-rshbrub2`). */
export function pathNamesDirection(pathname: string): boolean {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    path = pathname;
  }
  const m = PATH_DIRECTION.exec(path.slice(0, 300));
  if (m === null) return false;
  return [m[1] ?? '', m[2] ?? ''].some((side) => {
    const upper = side.toUpperCase();
    for (let n = Math.min(upper.length, 10); n >= 3; n--) {
      if (CORE.has(upper.slice(0, n)) || isListedAsset(upper.slice(0, n))) return true;
    }
    return false;
  });
}
