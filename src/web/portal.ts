import { CHINA_STANDARD_TIME, type UtcOffsets } from '../domain/actor.js';
import { safeNext } from './next.js';
import { Router, type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import { applicationPages, type ApplicationPagesDependencies } from './applications.js';
import { bearerToken, type Principal } from '../app/auth.js';
import type { PublicReads } from '../app/public-reads.js';
import type { PublishedReads } from '../app/published-reads.js';
import type { PublicStatisticsReads } from '../app/public-statistics.js';
import type { RecordingReads } from '../app/recording-reads.js';
import { InvalidQuery, LedgerError, NotCaughtUp } from '../errors.js';
import { cursorRefused } from '../app/read-pages.js';
import { parserRefusal } from '../http/problem.js';
import { consistencyOf } from '../http/consistency.js';
import { PortalAssets } from './assets.js';
import { html } from './html.js';
import type { MessageKey } from './i18n.js';
import {
  AGENCY_NAMES,
  PERSON_NAMES,
  pageContext,
  sendPage,
  type AgencyNames,
  type PageContext,
  type PersonNames,
} from './layout.js';
import { signedInScreens, type ScreensDependencies } from './screens.js';
import { registerPublicPages, type PublicPagesDependencies } from './pages/public.js';
import { registerAgencyPages } from './pages/agencies.js';
import { verifyPage } from './pages/verify.js';
import { registerInspectionPages } from './pages/inspections.js';
import type { InspectionReads } from '../app/inspection-reads.js';
import { registerRecordingListPage } from './pages/recording-list.js';
import { registerReviewCataloguePage } from './pages/review-catalogue.js';
import type { ReviewCatalogueService } from '../app/review-catalogue.js';
import { registerDevicePage } from './pages/supervise-devices.js';
import { portalIdentity, portalSessions, signedIn } from './session.js';
import type { Session, Sessions } from './sessions.js';
import { signIn } from './signin.js';
import { pageAsked, pageWanted } from './page-requests.js';
import type { AgencyProfiles } from '../app/agency-profiles.js';
import { oidcSignIn, type OidcSignInDependencies } from './oidc-signin.js';

export interface PortalDependencies {
  readonly publicReads: PublicReads;
  /** What agencies publish before enforcement: the random-inspection lists, flow charts, guides, post boards. */
  readonly published?: PublishedReads;
  /** The yearly statistics anyone may read. */
  readonly statistics: PublicStatisticsReads;
  /** The "double random, one public" inspections anyone may read. */
  readonly inspections: InspectionReads;
  /** The public routes' rate limit, shared with the public API. */
  readonly limited: RequestHandler;
  /**
   * Minutes east of UTC of an agency's local time (`LEDGER_UTC_OFFSET`, `AGENCY_UTC_OFFSETS`): the pages show the
   * times of its records in it, whatever offset they were written with.
   */
  readonly utcOffsetOf: (agency: string) => number;
  /** The same offsets whole (the verifier page hands them to its script, which shows a bundle's times in them). */
  readonly utcOffsets?: UtcOffsets;
  readonly assets?: PortalAssets;
  /** The discretion benchmarks, published at `/benchmarks`. */
  readonly discretion?: PublicPagesDependencies['discretion'];
  /** Verifies an API bearer token (a page request may carry one instead of a session). */
  readonly verify: (token: string) => Principal;
  /** The signed-in screens' reads and commands (without them, the portal serves its public pages only). */
  readonly screens?: ScreensDependencies;
  /** The signed-in browsers' sessions (sealed cookies). */
  readonly sessions: Sessions;
  /** How one signs in: the development sign-in with a token, and the agency's identity provider (OIDC). */
  readonly signIn: {
    readonly devSignIn: boolean;
    readonly oidc?: Omit<OidcSignInDependencies, 'sessions' | 'assets'> & {
      readonly providerName: string;
      /** Where the provider sends the browser back after its sign-out: the portal's home page. */
      readonly postLogoutRedirectUrl: string;
    };
  };
  /** The supervisors' live stream of the log (Server-Sent Events), served to the session at `/supervise/live`. */
  readonly liveFeed?: RequestHandler;
  /** Online applications: the public filing form and progress, the officers' queue, the overdue list. */
  readonly applications?: ApplicationPagesDependencies;
  /** The recording lists (public) and the recording devices (supervisors). */
  readonly recordings?: RecordingReads;
  /** The agencies' review catalogues, published at `/published/review-catalogue` when given. */
  readonly catalogues?: Pick<ReviewCatalogueService, 'catalogue'>;
  /**
   * The agencies' public profiles: every page shows an agency by the name it recorded, and `/agencies` lists them
   * (without it, agencies are shown by their codes and there is no such page).
   */
  readonly agencies?: Pick<AgencyProfiles, 'names' | 'list'>;
  /** The name of an agency's person on its officer list (the pages show people as 姓名（编号）); else their ids. */
  readonly personNames?: PersonNames;
}

/**
 * The web portal: server-rendered pages for the public (disclosed decisions, the officer and item lists, the
 * yearly statistics, the evidence verifier) and, signed in, for supervisors, officers and reviewers. Pages read
 * without JavaScript; the bundled scripts of `client/` only enhance them. The data comes from the same application
 * reads as the API, so a page never shows what the API would not.
 */
export function portal(deps: PortalDependencies): Router {
  const assets = deps.assets ?? new PortalAssets();
  const router = Router();
  router.use(assets.router());
  const names = deps.agencies;
  const agencyNames: AgencyNames | undefined = names && (() => names.names());
  if (agencyNames || deps.personNames) {
    router.use((_req, res, next) => {
      if (agencyNames) res.locals[AGENCY_NAMES] = agencyNames;
      if (deps.personNames) res.locals[PERSON_NAMES] = deps.personNames;
      next();
    });
  }
  router.use(portalSessions(deps.sessions));
  router.use(portalIdentity(deps.verify));
  router.use(plainQueryOnly);
  // every page shows a write it is sent to after it (`?consistentWith=`), as the API does
  router.use(caughtUpFirst(deps.publicReads));
  const { devSignIn, oidc } = deps.signIn;
  router.use(
    signIn({
      sessions: deps.sessions,
      assets,
      verify: deps.verify,
      devSignIn,
      ...(oidc
        ? {
            providerName: oidc.providerName,
            providerSignOut: () => oidc.provider.logoutUrl({ postLogoutRedirectUrl: oidc.postLogoutRedirectUrl }),
          }
        : {}),
    }),
  );
  if (oidc) router.use(oidcSignIn({ ...oidc, sessions: deps.sessions, assets }));
  // the dashboard's EventSource carries the session cookie, never a bearer token; the API's /v1/audit/live takes those
  if (deps.liveFeed) {
    router.get(
      '/supervise/live',
      signedIn('supervisor'),
      (req, res, next) => {
        // the session (or token) the stream was opened with, checked again as it goes: ended, the stream ends
        const session = res.locals.session as Session | undefined;
        const token = session ? undefined : bearerToken(req.get('authorization'));
        res.locals.stillValid = () => {
          if (session) return deps.sessions.stillLive(session);
          try {
            deps.verify(token!);
            return true;
          } catch {
            return false;
          }
        };
        next();
      },
      deps.liveFeed,
    );
  }
  if (deps.screens) router.use(signedInScreens(deps.screens, assets));

  if (deps.applications) {
    const secure = (req: Request) => deps.sessions.secure(req);
    router.use(
      applicationPages(
        {
          ...deps.applications,
          publicReads: deps.publicReads,
          limited: deps.limited,
          secure,
          utcOffsetOf: deps.utcOffsetOf,
        },
        assets,
      ),
    );
  }

  // before the published pages, whose `/published/:kind` would take the path otherwise
  if (deps.catalogues) registerReviewCataloguePage(router, { ...deps, catalogues: deps.catalogues, assets });
  registerPublicPages(router, { ...deps, assets });
  if (deps.agencies) registerAgencyPages(router, { ...deps, agencies: deps.agencies, assets });
  registerInspectionPages(router, { inspections: deps.inspections, limited: deps.limited, assets });
  if (deps.recordings) {
    registerRecordingListPage(router, { ...deps, recordings: deps.recordings, assets });
    registerDevicePage(router, { recordings: deps.recordings, utcOffsetOf: deps.utcOffsetOf, assets });
  }

  router.get('/verify', deps.limited, verifyPage(assets, deps.utcOffsets ?? CHINA_STANDARD_TIME));

  return router;
}

/**
 * A page's query parameter written as a list or a map (`?agency[]=x`, `?q[a]=1`) is `400 invalid_query`, as the API
 * answers it: no page reads one, and ignored it would show the page unfiltered as though it were filtered.
 */
const plainQueryOnly: RequestHandler = (req, _res, next) => {
  if (req.path.startsWith('/v1/')) {
    next();
    return;
  }
  const name = Object.keys(req.query).find((key) => key.indexOf('[') > 0);
  if (name === undefined) {
    next();
    return;
  }
  const parameter = name.slice(0, name.indexOf('['));
  next(new InvalidQuery(`${parameter} is one plain value, not ${name}`, { parameter }));
};

/**
 * Before a page is read (`GET`, `HEAD`), the wait for `?consistentWith=` (a write's position): the page then shows
 * that write (the names in its header too), or it is `503 not_caught_up` when the read models do not reach it in
 * time; a value that is no position, or one beyond the log, is `400 invalid_query`. Not the API's paths, nor the
 * online application's pages, which read their own (the receipt's link carries the filing's position, which the
 * progress form posts).
 */
function caughtUpFirst(reads: Pick<PublicReads, 'caughtUp'>): RequestHandler {
  return (req, _res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.query.consistentWith === undefined) {
      next();
      return;
    }
    // the API's paths answer for themselves (one no API route took goes on to the 404), and the online
    // application's pages read their own
    if (req.path.startsWith('/v1/') || req.path === '/apply' || req.path.startsWith('/apply/')) {
      next();
      return;
    }
    let position: number | undefined;
    try {
      position = consistencyOf(req);
    } catch (refused) {
      next(refused);
      return;
    }
    reads.caughtUp(position).then(() => next(), next);
  };
}

