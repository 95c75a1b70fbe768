import fc from 'fast-check';

/**
 * Generators of JSON *text* for fuzzing the HTTP API: valid-shaped bodies with one or two hostile values, and truly
 * random JSON. Text, not values, because some hostile inputs cannot be made by `JSON.stringify` (`1e999`, a lone
 * surrogate escape inside a key, a member named `__proto__`, 5,000 levels of nesting).
 */

/** A path into a JSON template: member names and array indexes. */
export type JsonPath = readonly (string | number)[];

/** Hostile strings, as JSON text: lone surrogates, controls, bidi overrides, BOM, non-characters, combining marks. */
const hostileString = fc.oneof(
  fc.constantFrom(
    '"\\ud800"',
    '"abc\\udfff"',
    '"\\ud83d"',
    '"\\udc00\\ud800"',
    '"\\u0000"',
    '"a\\u0000b"',
    JSON.stringify('\u202e\u202dabc'),
    JSON.stringify('\ufeff'),
    JSON.stringify('\uffff\ufffe'),
    JSON.stringify('e\u0301\u0301\u0301'),
    JSON.stringify('😀'.repeat(40)),
    JSON.stringify('𠜎𠜱𠝹'),
    JSON.stringify(' '),
    JSON.stringify(''),
    JSON.stringify('\t\n\r'),
    JSON.stringify('<script>alert(1)</script>'),
    JSON.stringify('../../etc/passwd'),
    JSON.stringify("'; DROP TABLE events; --"),
    JSON.stringify('140521199001011234'),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => JSON.stringify(s)),
  // lone surrogates written as raw characters: JSON.stringify escapes them, so build the text by hand
  fc
    .string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 3 })
    .map((s) => `"${s}"`),
);

/** Numbers JSON can write and JavaScript cannot hold, or that a careless parser gets wrong. */
const hostileNumber = fc.constantFrom(
  '1e999',
  '-1e999',
  '1e-999',
  '-0',
  '0.1',
  '1.5',
  '-1',
  '123456789012345678901234567890',
  '9007199254740993',
  '1.7976931348623157e308',
  '5e-324',
  '1E2',
);

/** Values of the wrong type, or numbers and booleans written as strings. */
const wrongType = fc.constantFrom(
  'null',
  'true',
  'false',
  '[]',
  '{}',
  '0',
  '"500000"',
  '"1e3"',
  '"true"',
  '"null"',
  '[1,2,3]',
  '[null]',
  '{"":""}',
);

/** Nesting far beyond any sane document: arrays, objects, or both. */
const deep = fc
  .tuple(fc.constantFrom(33, 64, 200, 1_000, 5_000), fc.constantFrom('array', 'object', 'mixed'))
  .map(([depth, kind]) => {
    if (kind === 'array') return '['.repeat(depth) + ']'.repeat(depth);
    if (kind === 'object') return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    return '[{"a":'.repeat(depth / 2) + 'null' + '}]'.repeat(depth / 2);
  });

/** Long strings and arrays (kept under the JSON body limit, which a separate test covers). */
const huge = fc.oneof(
  fc.constantFrom(1_000, 10_001, 100_000).map((n) => JSON.stringify('长'.repeat(n))),
  fc.constantFrom(1_001, 10_000).map((n) => `[${Array.from({ length: n }, (_, i) => i).join(',')}]`),
  fc.constant(`{${Array.from({ length: 5_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`),
);

/** Any hostile JSON value, as text. */
export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 4, arbitrary: hostileNumber },
  { weight: 4, arbitrary: wrongType },
  { weight: 2, arbitrary: deep },
  { weight: 1, arbitrary: huge },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
);

/** Member names a careless merge turns into prototype pollution, and other odd keys. */
export const hostileKey = fc.oneof(
  fc.constantFrom(
    '"__proto__"',
    '"constructor"',
    '"prototype"',
    '"hasOwnProperty"',
    '"toString"',
    '"\\ud800"',
    '""',
    '"officers"',
    '"type"',
  ),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
);

/** Every path of a template (objects, arrays and leaves), the root excepted. */
export function pathsOf(value: unknown, prefix: JsonPath = []): JsonPath[] {
  if (value === null || typeof value !== 'object') return [];
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value as Record<string, unknown>);
  return children.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

type Edit =
  | { kind: 'replace'; path: JsonPath; text: string }
  | { kind: 'delete'; path: JsonPath }
  | { kind: 'add'; path: JsonPath; key: string; text: string };

/** The template as JSON text with one edit made: a value replaced by text, a member deleted, or a member added. */
export function render(value: unknown, edit: Edit, at: JsonPath = []): string {
  const here = at.length === edit.path.length && at.every((k, i) => k === edit.path[i]);
  if (here && edit.kind === 'replace') return edit.text;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const onPath = edit.path.length > at.length && at.every((k, i) => k === edit.path[i]);
  const child = (key: string | number, v: unknown) => (onPath ? render(v, edit, [...at, key]) : JSON.stringify(v));
  const isDeleted = (key: string | number) =>
    edit.kind === 'delete' && edit.path.length === at.length + 1 && onPath && edit.path[at.length] === key;
  if (Array.isArray(value)) {
    return `[${value.flatMap((v, i) => (isDeleted(i) ? [] : [child(i, v)])).join(',')}]`;
  }
  const members = Object.entries(value as Record<string, unknown>)
    .filter(([key]) => !isDeleted(key))
    .map(([key, v]) => `${JSON.stringify(key)}:${child(key, v)}`);
  if (here && edit.kind === 'add') members.push(`${edit.key}:${edit.text}`);
  return `{${members.join(',')}}`;
}

/**
 * Bodies shaped like `template` with something hostile in them: one value replaced, a member deleted, a hostile
 * member added (at the root or in any object), or two of these one after the other.
 */
export function hostileBodies(template: unknown): fc.Arbitrary<string> {
  const paths = pathsOf(template);
  const objects: JsonPath[] = [[], ...paths.filter((p) => isObjectAt(template, p))];
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('replace' as const),
        path: fc.constantFrom(...paths),
        text: hostileValue,
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...paths) }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('add' as const),
        path: fc.constantFrom(...objects),
        key: hostileKey,
        text: hostileValue,
      }),
    },
  );
  return fc.oneof(
    { weight: 4, arbitrary: edit.map((e) => render(template, e)) },
    // two edits: the first applied to the template, the second to the (re-parsed, when it still parses) result
    {
      weight: 1,
      arbitrary: fc.tuple(edit, edit).map(([first, second]) => {
        const once = render(template, first);
        try {
          return render(JSON.parse(once), second);
        } catch {
          return once;
        }
      }),
    },
  );
}

function isObjectAt(value: unknown, path: JsonPath): boolean {
  let node = value;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node !== null && typeof node === 'object' && !Array.isArray(node);
}

/** Truly random JSON, and text that is not JSON at all. */
export const randomBody: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', '{', '{"a":', '[1,]', '{"a":1,}', 'NaN', 'Infinity', 'undefined', "{'a':1}", '\u0000'),
);
