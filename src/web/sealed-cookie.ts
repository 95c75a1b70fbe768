import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { cookieOf } from './cookies.js';

/** What a sealed cookie is for: each purpose has a key of its own, so one can never be taken for another. */
export type SealPurpose = 'session' | 'signin-flow';

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Browsers keep cookies up to 4096 bytes (name, value and attributes); stay clear of it. */
export const MAX_COOKIE_VALUE = 3800;

/**
 * AES-256-GCM over JSON, keyed per purpose from the service's session secret (HKDF-SHA256): the browser holds a
 * value it can neither read nor alter, and the service needs no store to honour it, on any replica sharing the
 * secret. The purpose is also the additional authenticated data.
 */
export class CookieSeal {
  readonly #keys: Record<SealPurpose, Buffer>;

  constructor(secret: Buffer) {
    if (secret.length < 32) throw new TypeError('the session secret must be at least 32 bytes');
    const key = (purpose: SealPurpose) =>
      Buffer.from(hkdfSync('sha256', secret, 'evidence-ledger portal', `cookie:${purpose}:v1`, 32));
    this.#keys = { session: key('session'), 'signin-flow': key('signin-flow') };
  }

  seal(purpose: SealPurpose, value: unknown): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#keys[purpose], iv);
    cipher.setAAD(Buffer.from(purpose));
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  /** The sealed value, or undefined when it is not one this service sealed for `purpose` (or is malformed). */
  open(purpose: SealPurpose, sealed: string): unknown {
    if (sealed.length > MAX_COOKIE_VALUE || !/^[A-Za-z0-9_-]+$/.test(sealed)) return undefined;
    const bytes = Buffer.from(sealed, 'base64url');
    if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#keys[purpose], bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(purpose));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      const text = Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }
}

export interface CookieOptions {
  readonly path: string;
  readonly sameSite: 'Strict' | 'Lax';
  /** Seconds; 0 deletes the cookie. */
  readonly maxAge: number;
  readonly secure: boolean;
}

/** Adds a `Set-Cookie` (HttpOnly always), keeping those the response already has. */
export function setCookie(res: Response, name: string, value: string, options: CookieOptions): void {
  const attributes = [
    `${name}=${value}`,
    `Path=${options.path}`,
    `Max-Age=${Math.max(0, Math.floor(options.maxAge))}`,
    'HttpOnly',
    `SameSite=${options.sameSite}`,
    ...(options.secure ? ['Secure'] : []),
  ];
  res.append('Set-Cookie', attributes.join('; '));
}

/**
 * The cookie's name on this request: with `Secure`, a `__Host-` name (Path=/) or `__Secure-` name (another path),
 * which a browser accepts only from an HTTPS origin, so a plain-HTTP response or a sibling domain cannot plant it.
 */
export function cookieName(base: string, secure: boolean, path: string): string {
  if (!secure) return base;
  return path === '/' ? `__Host-${base}` : `__Secure-${base}`;
}

/** The raw value of a cookie of the request. */
export const readCookie = (req: Request, name: string): string | undefined => cookieOf(req, name);
