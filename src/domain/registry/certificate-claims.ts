import { sha256Hex } from '../../ledger/hash.js';
import { claimDecider } from '../claims.js';
import { conflict } from '../errors.js';
import { agencyStream } from '../streams.js';

/**
 * One law-enforcement certificate (执法证), one officer of the agency: the public officer list is how a party checks
 * the certificate shown at an inspection, so no two officers in service may be listed under one number. A retired
 * officer holds theirs no more (a person registered again, under another id, shows the same certificate).
 *
 * Across replicas (src/domain/claims.ts): where replicas share the log, a registration or an amendment that gives an
 * officer a number first claims it for the officer, `CertificateClaimed` `{certificateNo, officerId}` on the number's
 * own stream, once the write's rules have passed. An amendment to another number, or a retirement, frees the one
 * before, so the claim of an officer who moved on without the number lapses.
 */
export interface CertificateClaim {
  readonly certificateNo: string;
  readonly officerId: string;
}

export interface CertificateClaimedEvent {
  readonly type: 'CertificateClaimed';
  readonly data: CertificateClaim;
}

/**
 * What two certificate numbers are compared by: compatibility forms folded (NFKC: full-width digits and letters),
 * white space left out and Latin letters in upper case, so １４０５-ａ and 1405-A are one number.
 */
export const certificateKey = (certificateNo: string): string =>
  certificateNo.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();

/**
 * The stream of an agency's certificate number, `certificate-<agency>:<SHA-256 of the number as numbers are
 * compared (certificateKey), hex>`.
 */
export function certificateClaimStream(agency: string, certificateNo: string): string {
  return agencyStream('certificate', agency, sha256Hex(certificateKey(certificateNo)));
}

/** `certificate_taken`: officer `heldBy` of the agency, in service, is listed under `certificateNo` already. */
export function refuseTakenCertificate(certificateNo: string, heldBy: string): never {
  throw conflict('certificate_taken', `officer ${heldBy} of the agency holds certificate ${certificateNo} already`, {
    member: 'certificateNo',
    heldBy,
  });
}

/** Claims of a number: the value is the number, the holder its officer; another officer's is `certificate_taken`. */
export const certificateClaimDecider = claimDecider({
  type: 'CertificateClaimed',
  data: (certificateNo, officerId): CertificateClaim => ({ certificateNo, officerId }),
  holderOf: (data) => data.officerId,
  refuse: refuseTakenCertificate,
});
