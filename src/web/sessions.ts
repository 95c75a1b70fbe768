import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Principal, TokenIdentity } from '../app/auth.js';
import type { Role } from '../domain/actor.js';
import { SignInRefused } from '../errors.js';
import { MAX_COOKIE_VALUE, cookieName, readCookie, setCookie, type CookieSeal } from './sealed-cookie.js';

/** The session cookie's base name (`__Host-ledger_session` over HTTPS). */
export const SESSION_COOKIE = 'ledger_session';
/** A session's cookie is renewed (its idle clock restarted) at most this often, not on every request. */
export const SESSION_RENEW_SECONDS = 60;
/** Signed-out session ids each replica remembers at most (the oldest to expire are forgotten first). */
export const MAX_ENDED_SESSIONS = 100_000;

/** A signed-in browser, as its sealed cookie holds it. Times are seconds since the epoch. */
export interface Session {
  /** Random, 128 bits: names the session (sign-out) and never leaves the sealed cookie. */
  readonly sid: string;
  /** The session's token against cross-site request forgery (the forms' `_csrf`). */
  readonly csrf: string;
  readonly principal: Principal;
  /** The name to show, when the identity provider gave one. */
  readonly name?: string;
  /** How the session was opened; a development session keeps its token, checked again on every request. */
  readonly via: 'dev' | 'oidc';
  readonly token?: string;
  readonly issuedAt: number;
  readonly seenAt: number;
  readonly expiresAt: number;
}

export interface SessionsOptions {
  readonly seal: CookieSeal;
  readonly idleSeconds: number;
  readonly maxSeconds: number;
  readonly cookieSecure: 'auto' | 'always';
  readonly now: () => Date;
  /** Verifies a bearer token (with revocation): a development session's token, on every request. */
  readonly verify: (token: string) => Principal;
  /** Whether tokens of this identity issued then are revoked: an identity provider's session follows revocations. */
  readonly revoked: (identity: TokenIdentity) => boolean;
  /**
   * The principal an identity provider's session stands for now, or a throw ending it (`standingOf`: a suspended or
   * retired officer's roles withheld); a development session's token is checked so by `verify`.
   */
  readonly standing?: (principal: Principal) => Principal;
  /**
   * Where sign-outs are kept for every replica and beyond a restart (the log): `record` keeps one, `ended` asks
   * whether a session, named by the SHA-256 (hex) of its id, was signed out. Without it, only this replica, until it
   * stops, remembers a sign-out.
   */
  readonly signOuts?: {
    readonly record: (ended: { principal: Principal; session: string; until: string }) => Promise<unknown>;
    readonly ended: (session: string) => boolean;
  };
}

/** How a session is named where its sign-out is kept: the SHA-256 (hex) of its id, which stays in the cookie. */
export const sessionHash = (sid: string): string => createHash('sha256').update(sid).digest('hex');

export interface Opening {
  readonly principal: Principal;
  readonly via: 'dev' | 'oidc';
  readonly name?: string;
  readonly token?: string;
  /** The session may not outlive this (a development token's `exp`). */
  readonly notAfter?: number;
}

/**
 * The portal's sessions: a sealed cookie ({@link CookieSeal}) holds the whole session, so every replica that
 * shares the session secret honours it and none keeps a store. A session ends when idle for `idleSeconds`, at
 * `maxSeconds` after sign-in, when its principal's tokens are revoked, or when signed out; a sign-out is
 * remembered (the session id, until it would have expired) by the replica that took it, at once, and recorded in
 * the log (`signOuts`), which every replica follows and reads again at start.
 */
export class Sessions {
  readonly #ended = new Map<string, number>();

  constructor(private readonly options: SessionsOptions) {}

  secure(req: Request): boolean {
    return this.options.cookieSecure === 'always' || req.secure;
  }

  /** Opens a session and sets its cookie (replacing any the browser held). */
  begin(req: Request, res: Response, opening: Opening): Session {
    const now = this.#seconds();
    const session: Session = {
      sid: randomBytes(16).toString('base64url'),
      csrf: randomBytes(32).toString('base64url'),
      principal: {
        sub: opening.principal.sub,
        agency: opening.principal.agency,
        roles: [...opening.principal.roles],
        supervises: [...opening.principal.supervises],
      },
      via: opening.via,
      ...(opening.name === undefined ? {} : { name: opening.name }),
      ...(opening.token === undefined ? {} : { token: opening.token }),
      issuedAt: now,
      seenAt: now,
      expiresAt: Math.min(now + this.options.maxSeconds, opening.notAfter ?? Infinity),
    };
    if (session.expiresAt <= now) throw new SignInRefused('the token expires too soon to sign in with');
    this.#write(req, res, session);
    return session;
  }

