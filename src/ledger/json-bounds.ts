import { canonicalize, hasLoneSurrogate } from './canonical-json.js';
import { isSealed } from './sealed-shape.js';

/**
 * The bounds of what the ledger accepts: every request body and every event's `data`, free-form members
 * included (a correction's `data.data`), is JSON that canonicalizes (RFC 8785) and stays well within what the
 * stores and the read models can index (SQLite's JSON functions refuse nesting past 1,000 levels).
 */

/** Most levels of arrays and objects a value nests, the outermost counting one: `{"a":[1]}` nests 2. */
export const MAX_JSON_DEPTH = 32;
/** Most characters (Unicode code points, as JSON Schema's `maxLength` counts them) of one string or member name. */
export const MAX_STRING_CHARS = 10_000;
/** Most items of one array. */
export const MAX_ARRAY_ITEMS = 1_000;
/** Most members of one object. */
export const MAX_OBJECT_MEMBERS = 256;
/** Most bytes of an event's `data` in canonical form (UTF-8). */
export const MAX_EVENT_DATA_BYTES = 262_144;

/** Where a value leaves the bounds: an RFC 6901 JSON pointer (never the value) and what is wrong there. */
export interface BoundsViolation {
  readonly pointer: string;
  readonly reason: string;
}

interface Frame {
  readonly value: unknown;
  readonly depth: number;
  readonly parent: Frame | undefined;
  readonly key: string;
  /** The ciphertext of a sealed value: its length is not bounded here (see {@link eventDataViolation}). */
  readonly sealedText?: true;
}

/**
 * The first place where `value` (as `JSON.parse` makes it) leaves the bounds, or undefined when it stays within
 * them: a lone UTF-16 surrogate in a string or member name, a number that is not finite, a string, array or
 * object past its limit, or nesting past {@link MAX_JSON_DEPTH}. Iterative, and it never descends past the depth
 * limit, so any nesting is refused without exhausting the stack.
 */
export function boundsViolation(value: unknown): BoundsViolation | undefined {
  return walk(value, false, false);
}

/**
 * {@link boundsViolation} for a body a client sends, which must also be I-JSON (RFC 7493 §2.1) in holding no Unicode
 * noncharacter (U+FDD0 to U+FDEF, and the last two code points of every plane, U+FFFE, U+FFFF, U+1FFFE …): XML,
 * which the Atom feed is, cannot carry some of them, so a feed would show another text than the one signed. Events
 * already recorded are not held to it (a bundle's events are checked with {@link eventDataViolation}).
 */
export function bodyBoundsViolation(value: unknown): BoundsViolation | undefined {
  return walk(value, false, true);
}

/** The noncharacters of Unicode (chapter 23.7): U+FDD0..U+FDEF and U+nFFFE, U+nFFFF for every plane n. */
const NONCHARACTER = new RegExp(
  `[\\u{FDD0}-\\u{FDEF}${Array.from({ length: 17 }, (_, plane) => {
    const base = (plane * 0x10000 + 0xfffe).toString(16).toUpperCase();
    const last = (plane * 0x10000 + 0xffff).toString(16).toUpperCase();
    return `\\u{${base}}\\u{${last}}`;
  }).join('')}]`,
  'u',
);

/**
 * {@link boundsViolation}, for data whose personal fields are already sealed: a sealed value's ciphertext (`ct`) is
 * longer than the value it seals (base64url of its UTF-8, with salt and tag), so the string limit, which bounds the
 * text a client sends, is not applied to it; the value was checked in the clear before it was sealed.
 */
function walk(value: unknown, sealed: boolean, nonCharacters: boolean): BoundsViolation | undefined {
  const stack: Frame[] = [{ value, depth: 0, parent: undefined, key: '' }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const found = violationAt(frame, nonCharacters);
    if (found !== undefined) return { pointer: pointerOf(frame), reason: found };
    const { value: v, depth } = frame;
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--)
        stack.push({ value: v[i], depth: depth + 1, parent: frame, key: String(i) });
    } else {
      const opaque = sealed && isSealed(v);
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const child = { value: (v as Record<string, unknown>)[key], depth: depth + 1, parent: frame, key };
        stack.push(opaque && key === 'ct' ? { ...child, sealedText: true } : child);
      }
    }
  }
  return undefined;
}

/**
 * Where an event's `data` leaves what the ledger signs, or undefined when it stays within: {@link boundsViolation}
 * (a sealed value's ciphertext excepted from the string limit, since the value was checked before it was sealed),
 * then at most {@link MAX_EVENT_DATA_BYTES} in canonical form (the pointer is then the whole data, '').
 */
export function eventDataViolation(data: unknown): BoundsViolation | undefined {
  const outside = walk(data, true, false);
  if (outside) return outside;
  if (Buffer.byteLength(canonicalize(data), 'utf8') > MAX_EVENT_DATA_BYTES) {
    return { pointer: '', reason: `is larger than ${MAX_EVENT_DATA_BYTES} bytes in canonical form` };
  }
  return undefined;
}

function violationAt({ value, depth, sealedText }: Frame, nonCharacters: boolean): string | undefined {
  switch (typeof value) {
    case 'string':
      if (sealedText) return hasLoneSurrogate(value) ? 'holds a lone UTF-16 surrogate' : undefined;
      return stringViolation(value, nonCharacters);
    case 'number':
      return Number.isFinite(value) ? undefined : 'is not a finite number';
    case 'boolean':
      return undefined;
    case 'object': {
      if (value === null) return undefined;
      if (depth + 1 > MAX_JSON_DEPTH) return `nests deeper than ${MAX_JSON_DEPTH} levels`;
      if (Array.isArray(value)) {
        return value.length > MAX_ARRAY_ITEMS ? `has more than ${MAX_ARRAY_ITEMS} items` : undefined;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return 'is not a JSON object';
      const keys = Object.keys(value);
      if (keys.length > MAX_OBJECT_MEMBERS) return `has more than ${MAX_OBJECT_MEMBERS} members`;
      for (const key of keys) {
        const wrong = stringViolation(key, nonCharacters);
        if (wrong !== undefined) return `has a member name that ${wrong}`;
      }
      return undefined;
    }
    default:
      return 'is not JSON';
  }
}

function stringViolation(text: string, nonCharacters: boolean): string | undefined {
  if (hasLoneSurrogate(text)) return 'holds a lone UTF-16 surrogate';
  if (nonCharacters && NONCHARACTER.test(text)) return 'holds a Unicode noncharacter (such as U+FFFF)';
  // a string of at most MAX_STRING_CHARS code units cannot hold more code points
  if (text.length > MAX_STRING_CHARS && codePoints(text) > MAX_STRING_CHARS) {
    return `is longer than ${MAX_STRING_CHARS} characters`;
  }
  return undefined;
}

function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n += 1; // a high surrogate is counted with the low one that follows it
  }
  return n;
}

/** RFC 6901: `~` is written `~0` and `/` is written `~1` in a reference token. */
function pointerOf(frame: Frame): string {
  const tokens: string[] = [];
  for (let f: Frame | undefined = frame; f?.parent !== undefined; f = f.parent) {
    tokens.push(f.key.replace(/~/g, '~0').replace(/\//g, '~1'));
  }
  return tokens
    .reverse()
    .map((t) => `/${t}`)
    .join('');
}
