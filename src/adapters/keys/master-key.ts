import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { KeyWrapper } from '../../ports/data-keys.js';
import { createFileOnce, readCreatedFile } from './create-once.js';
import { makeFolders } from '../../folders.js';

const WRAP_AAD = 'evidence-ledger/data-key/v1\n';

/**
 * The embedded master key: 32 bytes, 64 hex digits in a file (`LEDGER_MASTER_KEY_FILE`, by default `master.key` in
 * the keys folder), created owner-only on first start. A data key is wrapped as iv (12 bytes) ‖ AES-256-GCM
 * ciphertext (32) ‖ tag (16), with `"evidence-ledger/data-key/v1\n" ‖ scope` as associated data.
 */
export class FileKeyWrapper implements KeyWrapper {
  readonly keyId: string;

  constructor(private readonly master: Buffer) {
    if (master.length !== 32) throw new Error('a master key is 32 bytes');
    this.keyId = `local:${createHash('sha256').update(master).digest('hex').slice(0, 16)}`;
  }

  async wrap(key: Uint8Array, scope: string): Promise<Uint8Array> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.master, iv);
    cipher.setAAD(Buffer.from(WRAP_AAD + scope, 'utf8'));
    return Buffer.concat([iv, cipher.update(key), cipher.final(), cipher.getAuthTag()]);
  }

  async unwrap(wrapped: Uint8Array, scope: string): Promise<Uint8Array> {
    const bytes = Buffer.from(wrapped);
    const decipher = createDecipheriv('aes-256-gcm', this.master, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(WRAP_AAD + scope, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]);
  }
}

/** Reads the master key file, creating it (owner-only, 32 random bytes) when it does not exist. */
export function loadOrCreateMasterKey(file: string): Buffer {
  makeFolders(path.dirname(file), 0o700);
  if (!fs.existsSync(file)) createFileOnce(file, `${randomBytes(32).toString('hex')}\n`);
  const text = readCreatedFile(file, 'master key');
  if (!/^[0-9a-f]{64}$/.test(text)) throw new Error(`${file} does not hold a master key (64 hex digits)`);
  return Buffer.from(text, 'hex');
}
