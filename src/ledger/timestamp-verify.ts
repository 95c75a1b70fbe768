import forge from 'node-forge';
import {
  algorithmOf,
  Asn1Shape,
  binary,
  build,
  Class,
  digest,
  fromDer,
  hexOf,
  octets,
  OID,
  oidOf,
  sequence,
  set,
  toDer,
  Type,
  type Asn1,
} from './timestamp-der.js';
import { parseTimestampToken, TimestampFailure, type ParsedToken, type TimestampTokenInfo } from './timestamp-token.js';

/**
 * Verifying an RFC 3161 time-stamp token over a message (docs/integrity.md §15.2), in pure JavaScript (node-forge's
 * RSA and SHA-2), so that `ledger verify`, the service and the browser verifier check tokens the same way.
 */

type Cert = forge.pki.Certificate;
interface HeldCert {
  readonly cert: Cert;
  /** The certificate's DER, as a binary string. */
  readonly der: string;
}

/** The certification authorities a verifier trusts for time-stamps (or pinned TSA certificates), parsed once. */
export interface TimestampRoots {
  readonly certs: readonly HeldCert[];
}

/** A verified token: what it says, and who said it. */
export interface VerifiedTimestamp extends TimestampTokenInfo {
  /** The TSA certificate's subject, as `CN=…, O=…, C=…`. */
  readonly tsa: string;
  /** The subject of the trusted certificate the TSA's chain ends in; absent when no roots were given. */
  readonly root?: string;
}

/** The most certificates a TSA's chain may hold, the signer's and the trusted one included (docs/integrity.md §15.2). */
const MAX_CHAIN = 8;

function held(der: string): HeldCert {
  try {
    return { cert: forge.pki.certificateFromAsn1(forge.asn1.fromDer(der), true), der };
  } catch (err) {
    throw new Asn1Shape(`a certificate cannot be read (RSA keys only): ${(err as Error).message}`);
  }
}

/** Parses the PEM certificates (one or more per string) a verifier trusts; throws on anything else. */
export function timestampRoots(pems: readonly string[]): TimestampRoots {
  const certs: HeldCert[] = [];
  for (const pem of pems) {
    const blocks = forge.pem.decode(pem).filter((b) => b.type === 'CERTIFICATE');
    if (blocks.length === 0) throw new Error('no PEM CERTIFICATE block');
    for (const block of blocks) certs.push(held(block.body));
  }
  return { certs };
}

const subjectOf = (cert: Cert): string =>
  cert.subject.attributes
    .slice()
    .reverse()
    .map((a) => `${a.shortName ?? a.type}=${String(a.value)}`)
    .join(', ');

const stripZeros = (hex: string) => hex.replace(/^(00)+(?=.)/, '');

/** The signed attributes by OID: each must appear once with one value. */
function attributes(signedAttrs: Asn1): Map<string, Asn1> {
  const out = new Map<string, Asn1>();
  for (const attr of signedAttrs.value as Asn1[]) {
    const [type, values] = sequence(attr, 'attribute');
    const oid = oidOf(type, 'attribute type');
    const list = set(values, 'attribute values');
    if (out.has(oid) || list.length !== 1) throw new Asn1Shape(`the signed attribute ${oid} is not single-valued`);
    out.set(oid, list[0]!);
  }
  return out;
}

/** The certificate the ESS signing-certificate attribute names must be the signer's (RFC 3161 §2.4.1, RFC 5816). */
function checkEssCertId(attrs: Map<string, Asn1>, signer: HeldCert): void {
  const v2 = attrs.get(OID.signingCertificateV2);
  const v1 = attrs.get(OID.signingCertificate);
  const value = v2 ?? v1;
  if (!value) throw new Asn1Shape('the token names no signing certificate (ESS signingCertificate)');
  const [certs] = sequence(value, 'SigningCertificate');
  const [first] = sequence(certs, 'certs');
  const fields = sequence(first, 'ESSCertID');
  let algorithm: string = OID.sha1;
  let hashNode = fields[0];
  if (v2 && fields[0]?.tagClass === Class.UNIVERSAL && fields[0].type === Type.SEQUENCE) {
    algorithm = algorithmOf(fields[0], 'ESSCertIDv2 hashAlgorithm');
    hashNode = fields[1];
  } else if (v2) {
    algorithm = OID.sha256;
  }
  const expected = digest(algorithm, signer.der);
  if (expected === undefined) throw new Asn1Shape(`the signing certificate's hash algorithm ${algorithm} is unknown`);
  if (octets(hashNode, 'certHash') !== expected) {
    throw new TimestampFailure('timestamp_invalid', 'the signing-certificate attribute names another certificate');
  }
}

