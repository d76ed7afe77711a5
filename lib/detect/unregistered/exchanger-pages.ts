/**
 * What an exchanger's pages say even where they carry no form — rules, FAQ, terms, AML policy,
 * "how it works", order status help — and two kinds of page that talk about crypto deals without
 * being a desk: a classified ad among others, and a guide on how to buy. Patterns are written with
 * `\p{L}` and compiled for folded, lower-case text (see fold-text.ts), on first use.
 */
import { LETTER, NUMBER } from './fold-text';

export interface ExchangerPageVocabulary {
  /**
   * Families of an exchange desk's own operations; distinct families are counted. A family's
   * pattern runs only on text that holds one of its stems (a plain search), which keeps the scan
   * cheap on the many pages that hold none.
   */
  OPERATIONS: readonly { stems: readonly string[]; pattern: RegExp }[];
  /** The furniture of a classifieds site around one user's ad. */
  CLASSIFIEDS: RegExp;
  /** Titles of a service's own documents: terms, rules, policies, FAQ, help, "how it works". */
  DOCUMENT_TITLE: RegExp;
  /** Titles of guides and explainers. */
  GUIDE_TITLE: RegExp;
  /** Advice on choosing an exchanger or a platform: a guide's, not a desk's. */
  CHOICE_ADVICE: RegExp;
  /** The furniture of a help-desk article (help centre, "was this article helpful"). */
  HELP_DESK: RegExp;
  /** A wallet or an app as the product a help article is about. */
  WALLET_OR_APP: RegExp;
}

let built: ExchangerPageVocabulary | null = null;

export function exchangerPageVocabulary(): ExchangerPageVocabulary {
  return (built ??= build());
}

