/**
 * A pattern with `\p{L}` costs milliseconds to compile, on every page the detector runs on. The
 * vocabulary is Latin and Cyrillic, so text is folded first: any other letter becomes
 * OTHER_LETTER and any other number OTHER_NUMBER, code unit for code unit (positions do not
 * move), and patterns use the small classes below, which then mean what `\p{L}` and `\p{N}`
 * meant. Fold after changing case: case mapping can turn a foreign letter into a Latin one
 * (the Kelvin sign K lower-cases to k).
 */

const OTHER_LETTER = '\u02AC';
const OTHER_NUMBER = '\u00B2';
/**
 * The second code unit of a folded astral letter or number. Patterns read it as a letter, as
 * they read the whole character; word starts do not, as they never read a lone surrogate as one.
 */
const ASTRAL_TAIL = '\u02AD';

const BASIC_LETTERS = 'A-Za-z\\u0400-\\u0481\\u048A-\\u04FF';

/** The body of a character class for a letter of folded text. */
export const LETTER = `${BASIC_LETTERS}${OTHER_LETTER}${ASTRAL_TAIL}`;
/** The body of a character class for a number of folded text. */
export const NUMBER = `0-9${OTHER_NUMBER}`;
/** The body of a character class for a character a word can start after (see word-match). */
export const WORD_START = `${BASIC_LETTERS}${OTHER_LETTER}0-9${OTHER_NUMBER}`;

/**
 * Characters that may be a letter or a number: not ASCII, not Cyrillic, and not the spaces,
 * punctuation, currency signs, arrows and operators that are neither and that pages use everywhere.
 */
const MAYBE_FOREIGN_WORD_CHAR =
  '[^\\0-\\x7F\\u0400-\\u04FF\\u00A0-\\u00A9\\u00AB-\\u00B1\\u00B4\\u00B6-\\u00B8\\u00BB\\u00BF\\u00D7\\u00F7\\u2000-\\u206F\\u20A0-\\u20CF\\u2190-\\u22FF]';

let foreign: RegExp | null = null;
/** The property classes are built on the first foreign character that needs them. */
let classes: { letter: RegExp; number: RegExp } | null = null;

function fold(char: string): string {
  classes ??= { letter: /\p{L}/u, number: /\p{N}/u };
  const tail = char.length > 1 ? ASTRAL_TAIL : '';
  if (classes.letter.test(char)) return OTHER_LETTER + tail;
  if (classes.number.test(char)) return OTHER_NUMBER + tail;
  return char;
}

/**
 * Whether text has such a character. Without the `u` flag the class reads code units, and an
 * astral character's two are both outside it: the same answer, found faster on long text.
 */
let anyForeign: RegExp | null = null;

export function foldText(text: string): string {
  anyForeign ??= new RegExp(MAYBE_FOREIGN_WORD_CHAR);
  if (!anyForeign.test(text)) return text;
  foreign ??= new RegExp(MAYBE_FOREIGN_WORD_CHAR, 'gu');
  foreign.lastIndex = 0;
  return text.replace(foreign, fold);
}
