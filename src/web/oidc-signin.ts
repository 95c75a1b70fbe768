import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { principalFromClaims, type ClaimMapping } from '../app/identity-claims.js';
import { SignInFailed } from '../errors.js';
import type { IdentityProvider } from '../ports/identity-provider.js';
import type { PortalAssets } from './assets.js';
import { pageContext } from './layout.js';
import { safeNext } from './next.js';
import { cookieName, readCookie, setCookie } from './sealed-cookie.js';
import type { CookieSeal } from './sealed-cookie.js';
import type { Sessions } from './sessions.js';
import { continuing } from './signin.js';

/** A sign-in's round trip through the identity provider must come back within this many seconds. */
export const SIGNIN_FLOW_SECONDS = 600;
/** The flow cookie's base name (`__Secure-ledger_signin` over HTTPS), on `/signin` only. */
export const FLOW_COOKIE = 'ledger_signin';
const FLOW_PATH = '/signin';

export interface OidcSignInDependencies {
  readonly provider: IdentityProvider;
  readonly claims: ClaimMapping;
  readonly sessions: Sessions;
  readonly seal: CookieSeal;
  readonly assets: PortalAssets;
  readonly now: () => Date;
}

/** What the browser holds, sealed, between `/signin/oidc` and `/signin/callback`. */
interface Flow {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  readonly next: string;
  readonly expiresAt: number;
}

/**
 * The OpenID Connect sign-in (authorization-code flow with PKCE): `GET /signin/oidc` sends the browser to the
 * provider with a fresh `state`, `nonce` and S256 code challenge, kept in a sealed flow cookie (`SameSite=Lax`:
 * the provider's redirect back is a cross-site navigation, which a Strict cookie would miss); `GET
 * /signin/callback` takes the code back only with that browser's `state`, redeems it with the verifier, verifies
 * the ID token (its `nonce` too), maps the claims to a principal and opens the session.
 */
export function oidcSignIn(deps: OidcSignInDependencies): Router {
  const router = Router();
  const seconds = () => Math.floor(deps.now().getTime() / 1000);

  router.get('/signin/oidc', async (req, res) => {
    const flow: Flow = {
      state: random(),
      nonce: random(),
      verifier: random(),
      next: safeNext(req.query.next),
      expiresAt: seconds() + SIGNIN_FLOW_SECONDS,
    };
    const codeChallenge = createHash('sha256').update(flow.verifier).digest('base64url');
    const url = await deps.provider.authorizationUrl({ state: flow.state, nonce: flow.nonce, codeChallenge });
    writeFlow(req, res, deps, deps.seal.seal('signin-flow', flow), SIGNIN_FLOW_SECONDS);
    res.redirect(303, url);
  });

  router.get('/signin/callback', async (req, res) => {
    const flow = readFlow(req, deps);
    writeFlow(req, res, deps, '', 0); // one use: whatever happens next, this flow is over
    if (!flow || flow.expiresAt <= seconds()) {
      throw new SignInFailed('the sign-in expired or was started in another browser');
    }
    const query = req.query as Record<string, unknown>;
    if (typeof query.state !== 'string' || !same(query.state, flow.state)) {
      throw new SignInFailed('the answer is not for the sign-in this browser started (state)');
    }
    if (query.iss !== undefined && query.iss !== deps.provider.issuer) {
      throw new SignInFailed('the answer comes from another identity provider (iss)');
    }
    if (query.error !== undefined) throw new SignInFailed('the identity provider did not sign the user in');
    if (typeof query.code !== 'string' || query.code === '') throw new SignInFailed('the answer carries no code');
    const claims = await deps.provider.redeem({ code: query.code, codeVerifier: flow.verifier, nonce: flow.nonce });
    const { principal, name } = principalFromClaims(claims, deps.claims);
    deps.sessions.begin(req, res, { principal, via: 'oidc', ...(name === undefined ? {} : { name }) });
    // onwards by the page's own navigation: a redirect here would still count as the provider's cross-site one,
    // and the browser would leave the new SameSite=Strict cookie out of it
    continuing(res, pageContext(req, res, deps.assets), flow.next);
  });

  return router;
}

function writeFlow(req: Request, res: Response, deps: OidcSignInDependencies, value: string, maxAge: number): void {
  const secure = deps.sessions.secure(req);
  setCookie(res, cookieName(FLOW_COOKIE, secure, FLOW_PATH), value, {
    path: FLOW_PATH,
    sameSite: 'Lax',
    maxAge,
    secure,
  });
}

function readFlow(req: Request, deps: OidcSignInDependencies): Flow | undefined {
  const raw = readCookie(req, cookieName(FLOW_COOKIE, deps.sessions.secure(req), FLOW_PATH));
  const flow = raw === undefined ? undefined : (deps.seal.open('signin-flow', raw) as Partial<Flow> | undefined);
  if (
    typeof flow !== 'object' ||
    flow === null ||
    typeof flow.state !== 'string' ||
    typeof flow.nonce !== 'string' ||
    typeof flow.verifier !== 'string' ||
    typeof flow.next !== 'string' ||
    typeof flow.expiresAt !== 'number'
  ) {
    return undefined;
  }
  return flow as Flow;
}

/** 256 random bits, base64url (43 characters: a PKCE verifier's length is 43 to 128). */
const random = () => randomBytes(32).toString('base64url');

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
