import { isUtf8 } from 'node:buffer';

/**
 * What makes a JSON body one that parsers may read differently, though `JSON.parse` takes it: bytes that are not
 * UTF-8 (decoded, they would become U+FFFD, and the ledger would sign its own reading of them), or an object with a
 * member name twice (one parser keeps the first, another the last, as `JSON.parse` does). RFC 8785, which the
 * signed envelope is built on, takes I-JSON (RFC 7493): UTF-8 and unique member names. Returns what is wrong, with
 * a JSON Pointer to where, never a value; undefined when nothing is (text that is not JSON at all is left to the
 * parser, which says so).
 */
export function ambiguousJson(body: Uint8Array): { readonly reason: string; readonly pointer?: string } | undefined {
  if (!isUtf8(body)) return { reason: 'the body is not valid UTF-8' };
  const pointer = duplicateMember(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
  return pointer === undefined ? undefined : { reason: 'an object has a member name twice', pointer };
}

/**
 * Levels of nesting the scan follows: far beyond what any body may hold (src/ledger/json-bounds.ts refuses more than
 * 32 once the body is parsed), so that a body of nothing but `{"a":` costs one small frame per level and no more.
 */
const MAX_SCANNED_DEPTH = 1_000;

/** An object being read: its member names so far, and whether a name comes next. */
interface ObjectFrame {
  /** Its first member's name; the set of them is made only when a second comes. */
  first: string | undefined;
  names: Set<string> | undefined;
  name: boolean;
  /** The member being read (its name), for the pointer. */
  at: string;
}

/** An array being read: the index of the element being read. */
interface ArrayFrame {
  index: number;
}

/**
 * The JSON Pointer (RFC 6901) of the second member of one object to have a name the object already has, in JSON
 * text; undefined when there is none, or the text is not JSON far enough to tell. A single pass over the text that
 * keeps only the names of the objects it is in.
 */
export function duplicateMember(text: string): string | undefined {
  const stack: (ObjectFrame | ArrayFrame)[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      let escaped = false;
      while (j < text.length && text.charCodeAt(j) !== 0x22) {
        if (text.charCodeAt(j) === 0x5c /* \ */) {
          escaped = true;
          j += 2;
        } else j++;
      }
      if (j >= text.length) return undefined; // not JSON: the parser says so
      const top = stack[stack.length - 1];
      if (top !== undefined && 'names' in top && top.name) {
        const raw = text.slice(i, j + 1);
        let name: string;
        try {
          name = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        } catch {
          return undefined;
        }
        top.at = name;
        if (top.first === undefined) top.first = name;
        else {
          top.names ??= new Set([top.first]);
          if (top.names.has(name)) return pointerOf(stack);
          top.names.add(name);
        }
        top.name = false;
      }
      i = j;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= MAX_SCANNED_DEPTH) return undefined; // refused by the bounds once parsed
      stack.push(c === 0x7b ? { first: undefined, names: undefined, name: true, at: '' } : { index: 0 });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) stack.pop();
    else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top === undefined) return undefined;
      if ('names' in top) top.name = true;
      else top.index += 1;
    }
  }
  return undefined;
}

function pointerOf(stack: readonly (ObjectFrame | ArrayFrame)[]): string {
  return stack
    .map((frame) => '/' + ('names' in frame ? frame.at.replace(/~/g, '~0').replace(/\//g, '~1') : String(frame.index)))
    .join('');
}