function build(): ExchangerPageVocabulary {
  const letter = `[${LETTER}]`;
  const end = `(?![${LETTER}${NUMBER}])`;
  const words = (source: string, flags = 'gu'): RegExp =>
    new RegExp(`(?:${source.replaceAll('\\p{L}', letter)})${end}`, flags);
  return {
    OPERATIONS: [
      {
        stems: ['заявк', 'өтінім', 'exchange', 'status', 'application', 'create', 'request', 'order id'],
        pattern: words(
          [
            'заявк\\p{L}*|өтінім\\p{L}*|exchange\\s+(?:order|application|request)s?|(?:order|application|bid)\\s+status|applications?\\s+for\\s+exchange|create\\s+(?:an\\s+)?(?:order|application)',
            // Where a customer follows an order: its status, its number.
            'status\\s+of\\s+(?:the\\s+|your\\s+|an\\s+)?(?:applications?|orders?|requests?)|(?:request|application)\\s+(?:number|id)|order\\s+id|номер\\p{L}*\\s+заяв\\p{L}*',
            // The exchange script's own English: an "application" is a customer's order.
            "application(?:'s)?\\s+details|(?:completed|processed|paid|successful)\\s+applications?|submits?\\s+an\\s+application|applications?\\s+(?:is|are|may|must|will)\\s+(?:not\\s+)?(?:be\\s+)?(?:fixed|processed|paid|completed|created|cancell?ed|deleted)|your\\s+application\\s+appears|orders?\\s+(?:is|are)\\s+created",
          ].join('|'),
        ),
      },
      {
        stems: ['направлени', 'direction', 'алмасу'],
        pattern: words(
          'направлени\\p{L}*\\s+обмен\\p{L}*|направлени\\p{L}*\\s+(?:работает|обрабатывается)|exchange\\s+directions?|directions?\\s+of\\s+(?:exchange|transfer)|(?:automatic|manual)\\s+directions?|алмасу\\s+бағыт\\p{L}*',
        ),
      },
      { stems: ['резерв', 'reserve'], pattern: words('резерв\\p{L}*|reserves?') },
      {
        stems: ['подтвержд', 'confirmation', 'растау'],
        pattern: words(
          '(?:\\d+\\s+)?подтвержд\\p{L}*|(?:\\d+\\s+)?(?:network\\s+|block\\s+)?confirmations?|растау\\p{L}*',
        ),
      },
      {
        stems: ['реквизит', 'requisites', 'деректемел', 'payment details', 'payout details'],
        pattern: words('реквизит\\p{L}*|requisites|деректемел\\p{L}*|(?:payment|payout)\\s+details'),
      },
      {
        stems: ['курс', 'rate', 'бағам'],
        pattern: words(
          'курс\\p{L}*\\s+(?:\\p{L}+\\s+)?(?:фиксир\\p{L}*|закрепл\\p{L}*|держится|пересчит\\p{L}*)|rate\\s+(?:is\\s+)?(?:fixed|locked|recalculated)|(?:fixed|floating|dynamic)\\s+rate|fixed\\s+at\\s+the\\s+(?:current\\s+)?rate|бағам\\s+(?:\\p{L}+\\s+)*?бекіт\\p{L}*',
        ),
      },
      {
        stems: ['обменн', 'обмінн', 'exchange', 'обменник', 'айырбастау'],
        pattern: words(
          'обменн\\p{L}*\\s+(?:сервис\\p{L}*|пункт\\p{L}*)|обмінн\\p{L}*\\s+пункт\\p{L}*|exchange\\s+(?:service\\p{L}*|offices?)|exchangers?|обменник\\p{L}*|айырбастау\\s+қызмет\\p{L}*',
        ),
      },
      {
        stems: ['aml', 'kyc', 'верификаци', 'verification', 'сәйкестендір'],
        pattern: words('aml|kyc|верификаци\\p{L}*|verification|сәйкестендір\\p{L}*'),
      },
      { stems: ['возврат', 'refund', 'қайтар'], pattern: words('возврат\\p{L}*|refunds?|қайтар\\p{L}*') },
      { stems: ['оператор', 'operator'], pattern: words('оператор\\p{L}*|operators?') },
      {
        // A desk's orders run automatically or wait for its operator.
        stems: ['automatic', 'manual', 'автоматическ', 'ручн', 'полуавтомат'],
        pattern: words(
          '(?:automatic|manual|semi-automatic)\\s+(?:processing|mode|exchange\\s+directions?)|processed\\s+(?:automatically|manually)|(?:автоматическ|ручн|полуавтоматическ)\\p{L}*\\s+режим\\p{L}*',
        ),
      },
      {
        // A desk pays only the person who paid it.
        stems: ['third part', 'третьих', 'третьим', 'үшінші'],
        pattern: words(
          '(?:in\\s+favou?r\\s+of|to)\\s+third\\s+parties|third[\\s-]+party\\s+(?:transfers?|payments?)|в\\s+пользу\\s+третьих\\s+лиц|третьим\\s+лицам|үшінші\\s+тұлғалар\\p{L}*',
        ),
      },
      {
        // What an AML policy is for: a desk's policy names it, as a bank's does.
        stems: ['laundering', 'отмыван', 'легализац', 'terroris', 'терроризм', 'жылыстат'],
        pattern: words(
          'money\\s+laundering|launder\\p{L}*\\s+money|отмыван\\p{L}*|легализаци\\p{L}*|(?:terrorist|terrorism)\\s+financing|financing\\s+(?:of\\s+)?terrorism|финансировани\\p{L}*\\s+терроризм\\p{L}*|жылыстат\\p{L}*',
        ),
      },
      {
        // The sources a desk's AML check refuses.
        stems: ['garantex', 'mixer', 'mixing', 'микшер', 'darknet', 'даркнет', 'sanction', 'санкц'],
        pattern: words(
          'garantex|mixers?|mixing|микшер\\p{L}*|darknet\\p{L}*|даркнет\\p{L}*|(?:sanctions?|санкционн\\p{L}*)\\s+(?:lists?|списк\\p{L}*)',
        ),
      },
      {
        stems: [
          'правила',
          'rules',
          'agreement',
          'соглашени',
          'услуг',
          'services',
          'title sign',
          'титульн',
          'ережел',
        ],
        pattern: words(
          'правила\\s+обмена|exchange\\s+rules|user\\s+agreement|пользовательск\\p{L}*\\s+соглашени\\p{L}*|услуг\\p{L}*\\s+обмена|exchange\\s+services|title\\s+signs?|титульн\\p{L}*\\s+знак\\p{L}*|алмасу\\s+ережел\\p{L}*',
        ),
      },
      {
        stems: ['buyer', 'покупател', 'platform', 'платформ'],
        pattern: words(
          'buyers?\\s+and\\s+sellers?|покупател\\p{L}*\\s+и\\s+продав\\p{L}*|trading\\s+platform|торгов\\p{L}*\\s+платформ\\p{L}*',
        ),
      },
      {
        stems: ['fee', 'комисси', 'комиссия'],
        pattern: words(
          'service\\s+fees?|network\\s+fees?|комисси\\p{L}*\\s+(?:сервиса|сети|платежн\\p{L}*)|желі\\s+комиссия\\p{L}*',
        ),
      },
      {
        stems: ['address', 'адрес', 'мекенжай'],
        pattern: words(
          '(?:destination|receiving|recipient|deposit|payout)\\s+address\\p{L}*|адрес\\p{L}*\\s+(?:кошелька|получени\\p{L}*|получател\\p{L}*|для\\s+получения)|әмиян\\s+мекенжай\\p{L}*',
        ),
      },
      {
        stems: ['exchange', 'обменн', 'процесс'],
        pattern: words(
          'exchange\\s+(?:operations?|process)|обменн\\p{L}*\\s+операци\\p{L}*|процесс\\p{L}*\\s+обмена',
        ),
      },
      {
        stems: ['referral', 'affiliate', 'партн', 'реферал', 'серіктес'],
        pattern: words(
          '(?:active\\s+)?referrals?(?:\\s+(?:program\\p{L}*|link|reward\\p{L}*|remuneration))?|affiliate\\s+program\\p{L}*|партн[её]рск\\p{L}*\\s+программ\\p{L}*|реферал\\p{L}*|серіктестік\\s+бағдарлама\\p{L}*',
        ),
      },
      {
        stems: ['верификаци', 'проверк', 'card verification', 'verify', 'картаны'],
        pattern: words(
          '(?:верификаци\\p{L}*|проверк\\p{L}*)\\s+(?:банковской\\s+)?карт\\p{L}*|card\\s+verification|verify\\s+(?:your\\s+)?(?:bank\\s+)?card|картаны\\s+(?:тексеру|растау)',
        ),
      },
      {
        stems: ['электрон', 'electronic', 'e-currenc'],
        pattern: words('электронн\\p{L}*\\s+валют\\p{L}*|electronic\\s+currenc\\p{L}*|e-currenc\\p{L}*'),
      },
      {
        stems: ['trc', 'erc-2', 'erc2', 'bep-2', 'bep2'],
        pattern: words(
          '(?:сеть|сети|network|желі\\p{L}*)\\s+(?:trc|erc|bep)-?20|(?:trc|erc|bep)-?20\\s+(?:network|сеть|сети|желі\\p{L}*)',
        ),
      },
      {
        stems: ['к получению', 'amount to', 'алатын', 'обработки', 'processing time'],
        pattern: words(
          'сумм\\p{L}*\\s+к\\s+получению|amount\\s+to\\s+(?:receive|be\\s+received)|алатын\\s+сома\\p{L}*|(?:время|срок\\p{L}*)\\s+обработки\\s+заяв\\p{L}*|order\\s+processing\\s+time',
        ),
      },
      {
        stems: ['bestchange', 'мониторинг', 'monitoring'],
        pattern: words('bestchange|мониторинг\\p{L}*\\s+обменник\\p{L}*|exchangers?\\s+monitoring'),
      },
      {
        stems: ['регистрац', 'registration', 'account', 'тіркеусіз', 'анонимн', 'anonymous'],
        pattern: words(
          'без\\s+регистрации|no\\s+(?:account|registration)|without\\s+registration|тіркеусіз|анонимн\\p{L}*|anonymous\\p{L}*',
        ),
      },
    ],
    CLASSIFIEDS: words(
      'частное\\s+лицо|подать\\s+объявление|разместить\\s+объявление|показать\\s+телефон|пожаловаться|все\\s+объявления\\s+(?:автора|продавца)|id\\s+объявления|другие\\s+объявления|post\\s+(?:an\\s+)?ad|show\\s+(?:phone|number)|report\\s+(?:this\\s+)?ad|seller\\p{L}*\\s+other\\s+ads|жеке\\s+тұлға|хабарландыру\\s+беру|телефонды\\s+көрсету',
    ),
    DOCUMENT_TITLE: new RegExp(
      '^\\s*(?:terms|rules|agreement|partners?\\b|partner\\s+program|referral|affiliate|(?:card\\s+)?verification|верификаци|партн[её]р|реферал|(?:aml|kyc|privacy)[\\s/a-z&]*polic|faq|frequently\\s+asked|help|(?:service\\s+)?regulations?|user\\s+agreement|exchange\\s+terms|(?:our\\s+)?contacts?\\b|how\\s+it\\s+works|how\\s+the\\s+\\S+\\s+works|правила|соглашени|пользовательское|договор|политик|регламент|контакты|байланыс|сайт\\s+ережелері|ереже|(?:aml|kyc)|часто\\s+задаваемые|вопросы|помощь|как\\s+это\\s+работает|как\\s+проверить\\s+статус|шарттар|сұрақтар|келісім)',
      'u',
    ),
    CHOICE_ADVICE: words(
      '(?:choose|choosing|select)\\s+(?:a|an|the)\\s+(?:\\p{L}+\\s+){0,2}(?:platform|exchanger|exchange\\s+(?:platform|service))|(?:выб(?:рать|ерите|ор|ирая)|выбора)\\s+(?:\\p{L}+\\s+){0,2}(?:обменник\\p{L}*|платформ\\p{L}*|сервис\\p{L}*|площадк\\p{L}*)|ошибк\\p{L}*\\s+в\\s+выборе|rating,?\\s+reviews|(?:отзыв\\p{L}*|reviews?)\\s+(?:реальн\\p{L}*|real)\\s+(?:клиент\\p{L}*|пользовател\\p{L}*|users?|customers?)',
    ),
    HELP_DESK: words(
      'help\\s+cent(?:er|re)|support\\s+cent(?:er|re)|was\\s+this\\s+article\\s+helpful|did\\s+this\\s+answer\\s+your\\s+question|submit\\s+a\\s+request|справочн\\p{L}*\\s+центр\\p{L}*|центр\\p{L}*\\s+поддержки|эта\\s+статья\\s+(?:была\\s+)?полезн\\p{L}*|довідков\\p{L}*\\s+центр\\p{L}*|анықтама\\s+орталығы',
    ),
    WALLET_OR_APP: words(
      'wallets?|кошел[её]к\\p{L}*|гаман\\p{L}*|әмиян\\p{L}*|mobile\\s+app|in\\s+the\\s+app|приложени\\p{L}*|застосунк\\p{L}*|қосымша\\p{L}*|крипторахун\\p{L}*',
    ),
    GUIDE_TITLE: new RegExp(
      `^\\s*(?:how\\s+to\\b|can\\s+(?:i|you)\\b|should\\s+you\\b|what\\s+(?:is|are)\\b|why\\b|a\\s+guide\\b|guide\\b|beginner|\\d+\\s+(?:simple\\s+)?steps?\\b|как\\s+(?:купить|обменять|вывести|выбрать|продать)|что\\s+такое|почему|гайд|руководство|қалай\\s+(?:сатып|айырбаст))`,
      'u',
    ),
  };
}