/** PKCS#1 v1.5 (RSASSA-PKCS1-v1_5) over the DER signed attributes: the DigestInfo must be exactly the expected. */
function checkSignature(token: ParsedToken, signer: HeldCert): void {
  const { signer: info } = token;
  if (
    ![OID.rsaEncryption, OID.sha256WithRSA, OID.sha384WithRSA, OID.sha512WithRSA].includes(
      info.signatureAlgorithm as never,
    )
  ) {
    throw new TimestampFailure(
      'timestamp_invalid',
      `the signature algorithm ${info.signatureAlgorithm} is not supported`,
    );
  }
  const signed = toDer(forge.asn1.create(Class.UNIVERSAL, Type.SET, true, info.signedAttrs.value as Asn1[]));
  const hashed = digest(info.digestAlgorithm, signed);
  if (hashed === undefined || info.digestAlgorithm === OID.sha1) {
    throw new TimestampFailure('timestamp_invalid', `the digest algorithm ${info.digestAlgorithm} is not supported`);
  }
  const withNull = toDer(
    build.seq([build.seq([build.oid(info.digestAlgorithm), build.nul()]), build.octets(bytes(hashed))]),
  );
  const withoutNull = toDer(build.seq([build.seq([build.oid(info.digestAlgorithm)]), build.octets(bytes(hashed))]));
  const key = signer.cert.publicKey as forge.pki.rsa.PublicKey;
  let recovered: string | undefined;
  try {
    // scheme NONE: the PKCS#1 type 1 padding is checked and removed; the DigestInfo is compared here
    const verify = key.verify as unknown as (d: string, s: string, scheme: string) => boolean;
    for (const digestInfo of [withNull, withoutNull])
      if (verify.call(key, digestInfo, info.signature, 'NONE')) recovered = digestInfo;
  } catch {
    recovered = undefined;
  }
  if (recovered === undefined) throw new TimestampFailure('timestamp_invalid', 'the signature does not verify');
}

const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

function findSigner(token: ParsedToken, pool: readonly HeldCert[]): HeldCert {
  const { sid } = token.signer;
  const match = pool.find(({ cert }) => {
    if ('keyId' in sid) {
      const ski = cert.getExtension('subjectKeyIdentifier') as { subjectKeyIdentifier?: string } | undefined;
      return ski?.subjectKeyIdentifier === sid.keyId;
    }
    const issuerHash = forge.md.sha1.create().update(toDer(sid.issuer), 'raw').digest().toHex();
    return cert.issuer.hash === issuerHash && stripZeros(cert.serialNumber) === sid.serial;
  });
  if (!match) throw new TimestampFailure('timestamp_untrusted', 'the token does not carry its signing certificate');
  return match;
}

const validAt = (cert: Cert, ms: number) =>
  cert.validity.notBefore.getTime() <= ms && ms <= cert.validity.notAfter.getTime();

/** RFC 3161 §2.3: one extendedKeyUsage extension, critical, with id-kp-timeStamping as its only purpose. */
function checkTsaUsage(signer: HeldCert): void {
  const ekus = signer.cert.extensions.filter((e: { id: string }) => e.id === OID.extKeyUsage);
  const eku = ekus[0] as { critical?: boolean; value: string } | undefined;
  const purposes = eku ? sequence(fromDer(eku.value), 'extKeyUsage').map((n) => oidOf(n, 'KeyPurposeId')) : [];
  if (ekus.length !== 1 || !eku?.critical || purposes.length !== 1 || purposes[0] !== OID.timeStamping) {
    throw new TimestampFailure(
      'timestamp_untrusted',
      'the TSA certificate lacks a critical extendedKeyUsage of timeStamping alone',
    );
  }
}

/**
 * The signatures a certificate of the chain may bear (docs/integrity.md §15.2): node-forge would also check MD5,
 * SHA-1 and RSASSA-PSS ones, which the format does not admit.
 */
const CHAIN_SIGNATURES: ReadonlySet<string> = new Set([OID.sha256WithRSA, OID.sha384WithRSA, OID.sha512WithRSA]);

const isCa = (cert: Cert): boolean => {
  const bc = cert.getExtension('basicConstraints') as { cA?: boolean } | undefined;
  return bc?.cA === true;
};

