import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ed25519Signer, type Signer } from '../../ledger/ed25519.js';
import { createFileOnce, readCreatedFile } from './create-once.js';
import { makeFolders } from '../../folders.js';

/** The witness's signing key and the name it cosigns under, kept in its data folder (never in the repository). */
export interface WitnessKey {
  readonly name: string;
  readonly signer: Signer;
  readonly createdAt: string;
}

export const WITNESS_KEY_FILE = 'witness-key.json';

/**
 * Loads the witness key from `dir/witness-key.json`, or generates one (Ed25519) under `name` (else `defaultName`)
 * when there is none:
 * the file is written owner-only (0600) and exclusively, so two first starts cannot make two keys. A `name` given
 * for an existing key must be the key's own (a witness's name and key go together).
 */
export function loadOrCreateWitnessKey(
  dir: string,
  { name, defaultName }: { name?: string; defaultName: string },
  now: Date,
): WitnessKey {
  makeFolders(dir, 0o700);
  const file = path.join(dir, WITNESS_KEY_FILE);
  if (!fs.existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const text = `${JSON.stringify({ name: name ?? defaultName, createdAt: now.toISOString(), privateKeyPem: pem }, null, 2)}\n`;
    createFileOnce(file, text);
  }
  const stored = JSON.parse(readCreatedFile(file, 'witness key')) as {
    name: string;
    createdAt: string;
    privateKeyPem: string;
  };
  if (name !== undefined && name !== stored.name) {
    throw new Error(`the witness key in ${dir} is named ${stored.name}, not ${name}`);
  }
  return {
    name: stored.name,
    createdAt: stored.createdAt,
    signer: ed25519Signer(createPrivateKey(stored.privateKeyPem)),
  };
}
