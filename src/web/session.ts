import { chooseLocale } from './i18n.js';
import { timingSafeEqual } from 'node:crypto';
import express, { type Request, type RequestHandler, type Response } from 'express';
import { bearerToken, Unauthenticated, type Principal } from '../app/auth.js';
import type { Role } from '../domain/actor.js';
import { RuleViolation } from '../domain/errors.js';
import { CsrfRefused } from '../errors.js';
import { html, type Html } from './html.js';
import type { PortalUser } from './layout.js';
import type { Session, Sessions } from './sessions.js';

/** The largest form body a portal form may post (`413 too_large` beyond). */
export const FORM_LIMIT_BYTES = 1_048_576;
/** The form field, and the header for scripts, that carry the session's CSRF token. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The session layer, before {@link portalIdentity}: a browser's live session (its sealed cookie, see
 * {@link Sessions}) becomes the request's principal (`res.locals.principal`), with its CSRF token
 * (`res.locals.csrfToken`) and the session itself (`res.locals.session`).
 */
export function portalSessions(sessions: Sessions): RequestHandler {
  return (req, res, next) => {
    if (res.locals.session === undefined) {
      const session = sessions.read(req, res);
      if (session) useSession(res, session);
    }
    next();
  };
}

/** Makes `session` the request's: its principal, CSRF token and display name. */
export function useSession(res: Response, session: Session): void {
  res.locals.session = session;
  res.locals.principal = session.principal;
  res.locals.csrfToken = session.csrf;
  if (session.name !== undefined) res.locals.displayName = session.name;
}

/**
 * A route a browser reaches with its session cookie and a script or another service with a bearer token (the
 * supervision dashboard's live feed): the session when there is one, else the bearer token; neither is
 * `401 unauthenticated`. For a route outside the portal's router, which has not read the session.
 */
export function sessionOrBearer(sessions: Sessions, verify: (token: string) => Principal): RequestHandler {
  return (req, res, next) => {
    if (res.locals.principal === undefined) {
      const session = sessions.read(req, res);
      if (session) useSession(res, session);
      else {
        res.locals.principal = verify(bearerToken(req.get('authorization')));
        res.locals.bearer = true;
      }
    }
    next();
  };
}

/**
 * Who is using the portal. A page request may carry the same bearer token as the API (`Authorization: Bearer`, for
 * scripts and tests); a browser signs in and carries a session cookie instead (the sign-in layer sets
 * `res.locals.principal` from it before this runs). Either way the page sees one `Principal`, the API's, so the
 * same scope rules apply to both.
 */
export function portalIdentity(verify: (token: string) => Principal): RequestHandler {
  return (req, res, next) => {
    if (!res.locals.principal && req.get('authorization') !== undefined) {
      res.locals.principal = verify(bearerToken(req.get('authorization')));
      res.locals.bearer = true;
    }
    const principal = res.locals.principal as Principal | undefined;
    if (principal) {
      const name = res.locals.displayName as string | undefined;
      const user: PortalUser = {
        sub: principal.sub,
        agency: principal.agency,
        roles: principal.roles,
        ...(name === undefined ? {} : { name }),
      };
      res.locals.portalUser = user;
    }
    next();
  };
}

/**
 * Names the page a form posted to a path that answers no GET is on (`POST /cases` is the form of `/cases/new`), before
 * anything can refuse it: the refusal's page links there (its language switch, and after a session that ended, the
 * way back once signed in again).
 */
export function formPageIs(page: string): RequestHandler {
  return (_req, res, next) => {
    res.locals.formPage = page;
    next();
  };
}

/** The signed-in principal of a page that {@link signedIn} guards. */
export function portalPrincipal(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new Unauthenticated('sign in first');
  return principal;
}

/**
 * A screen the reader's roles do not open: answered by the error page (403), never by the screen's own form, which
 * shows its refusals of what the reader may do on it.
 */
export class ScreenForbidden extends RuleViolation {
  constructor(roles: readonly Role[]) {
    super('forbidden', 403, `this needs the role ${roles.join(' or ')}`);
  }
}

