import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The file, in the keys folder, of the secret every webhook subscription's signing key is derived from. */
export const WEBHOOK_SECRET_FILE = 'webhook.secret';
const SECRET_BYTES = 32;

/**
 * The service's webhook secret: 32 random bytes, hex, in `webhook.secret` of the keys folder, created owner-only
 * (0600) on first start. Every subscription's HMAC secret and Ed25519 key is derived from it and the
 * subscription's id (src/app/webhooks/webhook-keys.ts), so no subscription secret is stored anywhere, least of all
 * in the log. Replicas share the keys folder's contents; replacing the file changes every subscription's key.
 */
export function loadOrCreateWebhookSecret(keysDir: string): Buffer {
  const file = path.join(keysDir, WEBHOOK_SECRET_FILE);
  fs.mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  try {
    const fd = fs.openSync(file, 'wx', 0o600);
    try {
      fs.fchmodSync(fd, 0o600);
      fs.writeFileSync(fd, `${randomBytes(SECRET_BYTES).toString('hex')}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const text = fs.readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(text)) throw new Error(`${file} does not hold a webhook secret (64 hex digits)`);
  return Buffer.from(text, 'hex');
}
