/**
 * Redaction for every public view of the ledger. Enforcement decisions are published, but personal privacy, trade
 * secrets and state secrets never are: persons' names are masked, identifiers are dropped or scrubbed, and members
 * marked confidential are removed. Pure functions over plain JSON-like data.
 */

/** A party to a case as recorded in the ledger. */
export type Party = {
  kind: 'person' | 'organization';
  name: string;
  idNumber?: string;
  phone?: string;
  address?: string;
};

/** What may be published about a party: its kind and its (for persons, masked) name, nothing else. */
export type PublicParty = { kind: 'person' | 'organization'; name: string };

/**
 * The amount a public view shows for a decision: `{fineFen}` when the decision carries a fine (a positive amount),
 * nothing otherwise, so that a warning or a licence is never published as a fine of 0.
 */
export function publicFine(fineFen: number | undefined): { fineFen?: number } {
  return typeof fineFen === 'number' && fineFen > 0 ? { fineFen } : {};
}

/** Replaces every identifier removed by `scrubText`. */
export const REDACTED = '[已删除]';

const LATIN_LETTER = /\p{Script=Latin}/u;
const OTHER_LETTER = /(?!\p{Script=Latin})\p{L}/u;

/**
 * Masks a natural person's name. Guarantees: surrounding whitespace is trimmed; the result has exactly as many code
 * points as the trimmed name; a one-character name becomes `*`; a Latin-script name keeps the first character of each
 * whitespace-separated word and masks every other character (`John Smith` → `J*** S****`); any other name keeps only
 * its first character (`张三丰` → `张**`). Supplementary-plane characters are never split.
 */
export function maskPersonName(name: string): string {
  const trimmed = name.trim();
  const chars = Array.from(trimmed);
  if (chars.length <= 1) return '*'.repeat(chars.length);
  if (LATIN_LETTER.test(trimmed) && !OTHER_LETTER.test(trimmed)) {
    return trimmed.replace(/(\S)(\S*)/gu, (_word, first: string, rest: string) => first + mask(rest));
  }
  return chars[0] + mask(trimmed.slice(chars[0]!.length));
}

function mask(text: string): string {
  return '*'.repeat(Array.from(text).length);
}

/**
 * The public form of a party. Guarantees: the output has exactly the members `kind` and `name`; a person's name is
 * masked with `maskPersonName` (so is that of any party whose kind is not `organization`); an organization's name is
 * published unchanged.
 */
export function redactParty(party: Party): PublicParty {
  return {
    kind: party.kind,
    name: party.kind === 'organization' ? party.name : maskPersonName(party.name),
  };
}

/**
 * Characters that stand for an ASCII one where identifiers are written: full-width digits, X, `+`, `@`, parentheses
 * and hyphen (what a Chinese input method types), the other dashes and hyphens, the ideographic and no-break spaces.
 * Each maps one UTF-16 unit to one, so a match in the folded text is at the same place in the text as typed.
 */
const FOLDED = new Map<string, string>([
  ...Array.from({ length: 10 }, (_, d): [string, string] => [String.fromCharCode(0xff10 + d), String(d)]),
  ['\uff38', 'X'],
  ['\uff58', 'x'],
  ['\uff0b', '+'],
  ['\uff20', '@'],
  ['\uff08', '('],
  ['\uff09', ')'],
  ...['\uff0d', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212'].map((c): [string, string] => [
    c,
    '-',
  ]),
  ['\u3000', ' '],
  ['\u00a0', ' '],
]);
const FOLDABLE = new RegExp(`[${[...FOLDED.keys()].join('')}]`, 'g');

/** One space or hyphen between the groups of digits a number is written in (`138 1234 5678`, `110101-19900307-1234`). */
const SEP = '[ -]?';

/**
 * Mainland identifiers, each a whole run of digits (lookarounds keep a longer digit run, such as a case number, intact),
 * matched in the folded text: resident identity numbers (18 characters, the last a digit or X, or the old 15-digit
 * form), in groups of 6, 4, 4 and 4 (or 6, 8, 4, or 6, 6, 3) or unbroken; mobile numbers (optionally prefixed
 * `+86`/`86`), in groups of 3, 4 and 4 or unbroken; landlines, an area code of 3 or 4 digits starting with 0 (in
 * parentheses or not) and a number of 7 or 8 digits; and email addresses.
 */
const IDENTIFIERS = [
  new RegExp(`(?<!\\d)\\d{6}${SEP}\\d{4}${SEP}\\d{4}${SEP}\\d{3}(?:\\d(?!\\d)|[Xx])`, 'g'),
  new RegExp(`(?<!\\d)\\d{6}${SEP}\\d{6}${SEP}\\d{3}(?!\\d)`, 'g'),
  new RegExp(`(?<!\\d)(?:\\+?86${SEP})?1[3-9]\\d${SEP}\\d{4}${SEP}\\d{4}(?!\\d)`, 'g'),
  new RegExp(`(?<![\\d(])(?:\\(0\\d{2,3}\\) ?|0\\d{2,3}${SEP})\\d{7,8}(?!\\d)`, 'g'),
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g,
];

/**
 * Removes personal identifiers from free text. Guarantees: every resident identity number, mobile number, landline
 * number and email address (forms above), written in ASCII or full-width characters, with the groups of its
 * digits apart or not, is replaced by `[已删除]`; no other character is changed, so amounts (`5000元`), dates
 * (`2019-09-27`), postcodes and longer digit runs are left as they are.
 */
export function scrubText(text: string): string {
  const folded = text.replace(FOLDABLE, (c) => FOLDED.get(c)!);
  const found: [number, number][] = [];
  for (const pattern of IDENTIFIERS) {
    for (const match of folded.matchAll(pattern)) found.push([match.index, match.index + match[0].length]);
  }
  if (found.length === 0) return text;
  found.sort((x, y) => x[0] - y[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of found) {
    if (end <= at) continue; // within one replaced already
    out += start >= at ? text.slice(at, start) + REDACTED : '';
    at = end;
  }
  return out + text.slice(at);
}

/** Members that never leave the ledger, in any object at any depth. */
const WITHHELD = new Set(['idNumber', 'phone', 'address', 'confidential']);

/**
 * A deep copy of JSON-like data that is fit for publication. Guarantees: the input is never mutated; in every object,
 * the members `idNumber`, `phone`, `address` and `confidential` are removed, and so is every member named in that
 * object's own `confidential` array; every string is passed through `scrubText`; every element of a `parties` array
 * whose `kind` is `person` or `organization` is reduced to a `PublicParty`; numbers, booleans and null are unchanged.
 */
export function redactPublic(value: unknown): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (Array.isArray(value)) return value.map(redactPublic);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const marked = Array.isArray(record.confidential) ? record.confidential : [];
  const kept = Object.entries(record).filter(([key]) => !WITHHELD.has(key) && !marked.includes(key));
  // Object.fromEntries defines own members, so a member named `__proto__` cannot replace the copy's prototype.
  return Object.fromEntries(
    kept.map(([key, member]) => [
      key,
      key === 'parties' && Array.isArray(member) ? member.map(publicParty) : redactPublic(member),
    ]),
  );
}

function publicParty(element: unknown): unknown {
  const redacted = redactPublic(element);
  if (!isPartyLike(redacted)) return redacted;
  return redactParty({ kind: redacted.kind, name: typeof redacted.name === 'string' ? redacted.name : '' });
}

function isPartyLike(value: unknown): value is { kind: Party['kind']; name?: unknown } {
  if (value === null || typeof value !== 'object') return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === 'person' || kind === 'organization';
}