  /** The request's live session, renewing its cookie when due; an unusable cookie is deleted. */
  read(req: Request, res: Response): Session | undefined {
    const secure = this.secure(req);
    const raw = readCookie(req, cookieName(SESSION_COOKIE, secure, '/'));
    if (raw === undefined) return undefined;
    const stored = asSession(this.options.seal.open('session', raw));
    const session = this.#live(stored);
    if (!stored || !session) {
      this.clear(req, res);
      return undefined;
    }
    const now = this.#seconds();
    if (now - session.seenAt < SESSION_RENEW_SECONDS) return session;
    // the cookie keeps the principal as signed in: the roles a suspension withholds come back with a reinstatement
    this.#write(req, res, { ...stored, seenAt: now });
    return { ...session, seenAt: now };
  }

  /**
   * Ends the session: its cookie is deleted and this replica refuses its id from now on; the sign-out is then
   * recorded for every replica (`signOuts`); the promise settles when it is (a failure to record is `record`'s to
   * report: the sign-out stands here regardless).
   */
  async end(req: Request, res: Response, session: Session): Promise<void> {
    this.#ended.set(session.sid, session.expiresAt);
    if (this.#ended.size > MAX_ENDED_SESSIONS) this.#forgetExpired();
    this.clear(req, res);
    if (!this.options.signOuts) return;
    const until = new Date(session.expiresAt * 1000).toISOString();
    await this.options.signOuts.record({ principal: session.principal, session: sessionHash(session.sid), until });
  }

  clear(req: Request, res: Response): void {
    const secure = this.secure(req);
    setCookie(res, cookieName(SESSION_COOKIE, secure, '/'), '', { path: '/', sameSite: 'Strict', maxAge: 0, secure });
  }

  /**
   * Whether a session read earlier still stands: not past its expiry, not ended or signed out, its token not
   * revoked (or, for a development sign-in, still verifying). A long-lived response (the live stream) asks it as it
   * goes, so that it ends with the session; idleness is not counted (the stream is the session in use).
   */
  stillLive(session: Session): boolean {
    return this.#live({ ...session, seenAt: this.#seconds() }) !== undefined;
  }

  #live(session: Session | undefined): Session | undefined {
    if (!session) return undefined;
    const now = this.#seconds();
    if (now >= session.expiresAt || now - session.seenAt >= this.options.idleSeconds) return undefined;
    if (session.seenAt > now + SESSION_RENEW_SECONDS) return undefined; // sealed under a clock far ahead
    if (this.#ended.has(session.sid)) return undefined;
    if (this.options.signOuts?.ended(sessionHash(session.sid))) return undefined;
    try {
      if (session.via === 'dev') {
        const principal = this.options.verify(session.token ?? '');
        return { ...session, principal };
      }
    } catch {
      return undefined; // the token expired or was revoked since
    }
    const { sub, agency } = session.principal;
    if (this.options.revoked({ sub, agency, issuedAt: session.issuedAt })) return undefined;
    if (!this.options.standing) return session;
    try {
      const principal = this.options.standing(session.principal);
      return principal === session.principal ? session : { ...session, principal };
    } catch {
      return undefined; // a suspended or retired officer, left no role
    }
  }

  #write(req: Request, res: Response, session: Session): void {
    const secure = this.secure(req);
    const value = this.options.seal.seal('session', session);
    if (value.length > MAX_COOKIE_VALUE) throw new SignInRefused('the identity is too large for a session');
    const maxAge = Math.min(this.options.idleSeconds, session.expiresAt - session.seenAt);
    setCookie(res, cookieName(SESSION_COOKIE, secure, '/'), value, { path: '/', sameSite: 'Strict', maxAge, secure });
  }

  #forgetExpired(): void {
    const now = this.#seconds();
    for (const [sid, expiresAt] of this.#ended) if (expiresAt <= now) this.#ended.delete(sid);
    // still too many: forget those that expire first (the map keeps insertion order, close to expiry order)
    for (const sid of this.#ended.keys()) {
      if (this.#ended.size <= MAX_ENDED_SESSIONS) break;
      this.#ended.delete(sid);
    }
  }

  #seconds(): number {
    return Math.floor(this.options.now().getTime() / 1000);
  }
}

const ROLES = new Set<string>(['officer', 'reviewer', 'supervisor', 'admin', 'integration']);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** What a sealed cookie holds, checked (it was sealed by this service, but perhaps by an older version). */
function asSession(value: unknown): Session | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const s = value as Record<string, unknown>;
  const p = s.principal as Record<string, unknown> | undefined;
  const ok =
    typeof s.sid === 'string' &&
    typeof s.csrf === 'string' &&
    (s.via === 'dev' || s.via === 'oidc') &&
    typeof s.issuedAt === 'number' &&
    typeof s.seenAt === 'number' &&
    typeof s.expiresAt === 'number' &&
    (s.token === undefined || typeof s.token === 'string') &&
    (s.name === undefined || typeof s.name === 'string') &&
    typeof p === 'object' &&
    p !== null &&
    typeof p.sub === 'string' &&
    typeof p.agency === 'string' &&
    isStringList(p.roles) &&
    p.roles.every((r) => ROLES.has(r)) &&
    isStringList(p.supervises);
  if (!ok) return undefined;
  return { ...(s as unknown as Session), principal: { ...(p as unknown as Principal), roles: p.roles as Role[] } };
}
