import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createFileOnce, readCreatedFile } from './create-once.js';
import { makeFolders } from '../../folders.js';

const SECRET_BYTES = 32;

/**
 * The service's symmetric secrets, each 32 random bytes, hex, in a file of its own in the keys folder, created
 * owner-only (0600) on first start. Replicas that share a log share the keys folder's contents, these files with
 * them; replacing a file changes what was derived from it at the next start.
 *
 * - `session.secret` seals (encrypts and authenticates) the web portal's session cookies: a session opened on one
 *   replica is honoured by all; replacing it ends every session.
 * - `webhook.secret`: every webhook subscription's HMAC secret and Ed25519 key is derived from it and the
 *   subscription's id (src/app/webhooks/webhook-keys.ts), so no subscription secret is stored anywhere, least of all
 *   in the log; replacing it changes every subscription's key.
 */
export const SERVICE_SECRETS = { session: 'session.secret', webhook: 'webhook.secret' } as const;

export function loadOrCreateSecret(keysDir: string, which: keyof typeof SERVICE_SECRETS): Buffer {
  const file = path.join(keysDir, SERVICE_SECRETS[which]);
  makeFolders(keysDir, 0o700);
  if (!fs.existsSync(file)) createFileOnce(file, `${randomBytes(SECRET_BYTES).toString('hex')}\n`);
  const text = readCreatedFile(file, `${which} secret`);
  if (!/^[0-9a-f]{64}$/.test(text)) throw new Error(`${file} does not hold a ${which} secret (64 hex digits)`);
  return Buffer.from(text, 'hex');
}
