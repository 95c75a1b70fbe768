import type { RequestHandler } from 'express';

/**
 * Hardening headers on every response, helmet-style, for an API that serves JSON and stored media: nothing may be
 * sniffed, framed, run as a page or sent on as a referrer, and nothing is cached unless a route says otherwise (it
 * replaces `Cache-Control` by setting its own). HSTS is ignored by browsers over plain HTTP.
 */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'no-referrer'],
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
  ['Cache-Control', 'no-store'],
];

export const securityHeaders: RequestHandler = (_req, res, next) => {
  for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
  next();
};
