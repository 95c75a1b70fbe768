import type { RequestHandler, Response } from 'express';
import { bearerToken, type Principal } from '../app/auth.js';
import type { Role } from '../domain/actor.js';
import { RuleViolation } from '../domain/errors.js';
import { LedgerError } from '../errors.js';

/** A request header the service cannot read one way only (given twice, where it must be given once). */
export class AmbiguousHeader extends LedgerError {
  readonly code = 'ambiguous_header';
  readonly status = 400;
}

/**
 * Refuses a request with more than one `Authorization` header: Node keeps the first and drops the others, and a
 * proxy in front may have read another one, so the request has no single meaning (`400 ambiguous_header`).
 */
export const singleAuthorization: RequestHandler = (req, _res, next) => {
  if ((req.headersDistinct.authorization?.length ?? 0) > 1) {
    throw new AmbiguousHeader('the request carries more than one Authorization header', { header: 'authorization' });
  }
  next();
};

/** Verifies the bearer token and keeps the principal for the route; any failure is `401 unauthenticated`. */
export function authenticate(verify: (token: string) => Principal): RequestHandler {
  return (req, res, next) => {
    res.locals.principal = verify(bearerToken(req.get('authorization')));
    next();
  };
}

export function principalOf(res: Response): Principal {
  return res.locals.principal as Principal;
}

/** The route needs one of these roles (`403 forbidden` otherwise). */
export function requireRoles(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const principal = principalOf(res);
    if (!roles.some((role) => principal.roles.includes(role))) {
      throw new RuleViolation('forbidden', 403, `this needs the role ${roles.join(' or ')}`, { roles });
    }
    next();
  };
}

/** May this principal read the records of `agency` (the rule lives with the case reads). */
export { canRead } from '../app/case-reads.js';
