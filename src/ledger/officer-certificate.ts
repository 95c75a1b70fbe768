import { createHash, X509Certificate } from 'node:crypto';

/**
 * What the public officer list says of the X.509 certificate an officer key was registered with: which certificate
 * (`sha256`, the hex SHA-256 of its DER, as in a bundle's `officers/` files; its `serialNumber`, upper-case hex),
 * who issued it (`issuer`, one `TYPE=value` per relative distinguished name, as `node:crypto` prints them) unless it
 * is self-signed, and the instants it is valid between. Its subject is left out: a personal certificate's subject
 * may hold the holder's identity number.
 */
export interface CertificateSummary {
  readonly sha256: string;
  readonly serialNumber: string;
  /** Absent for a self-signed certificate, whose issuer is its subject. */
  readonly issuer?: readonly string[];
  /** Issued by its own subject, signed by its own key: no certification authority vouches for the key. */
  readonly selfSigned: boolean;
  readonly notBefore: string;
  readonly notAfter: string;
}

/** The summary of a certificate's PEM, or undefined when it is not one. */
export function certificateSummary(pem: string): CertificateSummary | undefined {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    return undefined;
  }
  const selfSigned = certificate.issuer === certificate.subject && certificate.verify(certificate.publicKey);
  return {
    sha256: createHash('sha256').update(certificate.raw).digest('hex'),
    serialNumber: certificate.serialNumber,
    ...(selfSigned ? {} : { issuer: certificate.issuer.split('\n') }),
    selfSigned,
    notBefore: new Date(certificate.validFrom).toISOString(),
    notAfter: new Date(certificate.validTo).toISOString(),
  };
}
