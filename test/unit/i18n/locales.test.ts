import { describe, expect, it } from 'vitest';
import en from '../../../locales/en.json';
import kk from '../../../locales/kk.json';
import ru from '../../../locales/ru.json';
import { LANGUAGES } from '../../../lib/i18n/language';
import { placeholdersOf } from '../../../lib/i18n/translate';
import type { PolicyProblemCode } from '../../../lib/policy/types';
import { REJECTION_CODES, rejectionLocaleKey } from '../../../lib/registry/rejection';
import type { Verdict } from '../../../lib/verdict/types';

const LOCALES: Record<string, Record<string, string>> = { en, kk, ru };

/** Every verdict of the contract; the `satisfies` keeps this list in step with the type. */
const VERDICTS = [
  'licensed',
  'blocked',
  'warning',
  'lookalike',
  'unregistered',
  'unknown',
] as const satisfies readonly Verdict[];
type MissingVerdict = Exclude<Verdict, (typeof VERDICTS)[number]>;
const noVerdictMissing: MissingVerdict extends never ? true : false = true;

const POLICY_PROBLEM_CODES = {
  'not-an-object': true,
  'unknown-key': true,
  unreadable: true,
  'wrong-type': true,
  'invalid-url': true,
  'insecure-url': true,
  'unsupported-scheme': true,
  'url-with-credentials': true,
  'not-base64': true,
  'wrong-key-length': true,
  'invalid-target': true,
  'not-allowed-value': true,
  'not-an-integer': true,
  'below-minimum': true,
  'above-maximum': true,
} satisfies Record<PolicyProblemCode, true>;

describe('locale files', () => {
  it('exist for every UI language', () => {
    expect(Object.keys(LOCALES).sort()).toEqual([...LANGUAGES].sort());
  });

  for (const [language, messages] of Object.entries(LOCALES)) {
    it(`${language} has exactly the keys of en`, () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    });

    it(`${language} has no empty message`, () => {
      const empty = Object.entries(messages).filter(([, text]) => text.trim() === '');
      expect(empty).toEqual([]);
    });

    it(`${language} uses the same placeholders as en in every message`, () => {
      const differing = Object.entries(en)
        .filter(([key, text]) => {
          const other = messages[key];
          return (
            other !== undefined && placeholdersOf(other).sort().join() !== placeholdersOf(text).sort().join()
          );
        })
        .map(([key]) => key);
      expect(differing).toEqual([]);
    });

    it(`${language} has keys the browser accepts, and no "$" that it would read as a placeholder`, () => {
      for (const [key, text] of Object.entries(messages)) {
        expect(key).toMatch(/^[A-Za-z0-9_]+$/);
        expect(text).not.toContain('$');
      }
    });
  }

  it('name every verdict in every language', () => {
    expect(noVerdictMissing).toBe(true);
    for (const messages of Object.values(LOCALES)) {
      for (const verdict of VERDICTS) {
        expect(messages[`verdict_${verdict}`], verdict).toBeTruthy();
        expect(messages[`headline_${verdict}`], verdict).toBeTruthy();
        expect(messages[`explain_${verdict}`], verdict).toBeTruthy();
      }
    }
  });

  it('explain every registry rejection code in every language', () => {
    for (const messages of Object.values(LOCALES)) {
      for (const code of REJECTION_CODES) {
        expect(messages[rejectionLocaleKey(code)], code).toBeTruthy();
      }
    }
  });

  it('explain every policy problem code in every language', () => {
    for (const messages of Object.values(LOCALES)) {
      for (const code of Object.keys(POLICY_PROBLEM_CODES)) {
        expect(messages[`policy_problem_${code.replaceAll('-', '_')}`], code).toBeTruthy();
      }
    }
  });
});
