/** A browser's view of the portal over plain fetch: redirects followed by hand, cookies kept per name. */

export interface CookieSet {
  readonly name: string;
  readonly value: string;
  /** Attributes as sent, lower-cased names (`httponly`, `samesite`, `path`, `max-age`, `secure`). */
  readonly attributes: Readonly<Record<string, string>>;
}

export function parseSetCookie(line: string): CookieSet {
  const [pair = '', ...rest] = line.split(';').map((part) => part.trim());
  const at = pair.indexOf('=');
  const attributes: Record<string, string> = {};
  for (const attribute of rest) {
    const eq = attribute.indexOf('=');
    if (eq < 0) attributes[attribute.toLowerCase()] = '';
    else attributes[attribute.slice(0, eq).toLowerCase()] = attribute.slice(eq + 1);
  }
  return { name: pair.slice(0, at), value: pair.slice(at + 1), attributes };
}

export function setCookies(res: Response): CookieSet[] {
  return res.headers.getSetCookie().map(parseSetCookie);
}

/** A cookie jar for one origin: what `Set-Cookie` says is kept (Max-Age=0 deletes). */
export class Jar {
  readonly #cookies = new Map<string, string>();

  take(res: Response): void {
    for (const cookie of setCookies(res)) {
      if (cookie.attributes['max-age'] === '0' || cookie.value === '') this.#cookies.delete(cookie.name);
      else this.#cookies.set(cookie.name, cookie.value);
    }
  }

  get(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  set(name: string, value: string): void {
    this.#cookies.set(name, value);
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * A same-origin request as a browser's page would make it (its Origin and Sec-Fetch-Site), with the jar; a header
 * given as '' is left out.
 */
export async function browse(
  base: string,
  jar: Jar,
  route: string,
  init: { method?: string; form?: Record<string, string | readonly string[]>; headers?: Record<string, string> } = {},
): Promise<{ res: Response; text: string }> {
  const method = init.method ?? (init.form ? 'POST' : 'GET');
  const headers: Record<string, string> = { accept: 'text/html', cookie: jar.header(), ...(init.headers ?? {}) };
  if (method !== 'GET') {
    headers.origin ??= base;
    headers['sec-fetch-site'] ??= 'same-origin';
  }
  for (const [name, value] of Object.entries(headers)) if (value === '') delete headers[name]; // '': leave it out
  let body: string | undefined;
  if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    // a field sent more than once (a group of checkboxes) is a list
    body = new URLSearchParams(
      Object.entries(init.form).flatMap(([k, v]) => [v].flat().map((x): [string, string] => [k, x])),
    ).toString();
  }
  const res = await fetch(base + route, { method, headers, redirect: 'manual', ...(body ? { body } : {}) });
  jar.take(res);
  return { res, text: await res.text() };
}

/** The CSRF token of the page's first form (its hidden `_csrf` field). */
export function csrfOf(page: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(page);
  if (!match) throw new Error('the page has no CSRF field');
  return match[1]!;
}

/** The text of a page's table row holding `<code>{code}</code>` (its cells' text, spaces collapsed), or ''. */
export function rowWithCode(page: string, code: string): string {
  const row =
    page
      .split('<tr>')
      .find((r) => r.includes(`<code>${code}</code>`))
      ?.split('</tr>')[0] ?? '';
  return row
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
