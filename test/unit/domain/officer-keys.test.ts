import { fold } from '../../../src/domain/decider.js';
import type { OfficerKey, OfficerKeyState } from '../../../src/domain/registry/officer-keys.js';
import { keyRefusal, revokedFromMs } from '../../../src/domain/registry/officer-keys.js';
import type { OfficerCommand, OfficerEvent, OfficerProfile } from '../../../src/domain/registry/officers.js';
import { officerDecider } from '../../../src/domain/registry/officers.js';
import {
  officerKeyClaimDecider,
  type OfficerKeyClaimCommand,
  type OfficerKeyClaimEvent,
  type RecordOfficerKeyRevocationCommand,
} from '../../../src/domain/registry/officer-key-claims.js';
import { specification } from '../../support/decider-spec.js';
import { actors } from '../../support/domain.js';

const admin = actors.head;
const profile: OfficerProfile = {
  officerId: 'alice',
  name: '张三',
  agency: 'county-justice',
  certificateNo: 'CERT-0001',
  validFrom: '2019-01-01',
  validTo: '2030-12-31',
  roles: ['officer'],
};
const KEY: OfficerKey = {
  keyId: 'a'.repeat(64),
  alg: 'Ed25519',
  publicKey: 'MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=',
  validFrom: '2026-01-01',
  validTo: '2027-12-31',
};
const registered: OfficerEvent[] = [{ type: 'OfficerRegistered', data: profile }];
const withKey: OfficerEvent[] = [...registered, { type: 'OfficerKeyRegistered', data: KEY }];
const revocation = { keyId: KEY.keyId, reason: '密钥遗失', revokedFrom: '2026-06-01T00:00:00+08:00' };
const revoked: OfficerEvent[] = [...withKey, { type: 'OfficerKeyRevoked', data: revocation }];
const registerKey = (key: Partial<OfficerKey> = {}, actor = admin): OfficerCommand => ({
  actor,
  type: 'RegisterOfficerKey',
  key: { ...KEY, ...key },
});
const revokeKey = (keyId = KEY.keyId, actor = admin): OfficerCommand => ({
  actor,
  type: 'RevokeOfficerKey',
  ...revocation,
  keyId,
});

describe("an officer's own signing keys (OfficerKeyRegistered, OfficerKeyRevoked)", () => {
  const spec = specification(officerDecider);

  it('when the admin registers a key of a registered officer, then OfficerKeyRegistered records it and the officer holds it', () => {
    const [event] = spec
      .given(registered)
      .when(registerKey())
      .then([{ type: 'OfficerKeyRegistered', data: KEY }]);
    expect(fold(officerDecider, [...registered, event!]).keys).toEqual([KEY]);
  });

  it('when a second key is registered, then the officer holds both, in order', () => {
    const second = { keyId: 'b'.repeat(64) };
    const [event] = spec
      .given(withKey)
      .when(registerKey(second))
      .then([{ type: 'OfficerKeyRegistered' }]);
    expect(fold(officerDecider, [...withKey, event!]).keys!.map((k) => k.keyId)).toEqual([KEY.keyId, 'b'.repeat(64)]);
  });

  it('when a key is revoked, then OfficerKeyRevoked records why and from when, and the key stays listed as revoked', () => {
    const [event] = spec
      .given(withKey)
      .when(revokeKey())
      .then([{ type: 'OfficerKeyRevoked', data: revocation }]);
    const keys = fold(officerDecider, [...withKey, event!]).keys!;
    expect(keys).toEqual([{ ...KEY, revoked: { reason: '密钥遗失', revokedFrom: revocation.revokedFrom } }]);
  });

  it("when a retired officer's key is revoked, then OfficerKeyRevoked records it: a key outlives its officer's service unless revoked", () => {
    spec
      .given([...withKey, { type: 'OfficerRetired', data: { reason: '调离' } }])
      .when(revokeKey())
      .then([{ type: 'OfficerKeyRevoked', data: revocation }]);
  });

  it.each<readonly [string, string, number, readonly OfficerEvent[], OfficerCommand]>([
    ['the officer holds the key already', 'officer_key_exists', 409, withKey, registerKey()],
    ['a revoked key is registered again', 'officer_key_exists', 409, revoked, registerKey()],
    ['the validity ends before it starts', 'validity_invalid', 422, registered, registerKey({ validTo: '2025-12-31' })],
    ['the officer is not registered', 'not_found', 404, [], registerKey()],
    [
      'a key is registered for a retired officer',
      'officer_retired',
      409,
      [...registered, { type: 'OfficerRetired', data: { reason: 'x' } }],
      registerKey(),
    ],
    ['a non-admin registers a key', 'forbidden', 403, registered, registerKey({}, actors.alice)],
    ['the key revoked is not the officer’s', 'officer_key_unknown', 404, withKey, revokeKey('c'.repeat(64))],
    ['the key is revoked already', 'officer_key_revoked', 409, revoked, revokeKey()],
    [
      'the revocation starts at a leap second, an instant the rule cannot place (23:59:60)',
      'date_invalid',
      422,
      withKey,
      { ...revokeKey(), revokedFrom: '2016-12-31T23:59:60Z' } as OfficerCommand,
    ],
    [
      'the revocation starts at a fraction of a millisecond, which the rule would cut to the millisecond before',
      'date_invalid',
      422,
      withKey,
      { ...revokeKey(), revokedFrom: '2026-06-01T00:00:00.0005+08:00' } as OfficerCommand,
    ],
  ])('when %s, then %s (%d)', (_, code, status, given, command) => {
    spec.given(given).when(command).thenFails(code, status);
  });
});

