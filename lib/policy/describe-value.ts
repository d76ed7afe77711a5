/** A short, printable form of admin input, for a problem's reason. */
export function shorten(text: string, max = 80): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  const printable = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return printable.length > max ? `${printable.slice(0, max - 1)}…` : printable;
}

/** The name of a value's type as an administrator would say it, for a problem's reason. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? 'a number' : String(value);
    case 'object':
      return 'an object';
    case 'string':
    case 'boolean':
    case 'bigint':
    case 'symbol':
    case 'function':
      return `a ${typeof value}`;
    default:
      return typeof value;
  }
}

/** A printable form of any list item, for a problem's `item`. */
export function describeItem(value: unknown): string {
  if (typeof value === 'string') return shorten(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return describeType(value);
}
