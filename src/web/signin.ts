import express, { Router, type RequestHandler, type Response } from 'express';
import { Unauthenticated, UNKNOWN_KEY, type Principal } from '../app/auth.js';
import { SignInRefused } from '../errors.js';
import type { PortalAssets } from './assets.js';
import { html } from './html.js';
import type { MessageKey } from './i18n.js';
import { pageContext, sendPage, type PageContext } from './layout.js';
import { FORM_LIMIT_BYTES, refuseCrossSite, requireCsrf } from './session.js';
import type { Session, Sessions } from './sessions.js';
import { safeNext } from './next.js';

export interface SignInDependencies {
  readonly sessions: Sessions;
  readonly assets: PortalAssets;
  /** Verifies a token of `ledger token`, as a bearer token is (signature, issuer, audience, expiry, revocation). */
  readonly verify: (token: string) => Principal;
  /** The development sign-in (a pasted token) is offered. */
  readonly devSignIn: boolean;
  /** The identity provider's name, when OpenID Connect sign-in is configured (`/signin/oidc`). */
  readonly providerName?: string;
  /**
   * Where a session opened at the identity provider is sent on sign-out, to end its session there too (undefined:
   * the provider has no end-session endpoint, or cannot be reached).
   */
  readonly providerSignOut?: () => Promise<string | undefined>;
}

const parseForm = express.urlencoded({ extended: false, limit: FORM_LIMIT_BYTES, parameterLimit: 100 });

/**
 * Signing in and out of the portal: `GET /signin` (the page), `POST /signin/dev` (the development sign-in with a
 * token), `POST /signout`. The OpenID Connect routes are {@link oidcSignIn}'s. `?next=` brings the reader back to
 * where they were, if it is a path of this site ({@link safeNext}).
 */
export function signIn(deps: SignInDependencies): Router {
  const router = Router();

  router.get('/signin', (req, res) => {
    const next = safeNext(req.query.next);
    if (res.locals.session !== undefined) {
      res.redirect(303, next);
      return;
    }
    const ctx = pageContext(req, res, deps.assets);
    // arriving from another site (a link, or the redirect of a guarded page it led to), the browser left out the
    // SameSite=Strict session cookie: look once more from here, with it
    if (req.get('sec-fetch-site') === 'cross-site') {
      continuing(res, ctx, req.originalUrl);
      return;
    }
    signInPage(res, ctx, deps, next);
  });

  router.post('/signin/dev', async (req, res) => {
    res.locals.formPage = '/signin';
    if (!deps.devSignIn) throw new SignInRefused('the development sign-in is not enabled');
    refuseCrossSite(req); // no session yet, so no CSRF token: the browser's word on where the form came from
    // read as a promise, so that whatever the rest throws reaches the error handler (a throw in the parser's
    // callback would escape Express and end the process)
    await new Promise<void>((resolve, reject) =>
      parseForm(req, res, (err?: unknown) => (err ? reject(err) : resolve())),
    );
    const form = (req.body ?? {}) as Record<string, unknown>;
    const next = safeNext(form.next);
    const token = typeof form.token === 'string' ? form.token.trim() : '';
    let principal: Principal;
    try {
      principal = deps.verify(token);
    } catch (refused) {
      if (!(refused instanceof Unauthenticated)) throw refused;
      const ctx = pageContext(req, res, deps.assets);
      signInPage(res, ctx, deps, next, { status: 401, reason: ctx.t(refusalKey(refused.message)) });
      return;
    }
    const notAfter = expiryOf(token);
    try {
      deps.sessions.begin(req, res, { principal, via: 'dev', token, ...(notAfter ? { notAfter } : {}) });
    } catch (refused) {
      // a token still within the verifier's allowance for clock skew, but whose session would be over already
      if (!(refused instanceof SignInRefused)) throw refused;
      const ctx = pageContext(req, res, deps.assets);
      signInPage(res, ctx, deps, next, { status: 401, reason: ctx.t('signin.refusal.expired') });
      return;
    }
    res.redirect(303, next);
  });

  // signed out already (the session ended, or another tab signed out): nothing to end and nothing a forged form could
  // do, so the reader goes home rather than meeting a refusal of the expired form
  const signedOutAlready: RequestHandler = (_req, res, next) => {
    if (res.locals.session === undefined) res.redirect(303, '/');
    else next();
  };

  router.post('/signout', signedOutAlready, requireCsrf, async (req, res) => {
    const session = res.locals.session as Session | undefined;
    if (session) await deps.sessions.end(req, res, session);
    // a session from the identity provider ends there too: on a shared computer, the next user signing in would
    // otherwise be let in as this one by the provider's own session, without a password
    const atProvider = session?.via === 'oidc' && deps.providerSignOut ? await deps.providerSignOut() : undefined;
    res.redirect(303, atProvider ?? '/');
  });

  return router;
}