/**
 * The page needs someone signed in (with one of `roles`, when given): a browser that is not is sent to `/signin`,
 * to come back afterwards; a signed-in user without the role gets `403 forbidden`.
 */
export function signedIn(...roles: Role[]): RequestHandler {
  return (req, res, next) => {
    const principal = res.locals.principal as Principal | undefined;
    if (!principal) {
      if (req.method === 'GET' || req.method === 'HEAD') {
        // a language the link asks for (`?lang=en`) is the sign-in page's too, not only the page's after it
        const lang = req.query.lang === undefined ? '' : `&lang=${chooseLocale(req)}`;
        res.redirect(303, `/signin?next=${encodeURIComponent(req.originalUrl)}${lang}`);
        return;
      }
      throw new Unauthenticated('sign in first');
    }
    if (roles.length > 0 && !roles.some((role) => principal.roles.includes(role))) throw new ScreenForbidden(roles);
    next();
  };
}

/**
 * The hidden field a state-changing form carries against cross-site request forgery. The sign-in layer puts the
 * session's token in `res.locals.csrfToken`; a request authenticated by a bearer token needs none.
 */
export function csrfField(res: Response): Html {
  const token = res.locals.csrfToken as string | undefined;
  return token ? html`<input type="hidden" name="_csrf" value="${token}" />` : html``;
}

const parseForm = express.urlencoded({ extended: false, limit: FORM_LIMIT_BYTES, parameterLimit: 1000 });

/**
 * Guards a state-changing portal request (a form's POST) against cross-site request forgery, after the route's
 * {@link signedIn}: a request authenticated by its session must carry the session's token (the form field
 * `_csrf` of {@link csrfField}, the `X-CSRF-Token` header from a script, or for an uploading form, whose body is
 * read later, `?_csrf=` in its action URL) and must not come from another site
 * by what the browser says (`Origin`, `Sec-Fetch-Site`). A form body (`application/x-www-form-urlencoded`) is
 * parsed here into `req.body` for the route. A request with a bearer token carries no ambient credential and
 * needs none of this. Anything else is `403 csrf_failed`, before the route changes anything.
 */
export const requireCsrf: RequestHandler = (req, res, next) => {
  if (res.locals.bearer === true) return next();
  refuseCrossSite(req);
  const session = res.locals.session as Session | undefined;
  const check = () => {
    const body = req.body as Record<string, unknown> | undefined;
    // an uploading form's body is read only after this check, so its token rides in the action's query
    const uploading = req.is('multipart/form-data') === 'multipart/form-data';
    const given = req.get(CSRF_HEADER) ?? body?.[CSRF_FIELD] ?? (uploading ? req.query[CSRF_FIELD] : undefined);
    if (!session) return next(new CsrfRefused('no signed-in session to check the form against'));
    if (typeof given !== 'string' || !sameToken(given, session.csrf)) {
      return next(new CsrfRefused("the form does not carry this session's CSRF token"));
    }
    next();
  };
  if (req.is('application/x-www-form-urlencoded')) parseForm(req, res, (err?: unknown) => (err ? next(err) : check()));
  else check();
};

/**
 * Refuses a request its browser says came from another site: a `Sec-Fetch-Site` other than `same-origin`, or an
 * `Origin` other than this service's own (the scheme and host the request was addressed to, as `TRUST_PROXY` lets
 * the service see them). A browser sends `Origin: null` with a form from a page whose referrer policy is
 * `no-referrer` (the service's default), which is accepted only when `Sec-Fetch-Site` vouches for it. A client
 * that sends neither header is judged by its token alone.
 */
export function refuseCrossSite(req: Request): void {
  const site = req.get('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin') throw new CsrfRefused('the request comes from another site');
  const origin = req.get('origin');
  if (origin === undefined || origin === `${req.protocol}://${req.host}`) return;
  if (origin === 'null' && site === 'same-origin') return;
  throw new CsrfRefused('the request comes from another origin');
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