describe('the claim of a key (OfficerKeyClaimed): one officer of the agency holds it', () => {
  const spec = specification(officerKeyClaimDecider);
  const claim = (officerId: string, more: Partial<OfficerKeyClaimCommand> = {}): OfficerKeyClaimCommand => ({
    type: 'ClaimOfficerKey',
    actor: admin,
    keyId: KEY.keyId,
    officerId,
    ...more,
  });
  const claimed: OfficerKeyClaimEvent[] = [
    { type: 'OfficerKeyClaimed', data: { keyId: KEY.keyId, officerId: 'alice' } },
  ];

  it('when a key no one holds is claimed, then OfficerKeyClaimed names the officer', () => {
    spec
      .given([])
      .when(claim('alice'))
      .then([{ type: 'OfficerKeyClaimed', data: { keyId: KEY.keyId, officerId: 'alice' } }]);
  });

  it('when the key is claimed for the same officer again, then nothing is recorded (a retry, or a claim its registration did not follow)', () => {
    spec.given(claimed).when(claim('alice')).then([]);
  });

  it.each<readonly [string, readonly OfficerKeyClaimEvent[], OfficerKeyClaimCommand, string, number]>([
    ['the key is claimed for another officer', claimed, claim('bob'), 'officer_key_taken', 409],
    [
      'the key was registered for another officer before registrations were claimed',
      [],
      claim('bob', { registeredTo: 'alice' }),
      'officer_key_taken',
      409,
    ],
    ['a non-admin claims it', [], claim('alice', { actor: actors.alice }), 'forbidden', 403],
  ])('when %s, then it is refused', (_, given, command, code, status) => {
    spec.given(given).when(command).thenFails(code, status);
  });
});