/**
 * The reader's words for why a token was refused (`Unauthenticated`'s messages, `src/app/auth.ts`): the few a pasted
 * token meets, by what the reader can do about them; any other is a generic phrase, never the verifier's own text.
 */
const REFUSALS: Readonly<Record<string, MessageKey>> = {
  'malformed token': 'signin.refusal.malformed',
  'missing bearer token': 'signin.refusal.malformed',
  'token too large': 'signin.refusal.malformed',
  'token expired': 'signin.refusal.expired',
  'token not yet valid': 'signin.refusal.notYetValid',
  'invalid signature': 'signin.refusal.signature',
  'missing signature': 'signin.refusal.signature',
  [UNKNOWN_KEY]: 'signin.refusal.signature',
  'algorithm not allowed': 'signin.refusal.signature',
  'wrong issuer': 'signin.refusal.notOurs',
  'wrong audience': 'signin.refusal.notOurs',
  'token revoked': 'signin.refusal.revoked',
  'token has no expiry': 'signin.refusal.lifetime',
  'token lifetime unknown': 'signin.refusal.lifetime',
  'token lifetime too long': 'signin.refusal.lifetime',
  'missing sub claim': 'signin.refusal.claims',
  'missing agency claim': 'signin.refusal.claims',
  'invalid agency claim': 'signin.refusal.claims',
  'missing roles claim': 'signin.refusal.claims',
  'no known role': 'signin.refusal.claims',
};

const refusalKey = (message: string): MessageKey =>
  Object.hasOwn(REFUSALS, message) ? REFUSALS[message]! : 'signin.refusal.other';

/** The sign-in page: the identity provider's button, and the development form where enabled. */
function signInPage(
  res: Response,
  ctx: PageContext,
  deps: SignInDependencies,
  next: string,
  failed?: { status: number; reason: string },
): void {
  const provider = deps.providerName;
  const nextQuery = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
  sendPage(res, ctx, {
    title: ctx.t('signin.title'),
    ...(failed ? { status: failed.status } : {}),
    main: html`<h1>${ctx.t('signin.title')}</h1>
      <p class="lead">${ctx.t('signin.lead')}</p>
      ${
        provider !== undefined &&
        html`<p>
          <a class="button" href="/signin/oidc${nextQuery}">${ctx.t('signin.withProvider', { provider })}</a>
        </p>`
      }
      ${
        deps.devSignIn &&
        html`<section aria-labelledby="dev-signin">
          <h2 id="dev-signin">${ctx.t('signin.dev.heading')}</h2>
          <p id="dev-signin-hint">${ctx.t('signin.dev.hint')}</p>
          ${failed && html`<p class="error" role="alert">${ctx.t('signin.rejected', { reason: failed.reason })}</p>`}
          <form method="post" action="/signin/dev">
            <input type="hidden" name="next" value="${next}" />
            <p>
              <label for="dev-token">${ctx.t('signin.dev.token')}</label>
              <textarea
                id="dev-token"
                name="token"
                rows="4"
                required
                autocomplete="off"
                spellcheck="false"
                aria-describedby="dev-signin-hint"
              ></textarea>
            </p>
            <p><button type="submit">${ctx.t('signin.dev.submit')}</button></p>
          </form>
        </section>`
      }
      ${provider === undefined && !deps.devSignIn && html`<p>${ctx.t('signin.unavailable')}</p>`}`,
  });
}

/** A page that moves on at once to `path` of this site, as the page's own (same-site) navigation. */
export function continuing(res: Response, ctx: PageContext, path: string): void {
  sendPage(res, ctx, {
    title: ctx.t('signin.continuing'),
    refreshTo: path,
    main: html`<h1>${ctx.t('signin.continuing')}</h1>
      <p><a href="${path}">${ctx.t('signin.continue')}</a></p>`,
  });
}

/** A verified token's `exp` (seconds). */
function expiryOf(token: string): number | undefined {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
    exp?: unknown;
  };
  return typeof payload.exp === 'number' ? payload.exp : undefined;
}
