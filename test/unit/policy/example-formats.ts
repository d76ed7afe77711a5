/**
 * Just enough of the Windows .reg and Apple plist formats to read the policy
 * examples under docs/examples back, the way the browser would see them.
 */
import type { ChromeSchema } from './chrome-schema';

export type RegValue = { kind: 'string'; value: string } | { kind: 'dword'; value: number };

/** Registry key path (upper case) to its named values, from a `Windows Registry Editor Version 5.00` file. */
export function parseRegFile(text: string): Map<string, Map<string, RegValue>> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0] !== 'Windows Registry Editor Version 5.00') throw new Error('not a version 5 .reg file');
  const keys = new Map<string, Map<string, RegValue>>();
  let current: Map<string, RegValue> | null = null;
  for (const line of lines.slice(1)) {
    if (line.trim() === '' || line.startsWith(';')) continue;
    const section = /^\[([^\]]+)\]$/.exec(line);
    if (section !== null) {
      current = new Map();
      keys.set((section[1] ?? '').toUpperCase(), current);
      continue;
    }
    const value = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-fA-F]{8}))$/.exec(line);
    if (value === null || current === null) throw new Error(`cannot read .reg line: ${line}`);
    const name = unescapeReg(value[1] ?? '');
    current.set(
      name,
      value[3] === undefined
        ? { kind: 'string', value: unescapeReg(value[2] ?? '') }
        : { kind: 'dword', value: Number.parseInt(value[3], 16) },
    );
  }
  return keys;
}

function unescapeReg(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/**
 * The policy under `keyPath`, converted by the extension's schema as Chrome
 * converts registry values: a DWORD becomes a boolean or an integer, and a
 * list is a subkey of values named `1`, `2`, ...
 */
export function regPolicy(
  keys: Map<string, Map<string, RegValue>>,
  keyPath: string,
  schema: ChromeSchema,
): Record<string, unknown> {
  const policy: Record<string, unknown> = {};
  const values = keys.get(keyPath.toUpperCase()) ?? new Map<string, RegValue>();
  for (const [name, value] of values) {
    const type = schema.properties?.[name]?.type;
    if (value.kind === 'dword') policy[name] = type === 'boolean' ? value.value !== 0 : value.value;
    else policy[name] = value.value;
  }
  const prefix = `${keyPath.toUpperCase()}\\`;
  for (const [path, subValues] of keys) {
    if (!path.startsWith(prefix) || path.slice(prefix.length).includes('\\')) continue;
    const listName = Object.keys(schema.properties ?? {}).find(
      (name) => name.toUpperCase() === path.slice(prefix.length),
    );
    if (listName === undefined) throw new Error(`no list policy for ${path}`);
    policy[listName] = [...subValues.entries()]
      .filter(([name]) => /^\d+$/.test(name))
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, item]) => item.value);
  }
  return policy;
}

export type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue };

/** Parses an XML property list (dict, array, string, integer, real, true, false). */
export function parsePlist(xml: string): PlistValue {
  const body = xml
    .replace(/<\?xml[^>]*\?>/, '')
    .replace(/<!DOCTYPE[^>]*>/, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  const tokens = body.match(/<[^>]+>|[^<]+/g) ?? [];
  let position = 0;
  const next = (): string => {
    while (position < tokens.length && (tokens[position] ?? '').trim() === '') position += 1;
    const token = tokens[position];
    if (token === undefined) throw new Error('unexpected end of plist');
    position += 1;
    return token.trim();
  };
  const text = (close: string): string => {
    let content = '';
    const token = tokens[position] ?? '';
    if (!token.startsWith('<')) {
      content = decodeEntities(token);
      position += 1;
    }
    if (next() !== close) throw new Error(`expected ${close}`);
    return content;
  };
  const value = (open: string): PlistValue => {
    switch (open) {
      case '<string>':
        return text('</string>');
      case '<string/>':
        return '';
      case '<integer>':
        return Number.parseInt(text('</integer>'), 10);
      case '<real>':
        return Number.parseFloat(text('</real>'));
      case '<true/>':
        return true;
      case '<false/>':
        return false;
      case '<array>': {
        const items: PlistValue[] = [];
        for (let token = next(); token !== '</array>'; token = next()) items.push(value(token));
        return items;
      }
      case '<dict>': {
        const dict: { [key: string]: PlistValue } = {};
        for (let token = next(); token !== '</dict>'; token = next()) {
          if (token !== '<key>') throw new Error(`expected <key>, got ${token}`);
          const key = text('</key>');
          dict[key] = value(next());
        }
        return dict;
      }
      default:
        throw new Error(`unsupported plist element ${open}`);
    }
  };
  if (!next().startsWith('<plist')) throw new Error('not a plist');
  const root = value(next());
  if (next() !== '</plist>') throw new Error('expected </plist>');
  return root;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