/** The chain from the signer to a trusted root, each certificate valid at `genTimeMs`; returns the root. */
function chainToRoot(
  signer: HeldCert,
  carried: readonly HeldCert[],
  roots: TimestampRoots,
  genTimeMs: number,
): HeldCert {
  const isRoot = (c: HeldCert) => roots.certs.some((r) => r.der === c.der);
  let current = signer;
  // current is the (depth + 1)-th certificate of the chain, the signer first
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    if (!validAt(current.cert, genTimeMs)) {
      throw new TimestampFailure(
        'timestamp_untrusted',
        `the certificate ${subjectOf(current.cert)} was not valid at genTime`,
      );
    }
    if (isRoot(current)) return current;
    if (!CHAIN_SIGNATURES.has(current.cert.signatureOid)) {
      const algorithm = forge.pki.oids[current.cert.signatureOid] ?? current.cert.signatureOid;
      throw new TimestampFailure(
        'timestamp_untrusted',
        `the certificate ${subjectOf(current.cert)} is signed with ${algorithm}, not RSA with SHA-256/384/512`,
      );
    }
    const next = [...roots.certs, ...carried].find((candidate) => {
      if (candidate.der === current.der) return false;
      try {
        return candidate.cert.verify(current.cert);
      } catch {
        return false;
      }
    });
    if (!next) {
      throw new TimestampFailure('timestamp_untrusted', `no trusted CA certified ${subjectOf(current.cert)}`);
    }
    if (!isRoot(next) && !isCa(next.cert)) {
      throw new TimestampFailure('timestamp_untrusted', `${subjectOf(next.cert)} is not a CA certificate`);
    }
    current = next;
  }
  throw new TimestampFailure('timestamp_untrusted', `the TSA's chain is longer than ${MAX_CHAIN} certificates`);
}

/**
 * Verifies `token` as a time-stamp of `message` by an authority certified by `roots`, in this order: the token's
 * structure, its message imprint against the message, the signed attributes (content type TSTInfo, message digest
 * of the TSTInfo, the signing certificate), the signature, then the TSA certificate (extendedKeyUsage) and its
 * chain to a root, every certificate valid at `genTime`. `TimestampFailure`: `timestamp_invalid` for the first
 * four, `timestamp_untrusted` for the last. Without `roots`, everything but the chain is checked: the token is
 * consistent with itself, and says nothing of who its authority is.
 */
export function verifyTimestampToken(
  token: Uint8Array,
  message: Uint8Array,
  roots: TimestampRoots | undefined,
): VerifiedTimestamp {
  const parsed = parseTimestampToken(token);
  try {
    const { info, signer } = parsed;
    const hashed = digest(info.imprintAlgorithm, binary(message));
    if (hashed === undefined || info.imprintAlgorithm === OID.sha1) {
      throw new TimestampFailure(
        'timestamp_invalid',
        `the imprint algorithm ${info.imprintAlgorithm} is not supported`,
      );
    }
    if (hexOf(hashed) !== info.imprint)
      throw new TimestampFailure('timestamp_invalid', 'the token is for another message imprint');
    const attrs = attributes(signer.signedAttrs);
    if (oidOf(attrs.get(OID.contentType), 'content-type attribute') !== OID.tstInfo) {
      throw new TimestampFailure('timestamp_invalid', 'the signed content type is not TSTInfo');
    }
    if (
      octets(attrs.get(OID.messageDigest), 'message-digest attribute') !==
      digest(signer.digestAlgorithm, parsed.tstInfo)
    ) {
      throw new TimestampFailure('timestamp_invalid', 'the signed message digest is not that of the TSTInfo');
    }
    const carried = parsed.certificates.map((c) => held(toDer(c)));
    const tsa = findSigner(parsed, [...carried, ...(roots?.certs ?? [])]);
    checkEssCertId(attrs, tsa);
    checkSignature(parsed, tsa);
    checkTsaUsage(tsa);
    if (!roots) return { ...info, tsa: subjectOf(tsa.cert) };
    const root = chainToRoot(tsa, carried, roots, info.genTimeMs);
    return { ...info, tsa: subjectOf(tsa.cert), root: subjectOf(root.cert) };
  } catch (err) {
    if (err instanceof Asn1Shape) throw new TimestampFailure('timestamp_invalid', err.message);
    throw err;
  }
}
