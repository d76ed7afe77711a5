/**
 * Words only an exchange desk uses of its own business: many of an exchanger's form-less pages
 * (rules, partner programme, card verification) name no crypto-asset at all, yet speak of exchange
 * directions, reserves, electronic currencies, exchange orders, the operator on duty, AML checks
 * or the exchanger itself. A page that names no asset is judged only when it speaks so in two
 * families, and never when it speaks as an office that changes foreign cash. Patterns are
 * compiled for folded, lower-case text, on first use.
 */
import { LETTER, NUMBER } from './fold-text';
import { stemScanner, type StemScan } from './stem-scan';
import { hasWord } from './word-match';

/** A page with no asset's name must speak as a desk in this many families. */
export const DESK_FAMILIES = 2;

/**
 * The plain searches that each family's pattern needs one of, each a single word, so that a line
 * break between two words of the page cannot hide one.
 */
const DESK_STEMS: readonly (readonly string[])[] = [
  ['направлени', 'direction', 'бағыт'],
  ['резерв', 'reserve'],
  ['электронн', 'electronic', 'e-currenc', 'title', 'титульн'],
  ['referral', 'реферал', 'партн', 'affiliate'],
  ['верификаци', 'проверк', 'verification', 'verify'],
  ['обменник', 'exchanger', 'обменн', 'exchange'],
  ['bestchange'],
  ['заявк', 'exchange', 'обменн'],
  ['operator', 'оператор'],
  ['aml'],
  ['third part', 'третьих', 'третьим', 'үшінші'],
];

const DESK_PATTERNS: readonly string[] = [
  'направлени\\p{L}*\\s+обмен\\p{L}*|exchange\\s+directions?|directions?\\s+of\\s+exchange|(?:automatic|manual)\\s+directions?|direction\\s+you\\s+need|алмасу\\s+бағыт\\p{L}*',
  'резерв\\p{L}*|reserves?',
  'электронн\\p{L}*\\s+валют\\p{L}*|electronic\\s+currenc\\p{L}*|e-currenc\\p{L}*|title\\s+signs?|титульн\\p{L}*\\s+знак\\p{L}*',
  'referrals?|реферал\\p{L}*|партн[её]рск\\p{L}*\\s+программ\\p{L}*|affiliate\\s+program\\p{L}*',
  '(?:верификаци\\p{L}*|проверк\\p{L}*)\\s+(?:банковской\\s+)?карт\\p{L}*|card\\s+verification|verify\\s+(?:your\\s+)?(?:bank\\s+)?card',
  'обменник\\p{L}*|exchangers?|обменн\\p{L}*\\s+сервис\\p{L}*|exchange\\s+services?',
  'bestchange',
  'заявк\\p{L}*\\s+на\\s+обмен|exchange\\s+(?:requests?|applications?|orders?)|обменн\\p{L}*\\s+операци\\p{L}*|exchange\\s+operations?',
  // The operator's status and schedule: an exchange script's own widgets.
  'operators?\\s+(?:offline|online)|оператор\\p{L}*\\s+(?:онлайн|оффлайн|offline|online)|support\\s+(?:team\\s+)?operators?|оператор\\p{L}*\\s+(?:службы\\s+)?поддержки|(?:status|schedule)\\s+of\\s+the\\s+operators?',
  'aml[\\s-]+(?:checks?|провер\\p{L}*|verification|polic\\p{L}*|политик\\p{L}*|правил\\p{L}*)|политик\\p{L}*\\s+aml|aml\\s*/\\s*kyc|kyc\\s*/\\s*aml',
  // A desk pays out only to the person who paid it in.
  '(?:in\\s+favou?r\\s+of|to)\\s+third\\s+parties|в\\s+пользу\\s+третьих\\s+лиц|третьим\\s+лицам|үшінші\\s+тұлғалар\\p{L}*\\s+(?:пайдасына|аудар\\p{L}*)',
];

/** An office that changes foreign cash: its rules and FAQ speak like a desk's. */
const FIAT_OFFICE =
  'иностранн\\p{L}*\\s+валют\\p{L}*|foreign\\s+currenc\\p{L}*|шетел\\p{L}*\\s+валют\\p{L}*|банкнот\\p{L}*|banknotes?|уполномоченн\\p{L}*\\s+банк\\p{L}*|пункт\\p{L}*\\s+обмена\\s+валют\\p{L}*';

let built: { families: RegExp[]; fiat: RegExp; stems: StemScan } | null = null;

function compiled(): { families: RegExp[]; fiat: RegExp; stems: StemScan } {
  const words = (source: string): RegExp =>
    new RegExp(`(?:${source.replaceAll('\\p{L}', `[${LETTER}]`)})(?![${LETTER}${NUMBER}])`, 'gu');
  return (built ??= {
    families: DESK_PATTERNS.map(words),
    fiat: words(FIAT_OFFICE),
    stems: stemScanner(DESK_STEMS.flat()),
  });
}

/**
 * How many families of a desk's words lower-case text holds: one pass for every family's stems
 * first, its pattern only where one is there, and none at all below two such families.
 */
export function deskFamilies(lower: string): number {
  const { families, stems: scan } = compiled();
  const found = scan(lower);
  const present = DESK_STEMS.map((stems) => stems.some((stem) => found.has(stem)));
  if (present.filter(Boolean).length < DESK_FAMILIES) return 0;
  return families.filter((pattern, i) => present[i] === true && hasWord(pattern, lower)).length;
}

/** Whether folded, lower-case text speaks as an exchange desk and not as a cash office. */
export function speaksAsDesk(lower: string): boolean {
  return deskFamilies(lower) >= DESK_FAMILIES && !hasWord(compiled().fiat, lower);
}
