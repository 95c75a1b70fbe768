import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The file, in the keys folder, of the secret that seals the portal's session cookies. */
export const SESSION_SECRET_FILE = 'session.secret';
const SECRET_BYTES = 32;

/**
 * The secret that seals (encrypts and authenticates) the web portal's session cookies: 32 random bytes, hex, in
 * `session.secret` of the keys folder, created owner-only (0600) on first start. Replicas that share a log share
 * the keys folder's contents, this file with them, so a session opened on one is honoured by all; replacing the
 * file ends every session at the next start.
 */
export function loadOrCreateSessionSecret(keysDir: string): Buffer {
  const file = path.join(keysDir, SESSION_SECRET_FILE);
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
  if (!/^[0-9a-f]{64}$/.test(text)) throw new Error(`${file} does not hold a session secret (64 hex digits)`);
  return Buffer.from(text, 'hex');
}
