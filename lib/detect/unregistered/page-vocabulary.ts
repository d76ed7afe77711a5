/**
 * Words and patterns, in Kazakh, Russian and English, that the page scorer looks for. They are
 * written in lower case and matched against lower-cased text (case-insensitive Unicode matching
 * is slow), except tickers, which only count in upper case. JavaScript's `\b` knows only ASCII:
 * a pattern ends with a look-ahead for a letter or number, and `word-match.ts` checks where it
 * starts. Patterns are written with `\p{L}` and compiled for folded text (see fold-text.ts), on
 * the detector's first run rather than when the content script loads.
 */
import { LETTER, NUMBER } from './fold-text';

export interface NamedPattern {
  name: string;
  pattern: RegExp;
}

export interface PageVocabulary {
  TICKER: RegExp;
  CRYPTO_WORD: RegExp;
  LOCAL_PAYMENT: RegExp;
  RATE_QUOTE: RegExp;
  OFFER_PHRASES: readonly NamedPattern[];
  EXCHANGE_SUBJECT: RegExp;
  DEAL_BUTTON: RegExp;
  WALLET_FIELD: RegExp;
  NOT_WALLET_FIELD: RegExp;
  AMOUNT_FIELD: RegExp;
  ENCYCLOPEDIA: RegExp;
  REGULATOR: RegExp;
  NEWS_BYLINE: RegExp;
  WALLET_APP: RegExp;
  EXPLORER: RegExp;
  PRICE_TRACKER: RegExp;
  FIAT_ROW: RegExp;
  DEAL_ROW_WORD: RegExp;
  EXCHANGE_HOST_WORD: RegExp;
}

/**
 * Every match of TICKER holds one of these (in upper case), and every match of CRYPTO_WORD one
 * of those (in lower case): a page with none of them names no crypto-asset the scorer knows.
 */
export const TICKER_STEMS: readonly string[] = [
  'BTC',
  'USDT',
  'USDC',
  'ETH',
  'TRX',
  'TON',
  'BNB',
  'SOL',
  'LTC',
  'XRP',
  'DOGE',
  'DAI',
  'XMR',
  'BCH',
  'DASH',
  'SHIB',
  'TRC',
  'ERC',
  'BEP',
];
export const CRYPTO_STEMS: readonly string[] = [
  'bitcoin',
  'биткоин',
  'биткойн',
  'tether',
  'тезер',
  'ethereum',
  'эфириум',
  'крипт',
  'crypto',
  'kripto',
  'stablecoin',
  'стейблкоин',
  'usdt',
  'btc',
];

let built: PageVocabulary | null = null;

export function pageVocabulary(): PageVocabulary {
  return (built ??= buildVocabulary());
}

