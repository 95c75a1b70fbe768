import {
  algorithmOf,
  Asn1Shape,
  children,
  Class,
  fromDer,
  generalizedTime,
  hexOf,
  isContext,
  octets,
  OID,
  oidOf,
  primitive,
  sequence,
  set,
  Type,
  unsignedHex,
  type Asn1,
} from './timestamp-der.js';

/**
 * Reading an RFC 3161 time-stamp token (docs/integrity.md §15.2): a CMS ContentInfo holding SignedData (RFC 5652)
 * whose encapsulated content is a TSTInfo. Reading checks the structure only; timestamp-verify.ts checks the
 * signature and the certificates.
 */

export type TimestampFailureCode = 'timestamp_invalid' | 'timestamp_untrusted';

/** A token that is not a valid time-stamp of the message (`timestamp_invalid`), or not by a trusted authority. */
export class TimestampFailure extends Error {
  constructor(
    readonly code: TimestampFailureCode,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'TimestampFailure';
  }
}

/** What a token says (TSTInfo), unverified. */
export interface TimestampTokenInfo {
  /** `genTime` as an RFC 3339 instant in UTC, to the millisecond (finer digits are dropped). */
  readonly genTime: string;
  readonly genTimeMs: number;
  /** The TSTInfo `accuracy` in milliseconds (rounded up), when given. */
  readonly accuracyMs?: number;
  /** The token's serial number, lowercase hex. */
  readonly serialNumber: string;
  /** The TSA policy OID. */
  readonly policy: string;
  /** The message imprint's hash algorithm OID and hashed message (hex). */
  readonly imprintAlgorithm: string;
  readonly imprint: string;
  /** The nonce of the request, lowercase hex, when the token carries one. */
  readonly nonce?: string;
}

/** The parts of the SignedData the verifier checks. */
export interface ParsedToken {
  readonly info: TimestampTokenInfo;
  /** The DER TSTInfo (the eContent's octets), as a binary string. */
  readonly tstInfo: string;
  /** The certificates the token carries. */
  readonly certificates: readonly Asn1[];
  readonly signer: {
    /** Either IssuerAndSerialNumber or a SubjectKeyIdentifier (hex). */
    readonly sid: { readonly issuer: Asn1; readonly serial: string } | { readonly keyId: string };
    readonly digestAlgorithm: string;
    /** The `[0] IMPLICIT` signed attributes node; the signature covers it re-tagged as a SET. */
    readonly signedAttrs: Asn1;
    readonly signatureAlgorithm: string;
    readonly signature: string;
  };
}

const integer = (node: Asn1 | undefined, what: string): number => {
  const hex = unsignedHex(node, what);
  if (hex.length > 8) throw new Asn1Shape(`${what} is out of range`);
  return parseInt(hex, 16);
};

function accuracyOf(node: Asn1): number {
  let ms = 0;
  for (const part of sequence(node, 'accuracy')) {
    if (part.tagClass === Class.UNIVERSAL && part.type === Type.INTEGER) ms += integer(part, 'accuracy seconds') * 1000;
    else if (isContext(part, 0)) ms += integer({ ...part, tagClass: Class.UNIVERSAL, type: Type.INTEGER }, 'millis');
    else if (isContext(part, 1))
      ms += Math.ceil(integer({ ...part, tagClass: Class.UNIVERSAL, type: Type.INTEGER }, 'micros') / 1000);
    else throw new Asn1Shape('accuracy holds an unknown field');
  }
  return ms;
}

/** TSTInfo (RFC 3161 §2.4.2). */
function readTstInfo(der: string): TimestampTokenInfo {
  const [version, policy, imprint, serial, genTime, ...rest] = sequence(fromDer(der), 'TSTInfo');
  if (integer(version, 'TSTInfo version') !== 1) throw new Asn1Shape('TSTInfo version is not 1');
  const [algorithm, hashed] = sequence(imprint, 'messageImprint');
  const time = generalizedTime(genTime, 'genTime');
  let accuracyMs: number | undefined;
  let nonce: string | undefined;
  for (const node of rest) {
    if (node.tagClass === Class.UNIVERSAL && node.type === Type.SEQUENCE) accuracyMs = accuracyOf(node);
    else if (node.tagClass === Class.UNIVERSAL && node.type === Type.INTEGER) nonce = unsignedHex(node, 'nonce');
  }
  return {
    genTime: time.iso,
    genTimeMs: time.ms,
    ...(accuracyMs === undefined ? {} : { accuracyMs }),
    serialNumber: unsignedHex(serial, 'serialNumber'),
    policy: oidOf(policy, 'policy'),
    imprintAlgorithm: algorithmOf(algorithm, 'hashAlgorithm'),
    imprint: hexOf(octets(hashed, 'hashedMessage')),
    ...(nonce === undefined ? {} : { nonce }),
  };
}

function readSignerInfo(node: Asn1): ParsedToken['signer'] {
  const [, sidNode, digestAlgorithm, signedAttrs, signatureAlgorithm, signature] = sequence(node, 'SignerInfo');
  let sid: ParsedToken['signer']['sid'];
  if (isContext(sidNode, 0)) sid = { keyId: hexOf(sidNode!.value as string) };
  else {
    const [issuer, serial] = sequence(sidNode, 'IssuerAndSerialNumber');
    sequence(issuer, 'issuer');
    sid = { issuer: issuer!, serial: unsignedHex(serial, 'serial number') };
  }
  if (!isContext(signedAttrs, 0) || !signedAttrs!.constructed) {
    throw new Asn1Shape('the SignerInfo has no signed attributes');
  }
  return {
    sid,
    digestAlgorithm: algorithmOf(digestAlgorithm, 'digestAlgorithm'),
    signedAttrs: signedAttrs!,
    signatureAlgorithm: algorithmOf(signatureAlgorithm, 'signatureAlgorithm'),
    signature: octets(signature, 'signature'),
  };
}

/** Parses a token; `TimestampFailure` (`timestamp_invalid`) when it is not one. */
export function parseTimestampToken(token: Uint8Array): ParsedToken {
  try {
    const [contentType, content] = sequence(fromDer(token), 'ContentInfo');
    if (oidOf(contentType, 'contentType') !== OID.signedData) throw new Asn1Shape('the token is not SignedData');
    const [signedData] = children(content, 'content', 0, Class.CONTEXT_SPECIFIC);
    const [, , encap, ...more] = sequence(signedData, 'SignedData');
    const [eContentType, eContent] = sequence(encap, 'encapContentInfo');
    if (oidOf(eContentType, 'eContentType') !== OID.tstInfo) throw new Asn1Shape('the content is not a TSTInfo');
    const [octetNode] = children(eContent, 'eContent', 0, Class.CONTEXT_SPECIFIC);
    const tstInfo = primitive(octetNode, 'eContent', Type.OCTETSTRING);
    const certificates = more.filter((n) => isContext(n, 0)).flatMap((n) => n.value as Asn1[]);
    const signerInfos = set(more.at(-1), 'signerInfos');
    if (signerInfos.length !== 1) throw new Asn1Shape(`the token has ${signerInfos.length} signers, not one`);
    return { info: readTstInfo(tstInfo), tstInfo, certificates, signer: readSignerInfo(signerInfos[0]!) };
  } catch (err) {
    if (err instanceof Asn1Shape) throw new TimestampFailure('timestamp_invalid', err.message);
    throw err;
  }
}

/** What a token says, unverified (the service shows it; {@link verifyTimestampToken} checks it). */
export function readTimestampToken(token: Uint8Array): TimestampTokenInfo {
  return parseTimestampToken(token).info;
}
