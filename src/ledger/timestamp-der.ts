import forge from 'node-forge';

/**
 * ASN.1 helpers for RFC 3161 time-stamps (docs/integrity.md §15), over node-forge's DER codec: pure JavaScript, so
 * that the same code runs in the service, `ledger verify` and the browser verifier.
 */

export type Asn1 = forge.asn1.Asn1;
const { asn1 } = forge;
const { Class, Type } = asn1;

export const OID = {
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  sha384WithRSA: '1.2.840.113549.1.1.12',
  sha512WithRSA: '1.2.840.113549.1.1.13',
  extKeyUsage: '2.5.29.37',
  basicConstraints: '2.5.29.19',
  timeStamping: '1.3.6.1.5.5.7.3.8',
} as const;

/** A DER structure that is not what RFC 3161 or RFC 5652 says it must be. */
export class Asn1Shape extends Error {}

export const binary = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
};
export const bytesOf = (binaryString: string): Uint8Array => Uint8Array.from(binaryString, (c) => c.charCodeAt(0));
export const hexOf = (binaryString: string): string => forge.util.bytesToHex(binaryString);

/** Parses one DER value that must fill `bytes` exactly; `Asn1Shape` otherwise. */
export function fromDer(bytes: Uint8Array | string): Asn1 {
  try {
    // the typings know only the old boolean argument; node-forge >= 1.3 takes these options
    const options = { strict: true, parseAllBytes: true, decodeBitStrings: false } as unknown as boolean;
    return asn1.fromDer(typeof bytes === 'string' ? bytes : binary(bytes), options);
  } catch (err) {
    throw new Asn1Shape(`not DER: ${(err as Error).message}`);
  }
}

export const toDer = (node: Asn1): string => asn1.toDer(node).getBytes();

/** The children of a constructed node of the given universal type (or context tag). */
export function children(node: Asn1 | undefined, what: string, type: number, tagClass = Class.UNIVERSAL): Asn1[] {
  if (!node || node.tagClass !== tagClass || node.type !== type || !node.constructed || !Array.isArray(node.value)) {
    throw new Asn1Shape(`${what} is not where it should be`);
  }
  return node.value as Asn1[];
}

export const sequence = (node: Asn1 | undefined, what: string): Asn1[] => children(node, what, Type.SEQUENCE);
export const set = (node: Asn1 | undefined, what: string): Asn1[] => children(node, what, Type.SET);

/** The content of a primitive node of the given universal type, as a binary string. */
export function primitive(node: Asn1 | undefined, what: string, type: number): string {
  if (!node || node.tagClass !== Class.UNIVERSAL || node.type !== type || node.constructed) {
    throw new Asn1Shape(`${what} is not where it should be`);
  }
  return node.value as string;
}

export const oidOf = (node: Asn1 | undefined, what: string): string => asn1.derToOid(primitive(node, what, Type.OID));
export const octets = (node: Asn1 | undefined, what: string): string => primitive(node, what, Type.OCTETSTRING);

/** A non-negative INTEGER as lowercase hex without leading zero bytes (a negative one is refused). */
export function unsignedHex(node: Asn1 | undefined, what: string): string {
  const value = primitive(node, what, Type.INTEGER);
  if (value.length === 0 || value.charCodeAt(0) & 0x80) throw new Asn1Shape(`${what} is not a positive integer`);
  return hexOf(value).replace(/^(00)+(?=.)/, '');
}

/** The OID of an AlgorithmIdentifier. */
export const algorithmOf = (node: Asn1 | undefined, what: string): string => oidOf(sequence(node, what)[0], what);

/** Whether a node is the context-specific tag `tag`. */
export const isContext = (node: Asn1 | undefined, tag: number): boolean =>
  node !== undefined && node.tagClass === Class.CONTEXT_SPECIFIC && node.type === tag;

/** RFC 3161 §2.4.2 GeneralizedTime `YYYYMMDDhhmmss[.f…]Z` as an RFC 3339 instant (milliseconds, truncated). */
export function generalizedTime(node: Asn1 | undefined, what: string): { iso: string; ms: number } {
  const text = primitive(node, what, Type.GENERALIZEDTIME);
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d*[1-9]))?Z$/.exec(text);
  if (!m) throw new Asn1Shape(`${what} "${text}" is not a GeneralizedTime in UTC`);
  const [, y, mo, d, h, mi, s, frac] = m;
  const ms = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!, Number((frac ?? '').padEnd(3, '0').slice(0, 3)));
  if (!Number.isFinite(ms) || new Date(ms).getUTCDate() !== +d!) throw new Asn1Shape(`${what} is not a real time`);
  return { iso: new Date(ms).toISOString(), ms };
}

/** Node constructors for building requests. */
export const build = {
  seq: (items: Asn1[]) => asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, items),
  oid: (oid: string) => asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(oid).getBytes()),
  nul: () => asn1.create(Class.UNIVERSAL, Type.NULL, false, ''),
  int: (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
    let value = binary(bytes.subarray(start));
    if (value.charCodeAt(0) & 0x80) value = `\x00${value}`;
    return asn1.create(Class.UNIVERSAL, Type.INTEGER, false, value);
  },
  smallInt: (n: number) => asn1.create(Class.UNIVERSAL, Type.INTEGER, false, String.fromCharCode(n)),
  octets: (bytes: Uint8Array) => asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, binary(bytes)),
  bool: (value: boolean) => asn1.create(Class.UNIVERSAL, Type.BOOLEAN, false, value ? '\xff' : '\x00'),
};

/** SHA-2 (and SHA-1, for reading ESSCertID v1 only) by OID; undefined for any other algorithm. */
export function digest(oid: string, data: string): string | undefined {
  const md =
    oid === OID.sha256
      ? forge.md.sha256.create()
      : oid === OID.sha384
        ? forge.md.sha384.create()
        : oid === OID.sha512
          ? forge.md.sha512.create()
          : oid === OID.sha1
            ? forge.md.sha1.create()
            : undefined;
  return md?.update(data, 'raw').digest().getBytes();
}

export { Class, Type };
