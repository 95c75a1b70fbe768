import { execFile } from 'node:child_process';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** An officer's Ed25519 key pair and the public key as the registry records it (base64 of the SPKI DER). */
export function officerKeyPair(): { privateKey: KeyObject; publicKey: KeyObject; spki: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, spki: publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
}

/** A self-signed X.509 certificate of `privateKey`'s public key, made by `openssl req -x509` (valid `days` days from now). */
export async function selfSignedCertificate(privateKey: KeyObject, days = 3650): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'officer-cert-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    fs.writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const certFile = path.join(dir, 'cert.pem');
    const args = ['req', '-x509', '-new', '-key', keyFile, '-subj', '/CN=officer', '-days', String(days)];
    await run('openssl', [...args, '-out', certFile]);
    return fs.readFileSync(certFile, 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
