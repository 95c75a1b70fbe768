import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { violation } from '../domain/errors.js';
import type { OfficerKey } from '../domain/registry/officer-keys.js';
import { keyIdOf } from '../ledger/ed25519.js';

/** A key as `POST /v1/officers/{officerId}/keys` asks it registered. */
export interface OfficerKeyRequest {
  readonly alg?: 'Ed25519';
  /** Standard base64 of the SubjectPublicKeyInfo DER, or its PEM (`-----BEGIN PUBLIC KEY-----`). */
  readonly publicKey: string;
  readonly certificate?: string;
  readonly validFrom?: string;
  readonly validTo?: string;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function parsePublicKey(text: string): KeyObject {
  const pem = text.trimStart().startsWith('-----BEGIN');
  if (!pem && !BASE64.test(text)) throw violation('officer_key_malformed', 'publicKey is neither base64 nor PEM');
  // node:crypto derives a public key from a private key's or a certificate's PEM too: only a public key's is taken,
  // so that a private key sent by mistake is refused (and known to be disclosed) rather than silently accepted
  if (pem && !text.trimStart().startsWith('-----BEGIN PUBLIC KEY-----')) {
    const detail = /PRIVATE KEY-----/.test(text)
      ? 'publicKey is a private key: it must never leave its holder, and this one should be treated as disclosed'
      : 'publicKey is a PEM of another kind than PUBLIC KEY (a certificate goes in certificate)';
    throw violation('officer_key_malformed', detail);
  }
  try {
    return pem
      ? createPublicKey({ key: text, format: 'pem' })
      : createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
  } catch {
    throw violation('officer_key_malformed', 'publicKey is not a SubjectPublicKeyInfo public key');
  }
}

function parseCertificate(pem: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch {
    throw violation('officer_certificate_malformed', 'certificate is not the PEM of an X.509 certificate');
  }
}

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The whole UTC days a certificate is valid on: from the day of notBefore (the next day when it starts after
 * 00:00:00) to the day of notAfter (the day before when it ends before 23:59:59).
 */
export function certificateDays(certificate: X509Certificate): { validFrom: string; validTo: string } {
  const from = Date.parse(certificate.validFrom);
  const to = Date.parse(certificate.validTo);
  const fromDay = Math.ceil(from / DAY_MS) * DAY_MS;
  const toDay = Math.floor((to + 1000) / DAY_MS) * DAY_MS - DAY_MS;
  return { validFrom: dayOf(fromDay), validTo: dayOf(toDay) };
}

/**
 * The key to record for a request: an Ed25519 key (else `officer_key_unsupported`), its key id computed here
 * (docs/integrity.md §5, never the client's), its SPKI DER in base64, and the certificate (checked to certify this
 * very key, `officer_certificate_mismatch`) as PEM. A stated validity must lie within the certificate's
 * (`officer_key_validity_outside_certificate`); an unstated one is the certificate's.
 */
export function officerKeyOf(request: OfficerKeyRequest): OfficerKey {
  const key = parsePublicKey(request.publicKey);
  if (key.asymmetricKeyType !== 'ed25519') {
    throw violation('officer_key_unsupported', `officer keys are Ed25519; this one is ${key.asymmetricKeyType}`);
  }
  const der = key.export({ type: 'spki', format: 'der' });
  const base = { keyId: keyIdOf(key), alg: 'Ed25519' as const, publicKey: der.toString('base64') };
  if (request.certificate === undefined) {
    if (request.validFrom === undefined) {
      throw violation('officer_key_validity_required', 'validFrom is required when no certificate is given');
    }
    return { ...base, validFrom: request.validFrom, ...(request.validTo ? { validTo: request.validTo } : {}) };
  }
  const certificate = parseCertificate(request.certificate);
  if (!certificate.publicKey.export({ type: 'spki', format: 'der' }).equals(der)) {
    throw violation('officer_certificate_mismatch', "the certificate's subject public key is not publicKey");
  }
  const days = certificateDays(certificate);
  const validFrom = request.validFrom ?? days.validFrom;
  const validTo = request.validTo ?? days.validTo;
  if (validFrom < days.validFrom || validTo > days.validTo) {
    throw violation(
      'officer_key_validity_outside_certificate',
      `the stated validity (${validFrom} to ${validTo}) is not within the certificate's (${days.validFrom} to ${days.validTo})`,
    );
  }
  return { ...base, certificate: certificate.toString(), validFrom, validTo };
}
