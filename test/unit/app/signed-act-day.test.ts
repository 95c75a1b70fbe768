import { actingOfficerKey } from '../../../src/app/signed-acts.js';
import type { OfficerState } from '../../../src/domain/registry/officers.js';
import { officerKeyPair } from '../../support/officer-keys.js';

const { spki } = officerKeyPair();
const KEY_ID = 'k'.repeat(64);

/** Alice, whose certificate and key both end on 2026-11-30. */
const alice: OfficerState = {
  exists: true,
  status: 'active',
  officerId: 'alice',
  name: 'alice',
  agency: 'county-justice',
  certificateNo: 'C-alice',
  validFrom: '2020-01-01',
  validTo: '2026-11-30',
  roles: ['officer'],
  keys: [
    {
      keyId: KEY_ID,
      alg: 'Ed25519',
      publicKey: spki,
      validFrom: '2020-01-01',
      validTo: '2026-12-31',
      registeredAt: '2020-01-01T00:00:00Z',
    },
  ],
};

// 16:30 UTC on 30 November is 00:30 on 1 December in the county (UTC+8)
const AT = '2026-11-30T16:30:00Z';
const RECORDED = '2026-11-30T16:31:00Z';
const CHINA = 8 * 60;

describe("an officer's signed act, dated by the agency's day", () => {
  it("when the act is written in UTC on the evening before the county's day on which the certificate has ended, then the signature attributes nothing", () => {
    expect(() => actingOfficerKey(alice, KEY_ID, AT, RECORDED, CHINA)).toThrow(
      expect.objectContaining({
        code: 'certificate_invalid',
        details: expect.objectContaining({ date: '2026-12-01' }),
      }),
    );
  });

  it('when the same instant is written at the county’s offset, then it is refused the same', () => {
    expect(() => actingOfficerKey(alice, KEY_ID, '2026-12-01T00:30:00+08:00', RECORDED, CHINA)).toThrow(
      expect.objectContaining({ code: 'certificate_invalid' }),
    );
  });

  it("when the agency keeps UTC, then the act is of 30 November, the certificate's last day, and the key is the officer's", () => {
    const key = actingOfficerKey(alice, KEY_ID, AT, RECORDED, 0);
    expect(key.export({ type: 'spki', format: 'der' }).toString('base64')).toBe(spki);
  });

  it("when the key's validity is judged, then it is on the date as written, as an offline verifier of the bundle judges it", () => {
    const shortKey: OfficerState = {
      ...alice,
      validTo: '2030-12-31',
      keys: [{ ...alice.keys![0]!, validTo: '2026-11-30' }],
    };
    // 2026-11-30 as written (UTC), though 1 December in the county: the key signs it, as `ledger verify` agrees
    expect(actingOfficerKey(shortKey, KEY_ID, AT, RECORDED, CHINA)).toBeDefined();
    // written at the county's offset, it is of 1 December, after the key's validity
    expect(() => actingOfficerKey(shortKey, KEY_ID, '2026-12-01T00:30:00+08:00', RECORDED, CHINA)).toThrow(
      expect.objectContaining({ code: 'actor_key_not_valid' }),
    );
  });
});
