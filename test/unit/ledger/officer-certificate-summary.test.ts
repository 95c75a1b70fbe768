import { certificateSummary } from '../../../src/ledger/officer-certificate.js';
import { caIssuedCertificate, officerKeyPair, selfSignedCertificate } from '../../support/officer-keys.js';

/** The subject of the certificates made here (`/CN=officer`), which may hold a holder's identity number. */
const SUBJECT = 'CN=officer';

describe('what the public officer list says of a certificate', () => {
  it('when a certification authority issued it, then its issuer is published and its subject is not', async () => {
    const summary = certificateSummary(
      await caIssuedCertificate(officerKeyPair().privateKey, 'County Certification Authority', '1a2b'),
    )!;
    expect(summary).toMatchObject({
      serialNumber: '1A2B',
      selfSigned: false,
      issuer: ['CN=County Certification Authority'],
    });
    expect(JSON.stringify(summary)).not.toContain(SUBJECT);
  });

  it('when it is self-signed, then no issuer is published, and it says so', async () => {
    const summary = certificateSummary(await selfSignedCertificate(officerKeyPair().privateKey))!;
    expect(summary.selfSigned).toBe(true);
    expect(summary.issuer).toBeUndefined();
  });

  it("when another key signed it under the subject's own name, then the issuer (the subject's name) is not published, and it is not self-signed", async () => {
    const summary = certificateSummary(await caIssuedCertificate(officerKeyPair().privateKey, 'officer', '0c'))!;
    expect(summary.selfSigned).toBe(false);
    expect(summary.issuer).toBeUndefined();
    expect(JSON.stringify(summary)).not.toContain(SUBJECT);
  });
});
