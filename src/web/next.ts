/** The longest `next` kept; a longer one is dropped for the home page. */
export const MAX_NEXT_LENGTH = 2048;
const BASE = 'http://portal.invalid';

/**
 * Where to send a reader after signing in: `next` if it is a path of this site (`/…`), else the home page. No
 * scheme, host or scheme-relative `//host` (nor `/\host`, which browsers read alike), no control characters, and
 * never back to the sign-in or sign-out routes: the portal redirects nowhere else (no open redirect).
 */
export function safeNext(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length > MAX_NEXT_LENGTH) return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\') || hasControl(raw)) return '/';
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  // checked again once `.` and `..` are resolved: `/..//evil.example` resolves to the scheme-relative `//evil.example`
  if (url.pathname.startsWith('//')) return '/';
  if (/^\/(signin|signout)(\/|$)/.test(url.pathname)) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Control characters (C0 and DEL), which browsers strip from URLs, so that `/\t/evil` would become `//evil`. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
