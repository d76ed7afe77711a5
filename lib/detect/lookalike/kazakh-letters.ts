/**
 * Kazakh Cyrillic letters that the Unicode confusables table leaves without a Latin prototype
 * (ә → ǝ, қ → ĸ, ң → ʜ) or maps only through a combining overlay (ғ, ұ, ө). Each is mapped to the
 * Latin letter it passes for in a URL bar, so a homograph built from them reads as the brand.
 * TR39 already maps ү, һ and і; they are listed too, so the table alone decides these nine.
 */
const KAZAKH_LOOKALIKES: Readonly<Record<string, string>> = {
  ә: 'e',
  Ә: 'e',
  қ: 'k',
  Қ: 'k',
  ң: 'h',
  Ң: 'h',
  ғ: 'r',
  Ғ: 'r',
  ү: 'y',
  Ү: 'y',
  ұ: 'y',
  Ұ: 'y',
  һ: 'h',
  Һ: 'h',
  ө: 'o',
  Ө: 'o',
  і: 'i',
  І: 'i',
};

/** Prototypes TR39 gives other Cyrillic letters (к → ĸ, н → ʜ) that still are not Latin. */
const LATIN_OF_PROTOTYPE: Readonly<Record<string, string>> = { ĸ: 'k', ʜ: 'h', ǝ: 'e', ə: 'e' };

const KAZAKH_PATTERN = /[әӘқҚңҢғҒүҮұҰһҺөӨіІ]/gu;
const PROTOTYPE_PATTERN = /[ĸʜǝə]/gu;

export function mapKazakhLetters(text: string): string {
  return text.replace(KAZAKH_PATTERN, (ch) => KAZAKH_LOOKALIKES[ch] ?? ch);
}

export function latinOfPrototypes(text: string): string {
  return text.replace(PROTOTYPE_PATTERN, (ch) => LATIN_OF_PROTOTYPE[ch] ?? ch);
}
