/**
 * RFC 8785 JSON Canonicalization Scheme (JCS).
 *
 * - object members sorted by the UTF-16 code units of their names (JavaScript's default string order);
 * - numbers serialised as ECMAScript `Number.prototype.toString` does (RFC 8785 §3.2.2.3), `-0` as `0`;
 * - strings escaped as ECMAScript `JSON.stringify` does, which is exactly RFC 8785 §3.2.2.2;
 * - no whitespace.
 *
 * Values that have no I-JSON form are refused rather than silently changed: non-finite numbers, lone
 * surrogates, `undefined`, functions, symbols, bigints, and non-plain objects other than arrays.
 */
export class CanonicalizationError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${message} at ${path || '$'}`);
    this.name = 'CanonicalizationError';
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether a string holds a lone surrogate: the native `String.prototype.isWellFormed` (ES2024: Node 20, current
 * browsers) where there is one, several times faster than the pattern, which answers where there is not.
 */
export const hasLoneSurrogate: (value: string) => boolean =
  typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? (value) => !(value as unknown as { isWellFormed(): boolean }).isWellFormed()
    : (value) => LONE_SURROGATE.test(value);

export function canonicalize(value: unknown): string {
  const fast = serializeFast(value);
  // the fast path builds no member paths; a value it refuses is serialized again to name the path
  return fast ?? serialize(value, '');
}

export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalize(value), 'utf8');
}

function serialize(value: unknown, path: string): string {
  switch (typeof value) {
    case 'string':
      return serializeString(value, path);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalizationError('non-finite number', path);
      return Object.is(value, -0) ? '0' : String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return serializeArray(value, path);
      return serializeObject(value, path);
    default:
      throw new CanonicalizationError(`value of type ${typeof value} has no JSON form`, path);
  }
}

function serializeString(value: string, path: string): string {
  if (hasLoneSurrogate(value)) throw new CanonicalizationError('lone surrogate in string', path);
  return JSON.stringify(value);
}

function serializeArray(value: readonly unknown[], path: string): string {
  let out = '[';
  for (let i = 0; i < value.length; i++) {
    if (i > 0) out += ',';
    out += serialize(value[i], `${path}[${i}]`);
  }
  return out + ']';
}

function serializeObject(value: object, path: string): string {
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    throw new CanonicalizationError('only plain objects can be canonicalized', path);
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) throw new CanonicalizationError('undefined member', `${path}.${key}`);
    if (!first) out += ',';
    first = false;
    out += serializeString(key, path) + ':' + serialize(member, `${path}.${key}`);
  }
  return out + '}';
}

/**
 * True when `text` is exactly the canonical form of `value`, the result of `JSON.parse(text)`: the same answer as
 * `canonicalize(value) === text` (false where canonicalize throws), much faster for large texts. `JSON.stringify`
 * writes what JCS writes except for the order of members and for lone surrogates, so a text that it reproduces and
 * whose members are in order is canonical; anything else is decided by canonicalize itself.
 */
export function isCanonicalText(text: string, value: unknown): boolean {
  if (!SURROGATE_ESCAPE.test(text) && stringifiedInOrderAt(text, 0, value) === text.length) return true;
  try {
    return canonicalize(value) === text;
  } catch (err) {
    if (err instanceof CanonicalizationError) return false;
    throw err;
  }
}

/** A `\uD800`..`\uDFFF` escape, or something that looks like one: canonical texts never escape surrogates. */
const SURROGATE_ESCAPE = /\\u[dD][89abAB]/;

/**
 * Where `JSON.stringify(value)` ends when `text` holds it at `at`, and every object's members, in their JavaScript
 * order, are sorted by UTF-16 code units; -1 otherwise. `value` must be `JSON.parse(text)` (see stringAt). It
 * compares the text piece by piece as it walks the value, rather than writing the whole of it again: for a large
 * text (a manifest of a megabyte) that new string cost more than the comparison.
 */
function stringifiedInOrderAt(text: string, at: number, value: unknown): number {
  switch (typeof value) {
    case 'string':
      return stringAt(text, at, value);
    case 'number':
    case 'boolean':
      return wordAt(text, at, JSON.stringify(value));
    case 'object': {
      if (value === null) return wordAt(text, at, 'null');
      if (Array.isArray(value)) {
        if (text.charCodeAt(at) !== 0x5b) return -1;
        let i = at + 1;
        for (let k = 0; k < value.length; k++) {
          if (k > 0 && text.charCodeAt(i++) !== 0x2c) return -1;
          i = stringifiedInOrderAt(text, i, value[k]);
          if (i < 0) return -1;
        }
        return text.charCodeAt(i) === 0x5d ? i + 1 : -1;
      }
      const record = value as Record<string, unknown>;
      if (text.charCodeAt(at) !== 0x7b) return -1;
      let i = at + 1;
      let previous: string | undefined;
      const keys = Object.keys(record);
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k]!;
        if (previous !== undefined && !(previous < key)) return -1;
        previous = key;
        if (i > at + 1 && text.charCodeAt(i++) !== 0x2c) return -1;
        i = stringAt(text, i, key);
        if (i < 0 || text.charCodeAt(i) !== 0x3a) return -1;
        i = stringifiedInOrderAt(text, i + 1, record[key]);
        if (i < 0) return -1;
      }
      return text.charCodeAt(i) === 0x7d ? i + 1 : -1;
    }
    default:
      return -1;
  }
}

/** Where `word` ends when `text` holds it at `at`, else -1. */
function wordAt(text: string, at: number, word: string): number {
  return text.startsWith(word, at) ? at + word.length : -1;
}

/**
 * Where `JSON.stringify(value)` of a string ends when `text` holds it at `at`, else -1; compared as `"value"`
 * unless it holds a lone surrogate. A string holding what JSON escapes (`"`, `\`, a control character) is never
 * found that way in a text that parses to it: were the whole text matched with such a string left unescaped, it
 * would not parse to the value it was walked from. So the walk fails on it, and the caller decides otherwise.
 */
