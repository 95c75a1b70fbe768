import fs from 'node:fs';
import path from 'node:path';
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SUITES, suiteOfKey, type SuiteName } from '../../ledger/suite.js';
import { ConfigError } from '../../errors.js';
import type { Clock } from '../../ports/clock.js';
import type { KeyPurpose, KeySet, PublicKeyRecord } from '../../ports/keys.js';
import { createFileOnce } from './create-once.js';
import { makePrivateFolders } from '../../folders.js';

/**
 * The service's keys on disk, in the keys folder (mode 0700):
 * - `keyring.json`: every key's id, public key, creation and retirement time (public data only);
 * - one PKCS#8 PEM file (mode 0600) per private key still in use.
 * Two purposes: `event` keys sign events and checkpoints (Ed25519, or SM2 in the SM2 crypto suite: the key's
 * `algorithm` records its suite, and a keyring never changes suite); `token` keys sign the bearer tokens the
 * embedded default issues (ES256, since JWT libraries do not support EdDSA). Rotation creates a new key with a
 * new id, marks the old one retired and deletes its private key; retired public keys stay so that what they
 * signed still verifies.
 */
export type { KeyPurpose } from '../../ports/keys.js';
export type KeyRecord = PublicKeyRecord;

interface KeyringFile {
  readonly version: 1;
  readonly keys: KeyRecord[];
}

export type Keys = KeySet;

const KEYRING = 'keyring.json';

/**
 * Loads the keys, generating the missing ones first (the embedded default's first start) in `suite`. A keyring whose
 * current event key is of another suite is refused (`ConfigError` naming LEDGER_CRYPTO_SUITE). Without `suite` (a
 * tool that opens a keys folder as it is), an existing keyring is loaded in its own suite and a new one is Ed25519.
 */
export function loadOrCreateKeys(dir: string, clock: Clock, suite?: SuiteName): Keys {
  makePrivateFolders(dir);
  let ring = readKeyring(dir);
  if (!ring) {
    const now = clock.now().toISOString();
    const created: KeyringFile = {
      version: 1,
      keys: [createKey(dir, 'event', now, suite ?? 'ed25519'), createKey(dir, 'token', now, suite ?? 'ed25519')],
    };
    if (!publishKeyring(dir, created, { exclusive: true })) {
      for (const key of created.keys) fs.rmSync(privateKeyPath(dir, key), { force: true });
    }
    ring = readKeyring(dir)!;
  }
  return parseKeys(dir, ring, suite);
}

/**
 * What changes when the keyring file is replaced (a rotation writes a new file and renames it into place): a
 * replica compares it between polls and loads the keys again when it differs. Undefined while there is no file.
 */
export function keyringStamp(dir: string): string | undefined {
  try {
    const stat = fs.statSync(path.join(dir, KEYRING));
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * Retires the current key of `purpose` and makes a new one current, of the same suite (`suite` when none is
 * current). Returns the new key's record.
 */
export function rotateKey(dir: string, purpose: KeyPurpose, clock: Clock, suite: SuiteName = 'ed25519'): KeyRecord {
  const ring = readKeyring(dir);
  if (!ring) throw new Error(`no keyring in ${dir}`);
  const now = clock.now().toISOString();
  const old = ring.keys.filter((k) => k.purpose === purpose && k.retiredAt === null);
  const current = old.find((k) => k.purpose === 'event');
  const fresh = createKey(dir, purpose, now, current?.algorithm === 'SM2-SM3' ? 'sm2' : current ? 'ed25519' : suite);
  const keys = ring.keys.map((k) => (old.includes(k) ? { ...k, retiredAt: now } : k));
  publishKeyring(dir, { version: 1, keys: [...keys, fresh] }, { exclusive: false });
  for (const key of old) fs.rmSync(privateKeyPath(dir, key), { force: true });
  return fresh;
}

export function readKeyring(dir: string): KeyringFile | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, KEYRING), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const ring = JSON.parse(text) as KeyringFile;
  if (ring.version !== 1 || !Array.isArray(ring.keys)) throw new Error(`${path.join(dir, KEYRING)} is not a keyring`);
  return ring;
}

