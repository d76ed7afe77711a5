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
        stems: ['заявк', 'өтінім', 'exchange', 'status', 'application', 'create'],
        pattern: words(
          'заявк\\p{L}*|өтінім\\p{L}*|exchange\\s+(?:order|application|request)s?|(?:order|application|bid)\\s+status|applications?\\s+for\\s+exchange|create\\s+(?:an\\s+)?(?:order|application)',
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
        stems: ['реквизит', 'requisites', 'деректемел'],
        pattern: words('реквизит\\p{L}*|requisites|деректемел\\p{L}*'),
      },
      {
        stems: ['курс', 'rate', 'бағам'],
        pattern: words(
          'курс\\p{L}*\\s+(?:\\p{L}+\\s+)?(?:фиксир\\p{L}*|закрепл\\p{L}*|держится|пересчит\\p{L}*)|rate\\s+(?:is\\s+)?(?:fixed|locked|recalculated)|(?:fixed|floating|dynamic)\\s+rate|бағам\\s+(?:\\p{L}+\\s+)*?бекіт\\p{L}*',
        ),
      },
      {
        stems: ['обменн', 'обмінн', 'exchange', 'обменник', 'айырбастау'],
        pattern: words(
          'обменн\\p{L}*\\s+(?:сервис\\p{L}*|пункт\\p{L}*)|обмінн\\p{L}*\\s+пункт\\p{L}*|exchange\\s+service\\p{L}*|exchangers?|обменник\\p{L}*|айырбастау\\s+қызмет\\p{L}*',
        ),
      },
      {
        stems: ['aml', 'kyc', 'верификаци', 'verification', 'сәйкестендір'],
        pattern: words('aml|kyc|верификаци\\p{L}*|verification|сәйкестендір\\p{L}*'),
      },
      { stems: ['возврат', 'refund', 'қайтар'], pattern: words('возврат\\p{L}*|refunds?|қайтар\\p{L}*') },
      { stems: ['оператор', 'operator'], pattern: words('оператор\\p{L}*|operators?') },
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
      '^\\s*(?:terms|rules|agreement|(?:aml|kyc|privacy)[\\s/a-z&]*polic|faq|frequently\\s+asked|help|how\\s+it\\s+works|how\\s+the\\s+\\S+\\s+works|правила|соглашени|договор|политик|(?:aml|kyc)|часто\\s+задаваемые|вопросы|помощь|как\\s+это\\s+работает|как\\s+проверить\\s+статус|ережелер|шарттар|сұрақтар|келісім)',
      'u',
    ),
    GUIDE_TITLE: new RegExp(
      `^\\s*(?:how\\s+to\\b|can\\s+(?:i|you)\\b|should\\s+you\\b|what\\s+(?:is|are)\\b|why\\b|a\\s+guide\\b|guide\\b|beginner|\\d+\\s+(?:simple\\s+)?steps?\\b|как\\s+(?:купить|обменять|вывести|выбрать|продать)|что\\s+такое|почему|гайд|руководство|қалай\\s+(?:сатып|айырбаст))`,
      'u',
    ),
  };
}
