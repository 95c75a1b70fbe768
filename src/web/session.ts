import type { RequestHandler, Response } from 'express';
import { bearerToken, Unauthenticated, type Principal } from '../app/auth.js';
import type { Role } from '../domain/actor.js';
import { RuleViolation } from '../domain/errors.js';
import { html, type Html } from './html.js';
import type { PortalUser } from './layout.js';

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
      const user: PortalUser = { sub: principal.sub, agency: principal.agency, roles: principal.roles };
      res.locals.portalUser = user;
    }
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
 * The page needs someone signed in (with one of `roles`, when given): a browser that is not is sent to `/signin`,
 * to come back afterwards; a signed-in user without the role gets `403 forbidden`.
 */
export function signedIn(...roles: Role[]): RequestHandler {
  return (req, res, next) => {
    const principal = res.locals.principal as Principal | undefined;
    if (!principal) {
      if (req.method === 'GET' || req.method === 'HEAD') {
        res.redirect(303, `/signin?next=${encodeURIComponent(req.originalUrl)}`);
        return;
      }
      throw new Unauthenticated('sign in first');
    }
    if (roles.length > 0 && !roles.some((role) => principal.roles.includes(role))) {
      throw new RuleViolation('forbidden', 403, `this needs the role ${roles.join(' or ')}`);
    }
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
