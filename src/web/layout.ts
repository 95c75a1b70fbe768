import type { Request, Response } from 'express';
import { agencyName, personShown } from './pages/labels.js';
import type { PortalAssets } from './assets.js';
import { html, type Html } from './html.js';
import { csrfField } from './session.js';
import { chooseLocale, LANG_COOKIE, translator, type Locale, type MessageKey, type Translator } from './i18n.js';

/** Who is signed in to the portal, when someone is (set by the session layer in `res.locals.portalUser`). */
export interface PortalUser {
  readonly sub: string;
  readonly agency: string;
  readonly roles: readonly string[];
  /** The display name the identity provider gave, if any. */
  readonly name?: string;
}

/** What every page needs to render: the language, the request's path and query (for links), the user. */
export interface PageContext extends Translator {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly user?: PortalUser;
  readonly assets: PortalAssets;
  /**
   * The name an agency recorded in its profile (行政执法主体), or its code when it recorded none: what the pages
   * show an agency by. Looked up once per page, at the first agency it shows.
   */
  readonly agencyName?: (code: string) => string;
  /**
   * The name of an agency's person (an officer, a reviewer, a supervisor registered on its officer list) by the
   * subject their token names, or undefined for one the list does not hold (a system, an administrator with no
   * certificate).
   */
  readonly personName?: (agency: string, sub: string) => string | undefined;
}

/** Where the pages look up the names of an agency's people: set on `res.locals` by the portal ({@link PERSON_NAMES}). */
export type PersonNames = (agency: string, sub: string) => string | undefined;
export const PERSON_NAMES = 'personNames';

/** A person's name as the page's context finds it, each asked once per page. */
function personNameIn(names: PersonNames | undefined): (agency: string, sub: string) => string | undefined {
  const found = new Map<string, string | undefined>();
  return (agency, sub) => {
    if (!names) return undefined;
    const key = `${agency}\u0000${sub}`;
    if (!found.has(key)) found.set(key, names(agency, sub));
    return found.get(key);
  };
}

/** Where the pages look up agencies' names: set on `res.locals` by the portal ({@link AGENCY_NAMES}). */
export type AgencyNames = () => ReadonlyMap<string, string>;
export const AGENCY_NAMES = 'agencyNames';

/** Who is signed in, in the header: their name (the provider's, else the officer list's) and their agency's. */
function whoText(ctx: PageContext, user: PortalUser): string {
  return `${user.name ?? personShown(ctx, user.agency, user.sub)} · ${agencyName(ctx, user.agency)}`;
}

/** An agency's name as the page's context knows it ({@link PageContext.agencyName}), else its code. */
export function agencyNameIn(names: AgencyNames | undefined): (code: string) => string {
  let loaded: ReadonlyMap<string, string> | undefined;
  return (code) => {
    loaded ??= names?.() ?? new Map<string, string>();
    return loaded.get(code) ?? code;
  };
}

export function pageContext(req: Request, res: Response, assets: PortalAssets): PageContext {
  const locale = chooseLocale(req);
  const query = new URLSearchParams(
    req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '',
  );
  const user = res.locals.portalUser as PortalUser | undefined;
  // a form posted to a path that answers no GET (`POST /cases`) shows its page again: its links (the language
  // switch) go to the page the form is on, which the route names (`formPage`)
  const formPage =
    req.method === 'GET' || req.method === 'HEAD' ? undefined : (res.locals.formPage as string | undefined);
  const agencyName = agencyNameIn(res.locals[AGENCY_NAMES] as AgencyNames | undefined);
  const personName = personNameIn(res.locals[PERSON_NAMES] as PersonNames | undefined);
  return {
    ...translator(locale),
    path: formPage ?? req.path,
    query,
    assets,
    agencyName,
    personName,
    ...(user ? { user } : {}),
  };
}

/**
 * The Content-Security-Policy of the portal's pages: scripts, styles and fetches from this origin only, no inline
 * script or style, forms posting back here, never framed.
 */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; " +
  "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export interface PageOptions {
  readonly title: string;
  readonly main: Html;
  /** Bundled scripts (by file name in `client/`'s build) the page is enhanced with. */
  readonly scripts?: readonly string[];
  readonly status?: number;
  /**
   * A same-site path the page moves on to at once (`<meta http-equiv="refresh">`): a navigation the page itself
   * makes is same-site, so the browser sends the `SameSite=Strict` session cookie with it, which it does not on a
   * redirect that began on another site (the identity provider's).
   */
  readonly refreshTo?: string;
  /** The Atom feed the page's `<link rel="alternate">` names (a list page's, with its filters); default the whole feed. */
  readonly feed?: string;
}

/** The sign-in link: back to the page it was followed from after signing in (`?next=`), but from the home page. */
function signInHref(path: string): string {
  return path === '/' || path.startsWith('/signin') ? '/signin' : `/signin?next=${encodeURIComponent(path)}`;
}

/**
 * A link to this page in the other language (the `?lang=` switch), keeping the rest of the query but a form's CSRF
 * token (an upload form's action carries it, and a refused form is shown at that address): a link would put it in the
 * address bar and the history.
 */
function switchHref(ctx: PageContext, locale: Locale): string {
  const query = new URLSearchParams(ctx.query);
  query.delete('_csrf');
  query.set('lang', locale === 'zh-CN' ? 'zh-CN' : 'en');
  return `${ctx.path}?${query.toString()}`;
}

