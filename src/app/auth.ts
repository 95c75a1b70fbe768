import jwt from 'jsonwebtoken';
import { LedgerError } from '../errors.js';
import type { Role } from '../domain/actor.js';
import type { JwtAlgorithm, TrustedKey } from '../ports/token-keys.js';
import { ID_PATTERN } from '../domain/streams.js';
import { hasLoneSurrogate } from '../ledger/canonical-json.js';

export type { JwtAlgorithm, TrustedKey } from '../ports/token-keys.js';

/** Who calls the API, as a verified bearer token says. */
export interface Principal {
  readonly sub: string;
  readonly agency: string;
  readonly roles: readonly Role[];
  /** Agencies whose cases this principal may read besides its own. */
  readonly supervises: readonly string[];
}

/** No usable credentials. The message is a short reason; it never echoes the token or its claims. */
export class Unauthenticated extends LedgerError {
  readonly code = 'unauthenticated';
  readonly status = 401;
}

export interface TokenVerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  /** The only algorithms accepted; the token's own `alg` merely picks one of them. */
  readonly algorithms: readonly JwtAlgorithm[];
  readonly clockSkewSeconds: number;
  readonly keys: readonly TrustedKey[];
  readonly now: () => Date;
  /** Longest accepted `exp − (iat ?? nbf)`, and longest time left before `exp`; unset: no limit. */
  readonly maxLifetimeSeconds?: number;
}

export const MAX_TOKEN_LENGTH = 8 * 1024;

/** Header parameters that name or embed a key: we never fetch or trust a key a token brings along. */
const KEY_BEARING_HEADERS = ['jku', 'x5u', 'x5c', 'jwk'] as const;
const ASYMMETRIC = /^(ES|RS|PS)(256|384|512)$/;
const KNOWN_ROLES: Readonly<Record<Role, true>> = {
  officer: true,
  reviewer: true,
  supervisor: true,
  admin: true,
  integration: true,
};

/** `Authorization: Bearer <token>` (RFC 6750; the scheme is case-insensitive) → the token. */
export function bearerToken(authorization: string | undefined): string {
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i.exec(authorization ?? '');
  if (!match) throw new Unauthenticated('missing bearer token');
  return match[1]!;
}

/**
 * A verifier of bearer JWTs against configured keys, issuer, audience and algorithms. Misconfiguration (an
 * HMAC or `none` algorithm, no keys, a private key, a duplicate key id) throws at creation, not per request.
 */
export function createTokenVerifier(options: TokenVerifierOptions): (token: string) => Principal {
  const algorithms = [...options.algorithms];
  for (const algorithm of algorithms) {
    if (!ASYMMETRIC.test(algorithm)) throw new TypeError(`token algorithm ${algorithm} is not allowed`);
  }
  if (algorithms.length === 0) throw new TypeError('no token algorithms configured');
  if (options.keys.length === 0) throw new TypeError('no trusted token keys');
  const byKid = new Map<string, TrustedKey>();
  for (const trusted of options.keys) {
    if (trusted.key.type !== 'public') throw new TypeError(`trusted token key ${trusted.kid} is not a public key`);
    if (byKid.has(trusted.kid)) throw new TypeError(`trusted token key id ${trusted.kid} is used twice`);
    byKid.set(trusted.kid, trusted);
  }
  const only = options.keys.length === 1 ? options.keys[0] : undefined;

  return (token) => {
    if (token.length > MAX_TOKEN_LENGTH) throw new Unauthenticated('token too large');
    const header = headerOf(token);
    for (const name of KEY_BEARING_HEADERS) {
      if (name in header) throw new Unauthenticated(`header parameter ${name} not accepted`);
    }
    // RFC 7515 §4.1.11: a critical extension we do not understand (we understand none) must be refused.
    if ('crit' in header) throw new Unauthenticated('header parameter crit not accepted');
    if (typeof header.alg !== 'string' || !(algorithms as string[]).includes(header.alg)) {
      throw new Unauthenticated('algorithm not allowed');
    }
    const trusted = selectKey(header.kid, byKid, only);

    const clockTimestamp = Math.floor(options.now().getTime() / 1000);
    let claims: string | jwt.JwtPayload;
    try {
      claims = jwt.verify(token, trusted.key, {
        algorithms,
        issuer: options.issuer,
        audience: options.audience,
        clockTolerance: options.clockSkewSeconds,
        clockTimestamp,
      });
    } catch (err) {
      throw new Unauthenticated(reasonOf(err));
    }
    if (typeof claims !== 'object' || claims === null) throw new Unauthenticated('malformed token');
    checkTimes(claims, options, clockTimestamp);
    return principalOf(claims);
  };
}