/** Problem codes with a page of their own (`error.<code>.title` and `.body`); others get the generic page. */
const CODE_PAGES = new Set([
  'csrf_failed',
  'signin_failed',
  'signin_refused',
  'identity_provider_unavailable',
  'forbidden',
  'invalid_query',
  'unauthenticated',
  'not_caught_up',
  'too_large',
  'unsupported_media_type',
  'invalid_body',
]);

/**
 * The sign-in page, to come back to `page` after it: the page a refused form is on (its path only, never a query,
 * which an uploading form's action uses for its CSRF token), so that a reader whose session ended mid-form signs in
 * and lands on that form again, not on the home page.
 */
function signInBackTo(page: string): string {
  const next = safeNext(page);
  return next === '/' ? '/signin' : `/signin?next=${encodeURIComponent(next)}`;
}

/** A portal page that the reader sees when something is not there or goes wrong, in their language. */
function errorPage(ctx: PageContext, status: number, code?: string, again?: string) {
  const notFound = status === 404;
  const own = code !== undefined && CODE_PAGES.has(code) ? code : undefined;
  const title = own
    ? ctx.t(`error.${own}.title` as MessageKey)
    : ctx.t(notFound ? 'error.notFound.title' : 'error.generic.title');
  const body = own
    ? ctx.t(`error.${own}.body` as MessageKey)
    : ctx.t(notFound ? 'error.notFound.body' : 'error.generic.body');
  return {
    status,
    title,
    main: html`<h1>${title}</h1>
      <p>${body}</p>
      ${own === 'signin_failed' ? html`<p><a href="/signin">${ctx.t('signin.title')}</a></p>` : ''}
      ${own === 'unauthenticated' ? html`<p><a href="${signInBackTo(ctx.path)}">${ctx.t('signin.title')}</a></p>` : ''}
      ${own === 'invalid_query' ? html`<p><a href="${ctx.path}">${ctx.t('error.invalid_query.clear')}</a></p>` : ''}
      ${own === 'not_caught_up' && again ? html`<p><a href="${again}">${ctx.t('error.not_caught_up.again')}</a></p>` : ''}
      <p><a href="/">${ctx.t('error.backHome')}</a></p>`,
  };
}

