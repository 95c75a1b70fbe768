import { DERIVED_MEMBERS } from '../../../src/domain/case/acts.js';
import { signedActData, UNSIGNED_ACT_MEMBERS } from '../../../src/ledger/act-signing.js';

describe('what of an act its officer signs (docs/integrity.md §6)', () => {
  it('when the members the service derives are listed, then the signing format leaves out exactly those', () => {
    expect(UNSIGNED_ACT_MEMBERS).toEqual(DERIVED_MEMBERS);
  });

  it('when an act holds derived members, then the signed data is without them', () => {
    const data = { decisionType: 'fine', fineFen: 100_000, major: false, disclosureDueBy: '2026-12-31' };
    expect(signedActData('DecisionIssued', data)).toEqual({ decisionType: 'fine', fineFen: 100_000 });
  });

  it('when an act holds sealed values, at any depth, then each is signed as its format and commitment', () => {
    const sealed = { sealed: 'aes-256-gcm/v1', commitment: 'c', iv: 'i', ct: 'x' };
    const data = { description: sealed, items: [{ name: sealed }], officers: ['alice'] };
    expect(signedActData('EvidenceCollected', data)).toEqual({
      description: { sealed: 'aes-256-gcm/v1', commitment: 'c' },
      items: [{ name: { sealed: 'aes-256-gcm/v1', commitment: 'c' } }],
      officers: ['alice'],
    });
  });

  it('when an object only looks like a sealed value (another member besides), then it is signed as it is', () => {
    const data = { note: { sealed: 'aes-256-gcm/v1', commitment: 'c', iv: 'i', ct: 'x', extra: 1 } };
    expect(signedActData('CredentialsShown', data)).toEqual(data);
  });
});
