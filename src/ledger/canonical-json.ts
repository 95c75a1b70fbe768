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

export function canonicalize(value: unknown): string {
  return serialize(value, '');
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
  if (LONE_SURROGATE.test(value)) throw new CanonicalizationError('lone surrogate in string', path);
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
