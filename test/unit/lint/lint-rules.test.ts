/**
 * The layer rules prove themselves: each file in test/lint-fixtures/ breaks one rule on purpose.
 * It is linted as if it stood at the path its first line names, and must be flagged by the rule
 * its second line names. A rule that stops working fails here, not in review.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/lint-fixtures');

// The fixtures are linted under names that exist in no TypeScript project, so without type information.
const eslint = new ESLint({ cwd: ROOT, overrideConfig: tseslint.configs.disableTypeChecked });

const fixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => {
    const code = readFileSync(path.join(FIXTURES, name), 'utf8');
    const as = /^\/\/ as: (\S+)$/m.exec(code)?.[1];
    const rule = /^\/\/ expect: (\S+)$/m.exec(code)?.[1];
    if (as === undefined || rule === undefined)
      throw new Error(`${name} names no "as:" path or "expect:" rule`);
    return { name, code, as, rule };
  });

describe('lint rules', () => {
  it('have a fixture for each layer rule', () => {
    expect(new Set(fixtures.map((fixture) => fixture.rule))).toEqual(
      new Set([
        'import-x/no-restricted-paths',
        'no-restricted-imports',
        'no-restricted-globals',
        'no-restricted-properties',
      ]),
    );
  });

  it.each(fixtures)('flag $name with $rule', async ({ code, as, rule }) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, as) });
    expect(result?.messages.map((message) => message.ruleId)).toContain(rule);
  });
});