function stringAt(text: string, at: number, value: string): number {
  if (hasLoneSurrogate(value)) return wordAt(text, at, JSON.stringify(value));
  const end = at + 1 + value.length;
  return text.charCodeAt(at) === 0x22 && text.startsWith(value, at + 1) && text.charCodeAt(end) === 0x22 ? end + 1 : -1;
}

/**
 * The same serialization without the paths that only an error needs (building them costs more than the rest):
 * undefined where {@link serialize} would throw.
 */
function serializeFast(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return quoteFast(value);
    case 'number':
      if (!Number.isFinite(value)) return undefined;
      return Object.is(value, -0) ? '0' : String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const item = serializeFast(value[i]);
          if (item === undefined) return undefined;
          out += i > 0 ? ',' + item : item;
        }
        return out + ']';
      }
      return serializeMembersFast(value, undefined, undefined);
    }
    default:
      return undefined;
  }
}

/**
 * An object's canonical form without the members named `skip1` and `skip2` (none when undefined), or undefined
 * where {@link serialize} would throw: what `canonicalize` gives for a copy of the object without those members,
 * without making the copy.
 */
function serializeMembersFast(value: object, skip1: string | undefined, skip2: string | undefined): string | undefined {
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return undefined;
  const record = value as Record<string, unknown>;
  const keys = sortedKeys(record);
  let out = '{';
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key === skip1 || key === skip2) continue;
    const member = record[key];
    if (member === undefined) return undefined;
    const name = quoteFast(key);
    const serialized = serializeFast(member);
    if (name === undefined || serialized === undefined) return undefined;
    out += (first ? '' : ',') + name + ':' + serialized;
    first = false;
  }
  return out + '}';
}

/** A character `JSON.stringify` escapes in a string: `"`, `\` or a control character (lone surrogates aside). */
// eslint-disable-next-line no-control-regex -- the control characters are what is looked for
const ESCAPED = /["\\\u0000-\u001f]/;

/**
 * A string's canonical form, or undefined when it holds a lone surrogate: most strings need no escape, and are
 * quoted as they are rather than through `JSON.stringify`.
 */
function quoteFast(value: string): string | undefined {
  if (hasLoneSurrogate(value)) return undefined;
  return ESCAPED.test(value) ? JSON.stringify(value) : `"${value}"`;
}

/** Key lists met lately and their sorted copies; the oldest is dropped past {@link KEY_ORDERS} of them. */
const keyOrders: { readonly keys: readonly string[]; readonly sorted: readonly string[] }[] = [];
const KEY_ORDERS = 32;

/**
 * `Object.keys(record).sort()`, not to be modified. Objects of one shape (the envelopes of a stream, their actors
 * and signatures, the data of one event type) list the same keys in the same order: the sorted copy made for the
 * first of them serves the others, found by comparing the lists (member names from `JSON.parse` are interned, so
 * that is a comparison of references) instead of sorting again.
 */
function sortedKeys(record: Record<string, unknown>): readonly string[] {
  const keys = Object.keys(record);
  next: for (let e = 0; e < keyOrders.length; e++) {
    const known = keyOrders[e]!;
    if (known.keys.length !== keys.length) continue;
    for (let i = 0; i < keys.length; i++) if (known.keys[i] !== keys[i]) continue next;
    return known.sorted;
  }
  const sorted = [...keys].sort();
  // only short lists of short names are kept, so that what is kept stays small whatever was canonicalized
  if (keys.length <= 32 && keys.every((key) => key.length <= 64)) {
    if (keyOrders.length >= KEY_ORDERS) keyOrders.shift();
    keyOrders.push({ keys, sorted });
  }
  return sorted;
}

/**
 * `canonicalize` of a plain object without two of its members (an envelope without `hash` and `sig`), the same
 * text or the same error, without copying the object first.
 */
export function canonicalizeWithout(value: Record<string, unknown>, skip1: string, skip2: string): string {
  const fast = serializeMembersFast(value, skip1, skip2);
  if (fast !== undefined) return fast;
  const copy: Record<string, unknown> = { ...value };
  delete copy[skip1];
  delete copy[skip2];
  return serialize(copy, '');
}
