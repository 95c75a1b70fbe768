import type { Request } from 'express';

/**
 * The origin absolute links are made from: `PUBLIC_URL` where the service was given one (kept in the app's locals),
 * else the request's own scheme and `Host`, which a client chooses (docs/configuration.md, `PUBLIC_URL`).
 */
export function publicOrigin(req: Request): string {
  const configured = (req.app.locals as { publicOrigin?: unknown }).publicOrigin;
  if (typeof configured === 'string') return configured;
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
