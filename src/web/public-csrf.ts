import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { CsrfRefused } from '../errors.js';
import { cookieName, readCookie, setCookie } from './sealed-cookie.js';
import { CSRF_FIELD, refuseCrossSite } from './session.js';

/**
 * CSRF protection of the public forms, which have no session to keep a token in: a double-submit cookie. The form's
 * page sets a random token in an `HttpOnly`, `SameSite=Strict` cookie (`__Host-`/`__Secure-` named over HTTPS, so a
 * sibling domain cannot plant one) and puts the same token in the form; a post must carry both, equal, and must not
 * come from another site by what the browser says (`Origin`, `Sec-Fetch-Site`). Another site can neither read the
 * cookie nor make the browser send it with a cross-site post.
 */
export const PUBLIC_CSRF_COOKIE = 'apply_csrf';
/** The cookie lasts two hours: long enough to fill in a form. */
export const PUBLIC_CSRF_SECONDS = 2 * 60 * 60;
const PATH = '/apply';

export interface PublicCsrf {
  /** The token of this browser (set in its cookie when it had none), for the form's hidden field. */
  token(req: Request, res: Response): string;
  /**
   * Checks a post: a form posts the token in its `_csrf` field, an uploading form (whose body is read later) in the
   * action's query; `403 csrf_failed` otherwise, before anything is read or changed.
   */
  readonly check: RequestHandler;
}

export function publicCsrf(secure: (req: Request) => boolean): PublicCsrf {
  const name = (req: Request) => cookieName(PUBLIC_CSRF_COOKIE, secure(req), PATH);
  return {
    token(req, res) {
      const held = readCookie(req, name(req));
      if (held !== undefined && /^[A-Za-z0-9_-]{43}$/.test(held)) return held;
      const token = randomBytes(32).toString('base64url');
      setCookie(res, name(req), token, {
        path: PATH,
        sameSite: 'Strict',
        maxAge: PUBLIC_CSRF_SECONDS,
        secure: secure(req),
      });
      return token;
    },
    check(req, _res, next) {
      refuseCrossSite(req);
      const held = readCookie(req, name(req));
      const body = req.body as Record<string, unknown> | undefined;
      const given = body?.[CSRF_FIELD] ?? req.query[CSRF_FIELD];
      if (held === undefined || typeof given !== 'string' || !same(held, given)) {
        throw new CsrfRefused('the form does not carry the token of its page; open the form again');
      }
      next();
    },
  };
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