function buildVocabulary(): PageVocabulary {
  const letter = `[${LETTER}]`;
  const end = `(?![${LETTER}${NUMBER}])`;

  /** A word-bounded, global pattern for lower-case folded text (use it through word-match). */
  function words(source: string): RegExp {
    return new RegExp(`(?:${source.replaceAll('\\p{L}', letter)})${end}`, 'gu');
  }

  /** Tickers are matched in upper case only: `ton`, `sol` and `eth` are words in other languages. */
  const TICKER = words(
    'BTC|USDT|USDC|ETH|TRX|TON|BNB|SOL|LTC|XRP|DOGE|DAI|XMR|BCH|DASH|SHIB|TRC-?20|ERC-?20|BEP-?20',
  );

  const CRYPTO_WORD = words(
    'bitcoin\\p{L}*|биткоин\\p{L}*|биткойн\\p{L}*|tether|тезер|ethereum|эфириум\\p{L}*|крипт\\p{L}*|crypto\\p{L}*|kripto\\p{L}*|stablecoin\\p{L}*|стейблкоин\\p{L}*|usdt|btc',
  );

  /** Local money and payment rails that an exchanger pays out through. */
  const LOCAL_PAYMENT = words(
    'kzt|тенге|теңге|tenge|kaspi\\p{L}*|каспи\\p{L}*|halyk|халык\\p{L}*|jusan|forte|карт(?:а|у|ой|ы|е|аға|аны|асына)|cards?|visa|mastercard|наличн\\p{L}*|cash|қолма-қол|rub|руб\\p{L}*|₸|₽',
  );

  /**
   * A rate quoted between a crypto-asset and local money: `1 USDT = 512 ₸`, `USDT → KZT`, `BTC/KZT`.
   * Case-insensitive, so matched on text as written, not folded (it has no `\p{L}`).
   */
  const RATE_QUOTE = new RegExp(
    [
      `1\\s*(?:USDT|BTC|ETH|TON|TRX|USDC|LTC)\\s*[=≈:]\\s*[\\d\\s.,]+\\s*(?:₸|KZT|тенге|теңге|tenge|руб|RUB|₽)`,
      `(?:USDT|BTC|ETH|TON|TRX|USDC|LTC)(?:\\s*\\(?(?:TRC-?20|ERC-?20|BEP-?20)\\)?)?\\s*(?:→|->|⇄|↔|⟶|/|⇆)\\s*(?:KZT|₸|RUB|Kaspi|Каспи|Halyk|наличн|тенге|теңге|cash|card)`,
      `(?:KZT|₸|Kaspi|Каспи|Halyk|тенге|теңге|cash|card)\\s*(?:→|->|⇄|↔|⟶|/|⇆)\\s*(?:USDT|BTC|ETH|TON|TRX|USDC|LTC)`,
    ].join('|'),
    'giu',
  );

  /** Phrases that offer a deal, each family counted once. */
  const OFFER_PHRASES: readonly NamedPattern[] = [
    {
      name: 'buy-sell-crypto',
      pattern: words(
        [
          '(?:buy|sell|exchange|swap)(?:\\s+(?:and|or)\\s+(?:buy|sell|exchange|swap))?\\s+(?:(?:your|our|the|mined|any)\\s+){0,2}(?:usdt|btc|bitcoin|eth|ethereum|crypto(?:currenc(?:y|ies))?|tether|ton|trx|digital\\s+assets?)',
          '(?:купить|продать|обменять|купим|продадим|покупаем|прода[её]м|обмен)\\s+(?:usdt|btc|биткоин\\p{L}*|биткойн\\p{L}*|крипт\\p{L}*|тезер|эфир\\p{L}*|ton|trx)',
          '(?:usdt|btc|биткоин\\p{L}*|крипто\\p{L}*|криптовалюта\\p{L}*)\\s+(?:сатып алу|сату|айырбастау|сатып аламыз|сатамыз)',
          '(?:сатып алу|сату|айырбастау|сатып алыңыз|айырбастаңыз)\\s+(?:usdt|btc|крипто\\p{L}*|криптовалют\\p{L}*)',
        ].join('|'),
      ),
    },
    {
      name: 'crypto-for-money',
      pattern: words(
        '(?:bitcoin|btc|usdt|tether|crypto(?:currenc(?:y|ies))?|криптовалют\\p{L}*|биткоин\\p{L}*|крипт\\p{L}*)\\s+(?:(?:or|и|или|немесе)\\s+(?:other\\s+|другую\\s+|другие\\s+)?\\p{L}+\\s+)?(?:for|на|into)\\s+(?:money|fiat|cash|наличн\\p{L}*|фиат\\p{L}*|рубл\\p{L}*|тенге|теңге|деньги)',
      ),
    },
    {
      name: 'you-give-get',
      pattern: words(
        'you\\s+(?:send|give|pay|get|receive)|отда[её]те|получаете|к получению|бересіз|аласыз|төлейсіз|аласыз',
      ),
    },
    {
      name: 'rate-offer',
      pattern: words(
        'best\\s+rates?|fixed\\s+rate|floating\\s+rate|курс\\s+обмена|(?:выгодн|лучш|фиксированн)\\p{L}*\\s+курс\\p{L}*|айырбастау\\s+бағам\\p{L}*|тиімді\\s+бағам\\p{L}*|ең\\s+жақсы\\s+бағам\\p{L}*',
      ),
    },
    {
      name: 'reserve',
      pattern: words('(?:reserves?|резерв\\p{L}*)\\s*:?\\s*[\\d][\\d\\s.,]*'),
    },
    {
      name: 'min-amount',
      pattern: words(
        'min(?:imum)?\\.?\\s+(?:amount|exchange|order|deal)|мин(?:имальн\\p{L}*)?\\.?\\s+(?:сумм\\p{L}*|обмен\\p{L}*|сделк\\p{L}*)|(?:ең\\s+аз|минималды)\\s+сома\\p{L}*',
      ),
    },
    {
      name: 'order',
      pattern: words(
        [
          '(?:create|place|submit)\\s+(?:an?\\s+)?(?:order|request|application)',
          'order\\s+(?:status|number)',
          '(?:request|get)\\s+a\\s+quote',
          '(?:оставить|оставьте|создать|создайте|подать|подайте|отправить|отправьте)\\s+заявк\\p{L}*',
          'заявк\\p{L}*\\s+на\\s+обмен',
          'өтінім\\p{L}*\\s+(?:беру|беріңіз|қалдыр\\p{L}*|жібер\\p{L}*|жасау|жасаңыз)',
        ].join('|'),
      ),
    },
    {
      name: 'instant',
      pattern: words(
        'instant\\s+(?:exchange|swap)|exchange\\s+now|swap\\s+now|(?:моментальн|мгновенн|быстр)\\p{L}*\\s+обмен\\p{L}*|жылдам\\s+айырбастау|лезде\\s+айырбастау',
      ),
    },
    {
      name: 'no-kyc',
      pattern: words(
        'no\\s+kyc|without\\s+(?:kyc|verification)|без\\s+(?:kyc|верификац\\p{L}*)|тіркеусіз|верификациясыз',
      ),
    },
    {
      name: 'payout',
      pattern: words(
        '(?:payout|withdraw\\p{L}*|cash\\s+out)\\s+to\\s+(?:your\\s+)?(?:card|kaspi|bank)|(?:выплата|вывод|перевод)\\s+на\\s+(?:карт\\p{L}*|kaspi|каспи)|наличными\\s+в\\s+(?:алмат\\p{L}*|астан\\p{L}*|шымкент\\p{L}*)|картаға\\s+(?:аудару|түседі|төлем)',
      ),
    },
    {
      name: 'p2p-otc',
      pattern: words(
        'p2p[\\s-]+(?:desk|offers?|market|объявлени\\p{L}*|сделк\\p{L}*|обмен\\p{L}*|айырбастау)|otc[\\s-]+(?:desk|deals?|сделк\\p{L}*|обмен\\p{L}*|service|сервис\\p{L}*)|escrow|гарант\\p{L}*\\s+сделк\\p{L}*',
      ),
    },
    {
      name: 'contact-operator',
      pattern: words(
        '(?:напишите|пишите|write\\s+to|message)\\s+(?:нам|менеджеру|оператору|us|our\\s+(?:manager|operator))|@[a-z0-9_]+_bot|telegram[\\s-]+bot|телеграм[\\s-]+бот\\p{L}*|менеджерге\\s+жазыңыз',
      ),
    },
  ];

  /** What the page is about, read in its title, description and main headings. */
  const EXCHANGE_SUBJECT = words(
    [
      '(?:crypto(?:currency)?|usdt|btc|bitcoin|tether)\\s+(?:exchange|exchanger|swap|p2p|otc)',
      '(?:exchange|swap|buy|sell)\\s+(?:(?:your|our|the|mined|any)\\s+){0,2}(?:usdt|btc|bitcoin|crypto\\p{L}*|tether|eth|ton|trx)',
      'криптообменник\\p{L}*|обменник\\p{L}*\\s+(?:криптовалют|usdt|btc|крипт)\\p{L}*',
      '(?:обмен|купить|продать|покупка|продажа|выкуп)\\s+(?:usdt|btc|eth|ton|trx|биткоин\\p{L}*|криптовалют\\p{L}*|крипт\\p{L}*|tether|тезер)',
      '(?:usdt|btc|крипто\\p{L}*|криптовалюта\\p{L}*)\\s+(?:айырбастау\\p{L}*|сатып алу|сату)',
      'p2p|otc',
    ].join('|'),
  );

  /** The words of a button that starts a deal. */
  const DEAL_BUTTON = words(
    'exchange|swap|buy|sell|continue|create\\s+order|start|обменять|купить|продать|далее|продолжить|оформить|создать\\s+заявку|отправить\\s+заявку|айырбастау|сатып\\s+алу|сату|жалғастыру|өтінім\\p{L}*|жіберу',
  );

  /** Form controls. */
  const WALLET_FIELD = words(
    'wallet|address|адрес\\p{L}*|кошел\\p{L}*|әмиян\\p{L}*|мекенжай\\p{L}*|trc-?20|erc-?20|bep-?20',
  );
  /** Fields whose hint names an address that is not a wallet's, or a search. */
  const NOT_WALLET_FIELD = words(
    'search|поиск|іздеу|txn|tx|hash|block|блок\\p{L}*|email|e-mail|почт\\p{L}*|card|карт\\p{L}*|phone|телефон\\p{L}*|delivery|доставк\\p{L}*|жеткізу',
  );
  const AMOUNT_FIELD = words(
    'amount|sum|give|send|get|receive|from|to|сумм\\p{L}*|отда\\p{L}*|получ\\p{L}*|сома\\p{L}*|беремін|аламын|бересіз|аласыз',
  );

  /** Hard-negative evidence. */
  const ENCYCLOPEDIA = words(
    'wikipedia|википедия|уикипедия|encyclopedia|энциклопеди\\p{L}*|примечания|references|дереккөздер|см\\.\\s+также|see\\s+also|сондай-ақ\\s+қараңыз',
  );
  const REGULATOR = words(
    'afsa|aifc|мфца|афм|агентств\\p{L}*\\s+(?:по|республики)\\s+\\p{L}*\\s*финансов\\p{L}*|регулятор\\p{L}*|regulator\\p{L}*|предупрежда\\p{L}*|warning|ескерт\\p{L}*|незаконн\\p{L}*|заңсыз\\p{L}*|нелегальн\\p{L}*|illegal\\p{L}*|unlicensed|без\\s+лицензии|лицензиясыз|мошенни\\p{L}*|алаяқ\\p{L}*|пирамид\\p{L}*|уголовн\\p{L}*|қылмыстық|заблокирова\\p{L}*|бұғатта\\p{L}*',
  );
  const NEWS_BYLINE = words(
    'author|published|updated|reporter|posted\\s+(?:on|by)|comments|комментари\\p{L}*|пікірлер|автор|опубликовано|обновлено|корреспондент|жарияланды|жарияланған|тілші|читать\\s+также|read\\s+more|оқи\\s+отырыңыз|поделиться|share\\s+this',
  );
  const WALLET_APP = words(
    'download|скачать|жүктеу|жүктеп\\s+алу|app\\s+store|google\\s+play|extension|расширени\\p{L}*|seed\\s+phrase|recovery\\s+phrase|сид-фраз\\p{L}*|секретн\\p{L}*\\s+фраз\\p{L}*|non-custodial|self-custod\\p{L}*|некастодиальн\\p{L}*|private\\s+keys?|приватн\\p{L}*\\s+ключ\\p{L}*|your\\s+keys',
  );
  const EXPLORER = words(
    'block\\s+explorer|explorer|обозреватель\\s+блоков|transaction\\s+hash|txn?\\s+hash|txid|block\\s+height|высота\\s+блока|блок\\s+биіктігі|confirmations|подтверждени\\p{L}*|gas\\s+used|nonce|balance|баланс',
  );
  const PRICE_TRACKER = words(
    'market\\s+cap|рыночн\\p{L}*\\s+капитализаци\\p{L}*|капитализаци\\p{L}*|24h\\s+volume|объ[её]м\\s+за\\s+24|circulating\\s+supply|all-time\\s+high|нарықтық\\s+капитализация',
  );
  const FIAT_ROW = words('USD|EUR|RUB|GBP|CNY|KGS|UZS|TRY|AED|CHF');

  /** Words of a table row that make it a dealing row rather than a price list. */
  const DEAL_ROW_WORD = words(
    'buy|sell|reserve|rate|limit|покупка|продажа|купить|продать|резерв\\p{L}*|курс|лимит\\p{L}*|сатып\\s+алу|сату|бағам\\p{L}*',
  );

  /** Words in a host that name an exchange business. */
  const EXCHANGE_HOST_WORD =
    /obmen|obmin|exchang|xchange|change|swap|p2p|otc|crypto|kripto|krypto|btc|usdt|tether|coin|bitok|cashout/u;

  return {
    TICKER,
    CRYPTO_WORD,
    LOCAL_PAYMENT,
    RATE_QUOTE,
    OFFER_PHRASES,
    EXCHANGE_SUBJECT,
    DEAL_BUTTON,
    WALLET_FIELD,
    NOT_WALLET_FIELD,
    AMOUNT_FIELD,
    ENCYCLOPEDIA,
    REGULATOR,
    NEWS_BYLINE,
    WALLET_APP,
    EXPLORER,
    PRICE_TRACKER,
    FIAT_ROW,
    DEAL_ROW_WORD,
    EXCHANGE_HOST_WORD,
  };
}
