/** One form control, reduced to what hints at its purpose. */
export interface FieldSample {
  /** `input` type (`text`, `number`, `search`, …), `textarea` or `select`. */
  type: string;
  /** name, id, placeholder, aria-label, autocomplete and its label's text, lower case, joined. */
  hint: string;
}

/** A bounded, layout-free reading of a page: what `scorePage` judges. */
export interface PageSample {
  lang: string;
  title: string;
  description: string;
  /** `og:type`, lower case (`article`, `website`), or empty. */
  ogType: string;
  /** `@type` values found in JSON-LD blocks. */
  ldTypes: string[];
  headings: string[];
  /** Visible-ish body text in document order, whitespace collapsed, at most `maxChars`. */
  text: string;
  fields: FieldSample[];
  /** Text of `<option>` elements of the page's selects. */
  options: string[];
  /** Text of buttons and submit inputs. */
  buttons: string[];
  /** Text of the first rows of the page's tables, one string per row. */
  tableRows: string[];
  formCount: number;
  articleCount: number;
  timeCount: number;
}

export interface PageScore {
  score: number;
  /** Why, as `name` or `name:points` strings, for logs and tests. */
  signals: string[];
  /**
   * Whether the page's own words (nothing echoed from its address, no user's ad) reach the
   * threshold, so that its verdict may stand for its whole site. Absent means no.
   */
  memorable?: boolean;
}