function headerOf(token: string): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3 || !/^[A-Za-z0-9_-]+$/.test(parts[0]!)) throw new Unauthenticated('malformed token');
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
  } catch {
    throw new Unauthenticated('malformed token');
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    throw new Unauthenticated('malformed token');
  }
  return header as Record<string, unknown>;
}

/** Why a token whose key id names no trusted key is refused, and what to do. */
export const UNKNOWN_KEY =
  "unknown key id: signed by a key this service does not trust (a retired token key, or another issuer's); get a new token";

function selectKey(kid: unknown, byKid: ReadonlyMap<string, TrustedKey>, only: TrustedKey | undefined): TrustedKey {
  if (kid === undefined) {
    if (!only) throw new Unauthenticated('token has no key id');
    return only;
  }
  if (typeof kid !== 'string') throw new Unauthenticated('malformed key id');
  const trusted = byKid.get(kid);
  if (!trusted) throw new Unauthenticated(UNKNOWN_KEY);
  return trusted;
}

/** jsonwebtoken's failures → short reasons (never its messages, which may quote expected values). */
function reasonOf(err: unknown): string {
  if (err instanceof jwt.TokenExpiredError) return 'token expired';
  if (err instanceof jwt.NotBeforeError) return 'token not yet valid';
  const message = err instanceof Error ? err.message : '';
  if (message === 'invalid signature') return 'invalid signature';
  if (message === 'invalid algorithm') return 'algorithm not allowed';
  if (message === 'jwt signature is required') return 'missing signature';
  if (message.startsWith('jwt audience invalid')) return 'wrong audience';
  if (message.startsWith('jwt issuer invalid')) return 'wrong issuer';
  if (message === 'invalid exp value' || message === 'invalid nbf value') return 'invalid time claim';
  if (/"alg" parameter|must be an asymmetric key|Unknown key type/.test(message)) {
    return 'key does not fit the algorithm';
  }
  return 'invalid token';
}

/**
 * A token must expire, and with a lifetime limit it must say when it starts (`iat`, else `nbf`): both its stated
 * lifetime and the time it has left are bounded, so a token dated in the future cannot outlive the limit either.
 * A token issued in the future (`iat` past the clock skew) is not yet valid, as one whose `nbf` lies ahead: a
 * revocation of a subject's tokens issued before a time must not be escaped by a token that says it is issued later.
 */
function checkTimes(
  claims: jwt.JwtPayload,
  { maxLifetimeSeconds, clockSkewSeconds }: Pick<TokenVerifierOptions, 'maxLifetimeSeconds' | 'clockSkewSeconds'>,
  now: number,
): void {
  if (claims.exp === undefined) throw new Unauthenticated('token has no expiry');
  if (claims.iat !== undefined && typeof claims.iat !== 'number') throw new Unauthenticated('invalid time claim');
  if (claims.jti !== undefined && typeof claims.jti !== 'string') throw new Unauthenticated('invalid jti claim');
  if (maxLifetimeSeconds !== undefined) {
    const start = claims.iat ?? claims.nbf;
    if (start === undefined) throw new Unauthenticated('token lifetime unknown');
    if (claims.exp - Math.min(start, now) > maxLifetimeSeconds) throw new Unauthenticated('token lifetime too long');
  }
  if (claims.iat !== undefined && claims.iat > now + clockSkewSeconds) throw new Unauthenticated('token not yet valid');
}

/** The longest `sub` a token or a sign-in may name (OpenID Connect's bound on a subject identifier). */
export const MAX_SUB_LENGTH = 255;

/**
 * Whether `sub` can name a user in what the service records and exports (the signed log's actors, the access log,
 * its CSV files, the revocations that must be able to name it): at most {@link MAX_SUB_LENGTH} characters, no
 * control character (a NUL or a line break would follow it into the CSV files and the log's readers), no lone
 * surrogate, and not only white space or format characters.
 */
