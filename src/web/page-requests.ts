import type { Request } from 'express';

/**
 * Which requests the portal answers with its own pages when no route took them, or when they failed: a browser's,
 * asking for HTML outside the API's paths. Apart from the portal, so that the service can tell without loading it.
 */

/** Asked for HTML (a browser's navigation), rather than JSON or anything else. */
export function wantsHtml(accept: string | undefined): boolean {
  return accept !== undefined && /\btext\/html\b/.test(accept);
}

/** A request whose error the portal shows as a page: HTML asked for, outside `/v1/`. */
export function pageWanted(req: Request): boolean {
  return !req.path.startsWith('/v1/') && wantsHtml(req.get('accept'));
}

/** A request no route took that the portal answers with its 404 page: a `GET` or `HEAD` of a page. */
export function pageAsked(req: Request): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && pageWanted(req);
}