const NAV: readonly (readonly [string, MessageKey])[] = [
  ['/', 'nav.home'],
  ['/agencies', 'nav.agencies'],
  ['/disclosures', 'nav.disclosures'],
  ['/officers', 'nav.officers'],
  ['/items', 'nav.items'],
  ['/published', 'nav.published'],
  ['/inspections', 'nav.inspections'],
  ['/recording-list', 'nav.recordingList'],
  ['/benchmarks', 'nav.benchmarks'],
  ['/statistics', 'nav.statistics'],
  ['/verify', 'nav.verify'],
  ['/apply', 'nav.apply'],
];

/** The signed-in user's screens: their work (cases, forms, the review queue) and, for supervisors, the dashboard. */
function signedInNav(ctx: PageContext): (readonly [string, MessageKey])[] {
  if (!ctx.user) return [];
  return [
    ['/work', 'work.title'],
    ...(ctx.user.roles.includes('supervisor') ? [['/supervise', 'nav.supervise'] as const] : []),
    ...(ctx.user.roles.includes('admin') ? [['/admin/officers', 'roster.nav'] as const] : []),
    ...(ctx.user.roles.includes('admin') ? [['/admin/items', 'itemAdmin.nav'] as const] : []),
    ...(ctx.user.roles.includes('admin') ? [['/admin/review-settings', 'reviewSettings.nav'] as const] : []),
    ...(ctx.user.roles.includes('admin') ? [['/admin/agency-profile', 'agencyProfile.nav'] as const] : []),
    ...(ctx.user.roles.includes('admin') ? [['/admin/decision-templates', 'nav.templates'] as const] : []),
  ];
}

function current(ctx: PageContext, href: string): boolean {
  return href === '/' ? ctx.path === '/' : ctx.path === href || ctx.path.startsWith(`${href}/`);
}

/** Renders a whole page in the site's frame and sends it. */
export function sendPage(res: Response, ctx: PageContext, options: PageOptions): void {
  const other: Locale = ctx.locale === 'zh-CN' ? 'en' : 'zh-CN';
  const style = ctx.assets.url('portal.css');
  // a form that came back with an error, whichever page it is on, gets its summary focused (forms.js)
  const named = options.scripts ?? [];
  const withForms =
    options.main.value.includes('class="error-summary"') && !named.includes('forms.js')
      ? [...named, 'forms.js']
      : named;
  const scripts = withForms.map((name) => ctx.assets.url(name)).filter((url) => url !== undefined);
  const page = html`<!doctype html>
    <html lang="${ctx.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} · ${ctx.t('site.name')}</title>
        ${options.refreshTo !== undefined && html`<meta http-equiv="refresh" content="0;url=${options.refreshTo}" />`}
        ${style && html`<link rel="stylesheet" href="${style}" />`}
        <link rel="icon" href="data:," />
        <link
          rel="alternate"
          type="application/atom+xml"
          href="${options.feed ?? '/v1/disclosures/feed.atom'}"
          title="${ctx.t('nav.disclosures')}"
        />
        ${scripts.map((src) => html`<script type="module" src="${src}"></script>`)}
      </head>
      <body>
        <a class="skip" href="#main">${ctx.t('skip.toContent')}</a>
        <header class="site">
          <div class="bar">
            <a class="brand" href="/">${ctx.t('site.name')}</a>
            <a class="lang" href="${switchHref(ctx, other)}" hreflang="${other}" lang="${other}"
              >${ctx.t('lang.switchTo')}</a
            >
            ${
              ctx.user
                ? html`<span class="who">${whoText(ctx, ctx.user)}</span>
                    <form class="signout" method="post" action="/signout">
                      ${csrfField(res)}<button type="submit">${ctx.t('nav.signOut')}</button>
                    </form>`
                : html`<a class="signin" href="${signInHref(ctx.path)}">${ctx.t('nav.signIn')}</a>`
            }
          </div>
          <nav aria-label="${ctx.t('nav.label')}">
            <ul>
              ${NAV.map(
                ([href, key]) =>
                  html`<li>
                    <a href="${href}" ${current(ctx, href) ? html` aria-current="page"` : ''}>${ctx.t(key)}</a>
                  </li>`,
              )}
              ${signedInNav(ctx).map(
                ([href, key]) =>
                  html`<li>
                    <a href="${href}" ${current(ctx, href) ? html` aria-current="page"` : ''}>${ctx.t(key)}</a>
                  </li>`,
              )}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">${options.main}</main>
        <footer class="site">
          <p>${ctx.t('footer.ledger')}</p>
          <p><a href="/openapi.json">${ctx.t('footer.api')}</a></p>
        </footer>
      </body>
    </html> `;
  res.status(options.status ?? 200);
  res.setHeader('Content-Security-Policy', PAGE_CSP);
  res.setHeader('Content-Language', ctx.locale);
  res.setHeader('Vary', 'Accept-Language, Cookie');
  if (ctx.query.has('lang')) {
    res.append('Set-Cookie', `${LANG_COOKIE}=${ctx.locale}; Path=/; Max-Age=31536000; SameSite=Lax`);
  }
  res.type('text/html; charset=utf-8').send(page.value);
}
