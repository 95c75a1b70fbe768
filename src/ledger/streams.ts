/**
 * Stream names. Every stream that belongs to an agency is named `<category>-<agency>:<id>`, each part escaped so
 * that no two (agency, id) pairs can give the same name: any character outside `A-Z a-z 0-9 . _ -` is written as
 * `%XX` (its UTF-8 bytes in upper-case hex), so `:` and `%` never appear unescaped inside a part. Identifiers that
 * the schemas accept (`^[A-Za-z0-9][A-Za-z0-9._-]*$`) are therefore written as they are, and the name stays
 * readable; the escaping is a second wall behind the schemas, not the first.
 *
 * The category ends at the first `-` (EventStoreDB's `$by_category` convention), and the agency part ends at the
 * first `:`.
 */
export function agencyStream(category: string, agency: string, id: string): string {
  return `${category}-${escapePart(agency)}:${escapePart(id)}`;
}

/** The agency and id of a stream named by {@link agencyStream}, or `undefined` for a name of another shape. */
export function parseAgencyStream(
  stream: string,
): { readonly category: string; readonly agency: string; readonly id: string } | undefined {
  const dash = stream.indexOf('-');
  const colon = stream.indexOf(':', dash + 1);
  if (dash <= 0 || colon < 0 || stream.indexOf(':', colon + 1) >= 0) return undefined;
  // a name without escapes (every name of identifiers the schemas accept) reads as it is written
  const escaped = stream.includes('%');
  try {
    return {
      category: stream.slice(0, dash),
      agency: escaped ? decodeURIComponent(stream.slice(dash + 1, colon)) : stream.slice(dash + 1, colon),
      id: escaped ? decodeURIComponent(stream.slice(colon + 1)) : stream.slice(colon + 1),
    };
  } catch {
    return undefined; // a malformed escape: not a name this function made
  }
}

/** The characters a part keeps as they are. */
const UNESCAPED = /^[A-Za-z0-9._-]*$/;

function escapePart(part: string): string {
  if (UNESCAPED.test(part)) return part;
  return encodeURIComponent(part).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
