import type { ErrorRequestHandler, RequestHandler } from 'express';
import { pageAsked, pageWanted } from './page-requests.js';
import type { PortalAssets } from './assets.js';
import type { PortalDependencies, portal, portalErrors, portalNotFound } from './portal.js';

/** What the portal's module gives (`loadModule` may stand in for it in a test). */
export interface PortalModule {
  readonly portal: typeof portal;
  readonly portalNotFound: typeof portalNotFound;
  readonly portalErrors: typeof portalErrors;
}

/** The portal once loaded: its router, and its pages for a request no route took and for errors. */
interface LoadedPortal {
  readonly router: RequestHandler;
  readonly notFound: RequestHandler;
  readonly errors: ErrorRequestHandler;
}

/**
 * The web portal, whose modules (its pages, forms and both languages' messages: about half of the service's code)
 * are loaded when a request first reaches it, not when the service starts: a request the API's routes answer never
 * loads them, and the first page a browser asks for loads them once (a few hundred milliseconds of CPU compiled).
 * Its routes, pages and answers are the portal's own (`portal` in `./portal.ts`); only when they are
 * made changes. A load that fails is the request's error (500, logged) and is tried again by the next request.
 */
export function lazyPortal(
  deps: PortalDependencies & { readonly assets: PortalAssets },
  loadModule: () => Promise<PortalModule> = () => import('./portal.js'),
): {
  readonly router: RequestHandler;
  readonly pages: { readonly notFound: RequestHandler; readonly errors: ErrorRequestHandler };
} {
  let loaded: LoadedPortal | undefined;
  let loading: Promise<LoadedPortal> | undefined;
  const load = (): Promise<LoadedPortal> =>
    (loading ??= loadModule().then(
      ({ portal, portalNotFound, portalErrors }) =>
        (loaded = {
          router: portal(deps),
          notFound: portalNotFound(deps.assets),
          errors: portalErrors(deps.assets),
        }),
      (err: unknown) => {
        loading = undefined;
        throw err;
      },
    ));
  return {
    router: (req, res, next) => {
      if (loaded) loaded.router(req, res, next);
      else load().then((portal) => portal.router(req, res, next), next);
    },
    pages: {
      notFound: (req, res, next) => {
        if (!pageAsked(req)) next();
        else if (loaded) loaded.notFound(req, res, next);
        else load().then((portal) => portal.notFound(req, res, next), next);
      },
      errors: (err, req, res, next) => {
        if (res.headersSent || !pageWanted(req)) next(err);
        else if (loaded) loaded.errors(err, req, res, next);
        else
          load().then(
            (portal) => portal.errors(err, req, res, next),
            () => next(err),
          );
      },
    },
  };
}