/**
 * After every route: a browser navigating to a path nothing serves (outside `/v1/`) gets the portal's 404 page
 * rather than a JSON problem; API clients keep getting problems.
 */
export function portalNotFound(assets: PortalAssets): RequestHandler {
  return (req, res, next) => {
    if (!pageAsked(req)) return next();
    sendPage(res, pageContext(req, res, assets), errorPage(pageContext(req, res, assets), 404));
  };
}

/**
 * Errors of portal pages (a request a browser made for HTML): a refusal the reader can act on (4xx) is shown as a
 * page with its status; anything else goes on to the service's error handler, which logs it.
 */
export function portalErrors(assets: PortalAssets): ErrorRequestHandler {
  return (thrown, req, res, next) => {
    if (res.headersSent || !pageWanted(req)) return next(thrown);
    // a cursor the read models could not place: the reader's link, as the API answers it
    const err = cursorRefused(thrown);
    if (err instanceof NotCaughtUp) {
      // what the reader just recorded is not in the pages yet (a form's redirect asks for it): a page that says so
      // and asks again, not the API's problem document
      const ctx = pageContext(req, res, assets);
      res.setHeader('Retry-After', String(err.retryAfterSeconds));
      sendPage(res, ctx, errorPage(ctx, err.status, err.code, req.method === 'GET' ? req.originalUrl : undefined));
      return;
    }
    // a form's body the parser refused (too large, a charset it cannot read): a page, as any refusal
    const refused = parserRefusal(err);
    if (refused) {
      const ctx = pageContext(req, res, assets);
      sendPage(res, ctx, errorPage(ctx, refused.status, refused.code));
      return;
    }
    if (!(err instanceof LedgerError) || err.status >= 500) return next(err);
    const ctx = pageContext(req, res, assets);
    sendPage(res, ctx, errorPage(ctx, err.status, err.code));
  };
}
