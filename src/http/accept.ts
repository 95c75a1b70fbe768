import type { Request } from 'express';

/** One media range of an `Accept` header: `type/subtype` (either may be `*`), its parameters and its weight. */
interface MediaRange {
  readonly type: string;
  readonly subtype: string;
  readonly params: ReadonlyMap<string, string>;
  readonly q: number;
}

function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const part of header.split(',')) {
    const [range, ...rest] = part.split(';').map((s) => s.trim());
    const match = /^([!#$%&'*+.^_`|~0-9a-z-]+)\/([!#$%&'*+.^_`|~0-9a-z-]+)$/i.exec(range ?? '');
    if (!match) continue;
    let q = 1;
    const params = new Map<string, string>();
    for (const p of rest) {
      const eq = p.indexOf('=');
      if (eq < 0) continue;
      const name = p.slice(0, eq).trim().toLowerCase();
      const value = p
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1');
      if (name === 'q') {
        const weight = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value) ? Number(value) : NaN;
        q = Number.isNaN(weight) ? 0 : weight;
      } else params.set(name, value.toLowerCase());
    }
    ranges.push({ type: match[1]!.toLowerCase(), subtype: match[2]!.toLowerCase(), params, q });
  }
  return ranges;
}

/**
 * The weight `Accept` gives `mediaType` (`type/subtype`, with parameters or not): that of the most specific range
 * that matches it (RFC 9110 §12.5.1: `text/csv;charset=utf-8` before `text/csv` before `text/*` before `*\/*`), 0
 * when none does. A `charset` the offered type does not name is UTF-8, which every text the service sends is in.
 */
function weightOf(ranges: readonly MediaRange[], mediaType: string): number {
  const [essence, ...paramParts] = mediaType.split(';').map((s) => s.trim());
  const [type, subtype] = essence!.toLowerCase().split('/');
  const params = new Map(
    paramParts.map((p) => {
      const eq = p.indexOf('=');
      return [
        p.slice(0, eq).trim().toLowerCase(),
        p
          .slice(eq + 1)
          .trim()
          .toLowerCase(),
      ] as const;
    }),
  );
  let best = -1;
  let weight = 0;
  for (const range of ranges) {
    const typeMatches = range.type === '*' || range.type === type;
    const subtypeMatches = range.subtype === '*' || range.subtype === subtype;
    if (!typeMatches || !subtypeMatches) continue;
    // every text the service sends is UTF-8: an offered type that names no charset has that one
    const offeredParam = (name: string) => params.get(name) ?? (name === 'charset' ? 'utf-8' : undefined);
    if ([...range.params].some(([name, value]) => offeredParam(name) !== value)) continue;
    const specificity = (range.type === '*' ? 0 : 1) + (range.subtype === '*' ? 0 : 1) + range.params.size;
    if (specificity > best) {
      best = specificity;
      weight = range.q;
    }
  }
  return best < 0 ? 0 : weight;
}

/**
 * Which of the representations a route can give the request's `Accept` prefers: the one it weighs highest, and on a
 * tie the first of `offered` (so a route lists its default first: JSON, or HTML for the pages), whatever order the
 * header names them in, as equal weights state no preference. No `Accept`, or an empty one, takes the first; none
 * acceptable is `false`.
 */
export function preferredType(req: Request, offered: readonly string[]): string | false {
  const header = req.get('accept');
  if (header === undefined || header.trim() === '') return offered[0] ?? false;
  const ranges = parseAccept(header);
  let chosen: string | false = false;
  let chosenWeight = 0;
  for (const type of offered) {
    const weight = weightOf(ranges, type);
    if (weight > chosenWeight) {
      chosen = type;
      chosenWeight = weight;
    }
  }
  return chosen;
}
