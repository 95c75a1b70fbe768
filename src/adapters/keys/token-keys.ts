import fs from 'node:fs';
import { X509Certificate, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { keyIdOf } from '../../ledger/ed25519.js';
import type { TokenKeyTrust, TrustedKey } from '../../ports/token-keys.js';

/**
 * The public keys that verify bearer tokens, as configured:
 * - `embedded`: the keyring's current token key only: a rotation (`ledger keys rotate --purpose token`) retires
 *   the old key, and the tokens it signed are refused once the service has taken the rotation up (within
 *   seconds, no restart: `src/replica-keys.ts`);
 * - `pem`: one SPKI public key or one X.509 certificate per file (the certificate is only a container for its
 *   key: neither its validity dates nor its chain are checked); key id = {@link keyIdOf};
 * - `jwks`: a JSON Web Key Set file; key id = the JWK's `kid`, else {@link keyIdOf}. Keys marked for
 *   encryption (`use` other than `sig`) are left out.
 * Private or symmetric key material is refused. Every error names the file.
 */
export function loadTrustedTokenKeys(
  trust: TokenKeyTrust,
  embedded: readonly { readonly keyId: string; readonly publicKey: KeyObject; readonly retiredAt: string | null }[],
): TrustedKey[] {
  switch (trust.kind) {
    case 'embedded':
      return distinct(
        'the keyring',
        embedded
          .filter(({ retiredAt }) => retiredAt === null)
          .map(({ keyId, publicKey }) => ({ kid: keyId, key: supported('the keyring', publicKey) })),
      );
    case 'pem':
      return pemKeys(trust.files);
    case 'jwks':
      return jwksKeys(trust.file);
  }
}

function pemKeys(files: readonly string[]): TrustedKey[] {
  if (files.length === 0) throw new Error('no token key files configured');
  const fileOf = new Map<string, string>();
  return files.map((file) => {
    const key = pemKey(file);
    const kid = keyIdOf(key);
    const earlier = fileOf.get(kid);
    if (earlier !== undefined) throw new Error(`token key files ${earlier} and ${file} hold the same key`);
    fileOf.set(kid, file);
    return { kid, key };
  });
}

function pemKey(file: string): KeyObject {
  const text = read(file);
  const labels = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----/g)].map((m) => m[1]!);
  if (labels.some((label) => label.includes('PRIVATE KEY'))) {
    throw new Error(`token key file ${file} holds a private key: configure the public key only`);
  }
  if (labels.length !== 1) {
    throw new Error(`token key file ${file} must hold exactly one PEM public key or certificate, not ${labels.length}`);
  }
  let key: KeyObject;
  try {
    key = labels[0] === 'CERTIFICATE' ? new X509Certificate(text).publicKey : createPublicKey(text);
  } catch (err) {
    throw new Error(`token key file ${file}: ${(err as Error).message}`, { cause: err });
  }
  return supported(`token key file ${file}`, key);
}

function jwksKeys(file: string): TrustedKey[] {
  let set: unknown;
  try {
    set = JSON.parse(read(file));
  } catch (err) {
    if (err instanceof SyntaxError) throw new Error(`JWKS file ${file} is not JSON: ${err.message}`, { cause: err });
    throw err;
  }
  const jwks = (set as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(jwks)) throw new Error(`JWKS file ${file} has no "keys" array`);
  const keys = jwks.flatMap((jwk: unknown, index): TrustedKey[] => {
    const where = `JWKS file ${file}, key ${index}`;
    if (typeof jwk !== 'object' || jwk === null) throw new Error(`${where} is not an object`);
    const { d, k, use, kid } = jwk as Record<string, unknown>;
    if (d !== undefined) throw new Error(`${where} is a private key (has "d"): publish the public key only`);
    if (k !== undefined) throw new Error(`${where} is a symmetric key (has "k"): only public keys are trusted`);
    if (use !== undefined && use !== 'sig') return [];
    let key: KeyObject;
    try {
      key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
    } catch (err) {
      throw new Error(`${where}: ${(err as Error).message}`, { cause: err });
    }
    supported(where, key);
    return [{ kid: typeof kid === 'string' && kid !== '' ? kid : keyIdOf(key), key }];
  });
  if (keys.length === 0) throw new Error(`JWKS file ${file} holds no signature keys`);
  return distinct(`JWKS file ${file}`, keys);
}

function read(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new Error(`cannot read token key file ${file} (${code})`, { cause: err });
  }
}

const CURVES = ['prime256v1', 'secp384r1', 'secp521r1'];

/** The curve each ES* algorithm signs on (RFC 7518 §3.4). */
const ES_CURVES: Readonly<Record<string, string>> = { ES256: 'prime256v1', ES384: 'secp384r1', ES512: 'secp521r1' };

/** Whether a token signed with `algorithm` can verify with `key`: RS256… need RSA, PS256… RSA or RSA-PSS, ES256… the curve. */
export function keyFitsAlgorithm(key: KeyObject, algorithm: string): boolean {
  const type = key.asymmetricKeyType;
  if (algorithm.startsWith('ES')) return type === 'ec' && key.asymmetricKeyDetails?.namedCurve === ES_CURVES[algorithm];
  if (algorithm.startsWith('PS')) return type === 'rsa' || type === 'rsa-pss';
  if (algorithm.startsWith('RS')) return type === 'rsa';
  return false;
}

/** A key's type as an operator names it: "RSA", "EC P-256" … */
export function describeTokenKey(key: KeyObject): string {
  const curve = key.asymmetricKeyDetails?.namedCurve;
  const names: Readonly<Record<string, string>> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };
  return key.asymmetricKeyType === 'ec' ? `EC ${names[curve ?? ''] ?? curve ?? ''}` : 'RSA';
}

/** Only what JWT's ES*, RS* and PS* algorithms can use: EC P-256/384/521 and RSA public keys. */
function supported(source: string, key: KeyObject): KeyObject {
  if (key.type !== 'public') throw new Error(`${source}: not a public key`);
  const type = key.asymmetricKeyType;
  const fits =
    type === 'rsa' ||
    type === 'rsa-pss' ||
    (type === 'ec' && CURVES.includes(key.asymmetricKeyDetails?.namedCurve ?? ''));
  if (!fits) throw new Error(`${source}: unsupported token key type ${type ?? 'unknown'}`);
  return key;
}

function distinct(source: string, keys: TrustedKey[]): TrustedKey[] {
  if (keys.length === 0) throw new Error(`${source}: no token keys`);
  const seen = new Set<string>();
  for (const { kid } of keys) {
    if (seen.has(kid)) throw new Error(`${source}: key id ${kid} appears twice`);
    seen.add(kid);
  }
  return keys;
}
