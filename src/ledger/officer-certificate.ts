import { createHash, X509Certificate } from 'node:crypto';

/**
 * What the public officer list says of the X.509 certificate an officer key was registered with: which certificate
 * (`sha256`, the hex SHA-256 of its DER, as in a bundle's `officers/` files; its `serialNumber`, upper-case hex),
 * who issued it (`issuer`, one `TYPE=value` per relative distinguished name, as `node:crypto` prints them) unless it
 * names the subject (self-signed, or signed by another key under the subject's name), and the instants it is valid between. Its subject is left out: a personal certificate's subject
 * may hold the holder's identity number.
 */
export interface CertificateSummary {
  readonly sha256: string;
  readonly serialNumber: string;
  /** Absent where the issuer is named as the subject (a self-signed certificate, or one made to look like it). */
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
  const ownName = certificate.issuer === certificate.subject;
  const selfSigned = ownName && certificate.verify(certificate.publicKey);
  return {
    sha256: createHash('sha256').update(certificate.raw).digest('hex'),
    serialNumber: certificate.serialNumber,
    // an issuer named as the subject is the subject's name, whoever signed: never published
    ...(ownName ? {} : { issuer: certificate.issuer.split('\n') }),
    selfSigned,
    notBefore: new Date(certificate.validFrom).toISOString(),
    notAfter: new Date(certificate.validTo).toISOString(),
  };
}
