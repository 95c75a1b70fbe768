import { LoggedOfficerKeys } from '../../../src/app/logged-officer-keys.js';
import type { EventEnvelope } from '../../../src/ledger/envelope.js';
import { officerKeyPair } from '../../support/officer-keys.js';
import { keyIdOf } from '../../../src/ledger/ed25519.js';

const pair = officerKeyPair();
const keyId = keyIdOf(pair.publicKey);

/** An event as the log holds it, with what the keys are learnt from and judged by. */
const event = (fields: Partial<EventEnvelope> & Pick<EventEnvelope, 'type' | 'stream'>): EventEnvelope =>
  ({
    data: {},
    occurredAt: '2026-03-02T10:00:00+08:00',
    recordedAt: '2026-03-02T02:00:00Z',
    actor: { sub: 'alice', agency: 'county-justice', roles: ['officer'] },
    ...fields,
  }) as EventEnvelope;

const registration = event({
  type: 'OfficerKeyRegistered',
  stream: 'officer-county-justice:alice',
  recordedAt: '2026-03-01T00:00:00Z',
  data: { keyId, alg: 'Ed25519', publicKey: pair.spki, validFrom: '2026-01-01', validTo: '2026-03-31' },
});
const act = (fields: Partial<EventEnvelope> = {}) =>
  event({ type: 'EvidenceCollected', stream: 'case-county-justice:c-1', ...fields });

describe('the officer keys a check of the whole log learns in log order', () => {
  it('when no registration was met yet, then the key is unknown; once met, it signs its officer’s acts of its days', () => {
    const keys = new LoggedOfficerKeys();
    expect(keys.resolve(keyId)).toBeUndefined();
    expect(keys.refusal(keyId, act())).toMatchObject({ code: 'actor_key_unknown' });
    keys.learn(registration);
    expect(keys.resolve(keyId)?.equals(pair.publicKey)).toBe(true);
    expect(keys.refusal(keyId, act())).toBeUndefined();
  });

  it.each([
    [
      'of another officer',
      act({ actor: { sub: 'bob', agency: 'county-justice', roles: ['officer'] } }),
      'actor_key_unknown',
    ],
    [
      'of another agency',
      act({ actor: { sub: 'alice', agency: 'city-market', roles: ['officer'] } }),
      'actor_key_unknown',
    ],
    [
      'after the key’s last day (as written)',
      act({ occurredAt: '2026-04-01T09:00:00+08:00', recordedAt: '2026-04-01T01:00:00Z' }),
      'actor_key_not_valid',
    ],
    [
      'recorded before the key was registered',
      act({ occurredAt: '2026-02-27T09:00:00+08:00', recordedAt: '2026-02-28T00:00:00Z' }),
      'actor_key_not_valid',
    ],
  ])('when the act is %s, then the key is refused', (_, signed, code) => {
    const keys = new LoggedOfficerKeys();
    keys.learn(registration);
    expect(keys.refusal(keyId, signed)).toMatchObject({ code });
  });

  it('when the key is revoked, then the acts recorded from the revocation on are refused, those before it are not', () => {
    const keys = new LoggedOfficerKeys();
    keys.learn(registration);
    keys.learn(
      event({
        type: 'OfficerKeyRevoked',
        stream: 'officer-county-justice:alice',
        data: { keyId, reason: '遗失', revokedFrom: '2026-03-02T12:00:00Z' },
      }),
    );
    expect(keys.refusal(keyId, act({ recordedAt: '2026-03-02T11:59:59Z' }))).toBeUndefined();
    expect(keys.refusal(keyId, act({ recordedAt: '2026-03-02T12:00:00Z' }))).toMatchObject({
      code: 'actor_key_revoked',
    });
  });

  it('when a registration names a key other than its public key, or stands outside an officer stream, then nothing is learnt', () => {
    const keys = new LoggedOfficerKeys();
    keys.learn({ ...registration, data: { ...registration.data, keyId: 'f'.repeat(64) } } as EventEnvelope);
    keys.learn({ ...registration, stream: 'item-county-justice:P-001' } as EventEnvelope);
    expect(keys.resolve(keyId)).toBeUndefined();
  });
});