function parseKeys(dir: string, ring: KeyringFile, wanted: SuiteName | undefined): Keys {
  const all = ring.keys.map((record) => {
    const publicKey = createPublicKey(record.publicKeyPem);
    if (idOf(publicKey) !== record.keyId)
      throw new Error(`keyring entry ${record.keyId} does not match its public key`);
    return { ...record, publicKey };
  });
  const current = (purpose: KeyPurpose) => {
    const record = all.find((k) => k.purpose === purpose && k.retiredAt === null);
    if (!record) throw new Error(`the keyring in ${dir} has no current ${purpose} key`);
    const privateKey = createPrivateKey(fs.readFileSync(privateKeyPath(dir, record), 'utf8'));
    if (idOf(createPublicKey(privateKey)) !== record.keyId) {
      throw new Error(`the private key file of ${purpose} key ${record.keyId} holds another key`);
    }
    return { record, privateKey };
  };
  const event = current('event');
  const token = current('token');
  const eventSuite = suiteOfKey(event.record.publicKey);
  const suite = wanted ?? eventSuite?.name ?? 'ed25519';
  if (eventSuite?.name !== suite) {
    throw new ConfigError(
      'LEDGER_CRYPTO_SUITE',
      `the current event key ${event.record.keyId} in ${dir} is of the ${eventSuite?.name ?? 'unknown'} suite, but ` +
        `this service is configured for ${suite}: a log never changes suite, so use a keys folder of ${suite} keys`,
    );
  }
  return {
    eventSigner: eventSuite.signer(event.privateKey),
    tokenKey: { keyId: token.record.keyId, privateKey: token.privateKey, publicKey: token.record.publicKey },
    all,
  };
}

/** A key's id: in its crypto suite for an event key (suite.ts), else the hex SHA-256 of its SPKI DER. */
function idOf(publicKey: KeyObject): string {
  return (suiteOfKey(publicKey) ?? SUITES.ed25519).keyIdOf(publicKey);
}

function createKey(dir: string, purpose: KeyPurpose, now: string, suite: SuiteName): KeyRecord {
  const sm2 = purpose === 'event' && suite === 'sm2';
  const { privateKey, publicKey } =
    purpose === 'token' || sm2
      ? generateKeyPairSync('ec', { namedCurve: sm2 ? 'SM2' : 'P-256' })
      : generateKeyPairSync('ed25519');
  const record: KeyRecord = {
    keyId: idOf(publicKey),
    purpose,
    algorithm: purpose === 'token' ? 'ES256' : SUITES[suite].sigAlg,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) as string,
    createdAt: now,
    retiredAt: null,
  };
  // written whole or not at all: a key file cut short by a full disk or a crash would be named by no keyring, but
  // it is never there
  createFileOnce(privateKeyPath(dir, record), privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
  return record;
}

function privateKeyPath(dir: string, record: Pick<KeyRecord, 'purpose' | 'keyId'>): string {
  return path.join(dir, `${record.purpose}-${record.keyId.slice(0, 16)}.key.pem`);
}

/** Writes the keyring atomically; with `exclusive`, only if none exists yet (returns false if one does). */
function publishKeyring(dir: string, ring: KeyringFile, { exclusive }: { exclusive: boolean }): boolean {
  const target = path.join(dir, KEYRING);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    writeDurably(temp, JSON.stringify(ring, null, 2) + '\n');
    if (exclusive) {
      try {
        fs.linkSync(temp, target);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw err;
      }
    } else {
      fs.renameSync(temp, target);
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
  syncDir(dir);
  return true;
}

/** Writes an owner-only (0600) file, whatever the umask, and makes it durable. */
function writeDurably(file: string, text: string): void {
  const fd = fs.openSync(file, 'w', 0o600);
  try {
    fs.fchmodSync(fd, 0o600);
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function syncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