export function usableSubject(sub: string): boolean {
  return (
    sub.length <= MAX_SUB_LENGTH &&
    !hasLoneSurrogate(sub) &&
    !/\p{Cc}/u.test(sub) &&
    /[^\s\p{Cf}\u034F\u115F\u1160\u2800\u3164\uFFA0]/u.test(sub)
  );
}

function principalOf(claims: jwt.JwtPayload): Principal {
  const { sub, agency, roles, supervises } = claims as Record<string, unknown>;
  if (typeof sub !== 'string' || sub === '') throw new Unauthenticated('missing sub claim');
  if (!usableSubject(sub)) throw new Unauthenticated('invalid sub claim');
  if (typeof agency !== 'string' || agency === '') throw new Unauthenticated('missing agency claim');
  // an agency is a namespace of stream names and keys: a code the registries could not hold names no agency
  if (!ID_PATTERN.test(agency)) throw new Unauthenticated('invalid agency claim');
  if (!Array.isArray(roles) || roles.length === 0) throw new Unauthenticated('missing roles claim');
  const known = [...new Set(roles.filter(isRole))];
  if (known.length === 0) throw new Unauthenticated('no known role');
  const agencies = supervises ?? [];
  if (!isAgencyList(agencies)) throw new Unauthenticated('invalid supervises claim');
  return { sub, agency, roles: known, supervises: agencies };
}

const isAgencyList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((agency) => typeof agency === 'string' && ID_PATTERN.test(agency));

const isRole = (role: unknown): role is Role => typeof role === 'string' && Object.hasOwn(KNOWN_ROLES, role);

/** What a revocation can name of a verified token: its id, and whose it is and since when. */
export interface TokenIdentity {
  readonly sub: string;
  readonly agency: string;
  readonly jti?: string;
  /** `iat` in seconds since the epoch, when the token has one. */
  readonly issuedAt?: number;
}

export interface CachedVerifierOptions {
  readonly now: () => Date;
  readonly capacity?: number;
  /** Whether a verified token has been revoked since; asked on every use, cached or not. */
  readonly revoked?: (token: TokenIdentity) => boolean;
  /**
   * The principal a verified token stands for now (`standingOf`: a suspended or retired officer's roles withheld),
   * or a throw refusing it; asked on every use, cached or not.
   */
  readonly standing?: (principal: Principal) => Principal;
}

/**
 * Remembers verified tokens until they expire, so that a client sending the same token with every request pays
 * for one signature verification. Only the identical token string hits; expiry, revocation and the subject's
 * standing are checked again on every hit (a revoked token is `401 unauthenticated`, as any other refused token).
 */
export function cachedVerifier(
  verify: (token: string) => Principal,
  options: CachedVerifierOptions,
): (token: string) => Principal {
  const capacity = options.capacity ?? 10_000;
  const revoked = options.revoked ?? (() => false);
  const standing = options.standing ?? ((principal: Principal) => principal);
  const verified = new Map<string, { principal: Principal; identity: TokenIdentity; expiresAt: number }>();
  return (token) => {
    let entry = verified.get(token);
    if (entry && options.now().getTime() >= entry.expiresAt) {
      verified.delete(token);
      entry = undefined;
    }
    if (!entry) {
      const principal = verify(token);
      const claims = payloadOf(token);
      entry = { principal, identity: identityOf(principal, claims), expiresAt: (claims.exp as number) * 1000 };
      verified.set(token, entry);
      if (verified.size > capacity) verified.delete(verified.keys().next().value!);
    }
    if (revoked(entry.identity)) throw new Unauthenticated('token revoked');
    return standing(entry.principal);
  };
}

function identityOf(principal: Principal, claims: Record<string, unknown>): TokenIdentity {
  return {
    sub: principal.sub,
    agency: principal.agency,
    ...(typeof claims.jti === 'string' ? { jti: claims.jti } : {}),
    ...(typeof claims.iat === 'number' ? { issuedAt: claims.iat } : {}),
  };
}

/** The claims of a token that has just been verified (so its payload is well-formed and has an `exp`). */
function payloadOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}