describe("the key's revocation recorded on its own stream (OfficerKeyRevocationRecorded)", () => {
  const spec = specification(officerKeyClaimDecider);
  const revocation = {
    keyId: KEY.keyId,
    officerId: 'alice',
    eventId: '01937f2a-5b3c-7d4e-8f60-123456789abc',
    hash: 'a'.repeat(64),
    revokedFrom: '2026-06-01T00:00:00+08:00',
  };
  const record = (more: Partial<RecordOfficerKeyRevocationCommand> = {}): RecordOfficerKeyRevocationCommand => ({
    type: 'RecordOfficerKeyRevocation',
    actor: admin,
    ...revocation,
    ...more,
  });
  const claimed: OfficerKeyClaimEvent[] = [
    { type: 'OfficerKeyClaimed', data: { keyId: KEY.keyId, officerId: 'alice' } },
  ];
  const recorded: OfficerKeyClaimEvent[] = [...claimed, { type: 'OfficerKeyRevocationRecorded', data: revocation }];

  it('when a claimed key is revoked, then the record names the revocation by id and hash', () => {
    spec
      .given(claimed)
      .when(record())
      .then([{ type: 'OfficerKeyRevocationRecorded', data: revocation }]);
  });

  it('when a key registered before registrations were claimed is revoked, then it is recorded on a stream without a claim', () => {
    spec
      .given([])
      .when(record())
      .then([{ type: 'OfficerKeyRevocationRecorded', data: revocation }]);
  });

  it("when the officer's revocation is recorded already, then nothing more is (a retry, a replica, a start-up)", () => {
    spec
      .given(recorded)
      .when(record({ eventId: '01937f2a-5b3c-7d4e-8f60-000000000000' }))
      .then([]);
  });

  it('when the stream holds a revocation but no claim, then a claim for its officer is still recorded and one for another refused', () => {
    const unclaimed: OfficerKeyClaimEvent[] = [{ type: 'OfficerKeyRevocationRecorded', data: revocation }];
    spec
      .given(unclaimed)
      .when({ type: 'ClaimOfficerKey', actor: admin, keyId: KEY.keyId, officerId: 'alice' })
      .then([{ type: 'OfficerKeyClaimed', data: { keyId: KEY.keyId, officerId: 'alice' } }]);
    spec
      .given([...unclaimed, ...claimed])
      .when({ type: 'ClaimOfficerKey', actor: admin, keyId: KEY.keyId, officerId: 'bob' })
      .thenFails('officer_key_taken', 409);
  });

  it('when a non-admin records it, then forbidden', () => {
    spec
      .given(claimed)
      .when(record({ actor: actors.alice }))
      .thenFails('forbidden', 403);
  });
});

describe('keyRefusal: may a key sign an act of that day, recorded then', () => {
  const key: OfficerKeyState = KEY;
  const revokedKey: OfficerKeyState = { ...KEY, revoked: { reason: 'x', revokedFrom: '2026-06-01T00:00:00+08:00' } };

  it.each(['2026-01-01', '2026-07-15', '2027-12-31'])(
    'when the act is of %s, within the validity, then it may',
    (day) => {
      expect(keyRefusal(key, day, '2026-03-01T00:00:00.000Z')).toBeUndefined();
    },
  );
  it.each(['2025-12-31', '2028-01-01'])(
    'when the act is of %s, outside the validity, then officer_key_not_valid',
    (day) => {
      expect(keyRefusal(key, day, '2026-03-01T00:00:00.000Z')).toBe('officer_key_not_valid');
    },
  );
  it('when a key with no end is used years later, then it may', () => {
    const { validTo: _validTo, ...open } = KEY;
    expect(keyRefusal(open, '2040-01-01', '2040-01-01T00:00:00.000Z')).toBeUndefined();
  });
  it('when the act is recorded before the revocation starts, then it may; from its first instant on, it may not', () => {
    expect(keyRefusal(revokedKey, '2026-05-31', '2026-05-31T15:59:59.999Z')).toBeUndefined();
    expect(keyRefusal(revokedKey, '2026-05-31', '2026-05-31T16:00:00.000Z')).toBe('officer_key_revoked');
  });
  it('when a revocation names a date, then it starts at 00:00 UTC of that day', () => {
    expect(revokedFromMs('2026-06-01')).toBe(Date.parse('2026-06-01T00:00:00Z'));
    expect(revokedFromMs('2026-06-01T08:00:00+08:00')).toBe(Date.parse('2026-06-01T00:00:00Z'));
  });
});
