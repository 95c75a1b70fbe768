import { createHash, generateKeyPairSync } from 'node:crypto';
import {
  checkOpening,
  commitmentOf,
  ERASED,
  isSealed,
  openSealed,
  sealValue,
  SealedFieldError,
  type SealedValue,
} from '../../../src/ledger/sealed-field.js';
import { checkDisclosure } from '../../../src/ledger/disclosure-statement.js';
import { ed25519Signer, keyResolver } from '../../../src/ledger/ed25519.js';
import { computeEventHash, eventSigningInput } from '../../../src/ledger/envelope.js';

// fixed material, so each test means the same thing every run
const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);
const IV = Buffer.alloc(12, 1);
const SALT = Buffer.alloc(32, 2);
const WHERE = { eventId: '0190d6e2-7a4b-7c3d-8e9f-0a1b2c3d4e5f', path: '/parties/0/name' };

const sealed = sealValue(KEY, { iv: IV, salt: SALT }, WHERE, '张三');

/** An unsigned envelope of a case's opening whose party's name is {@link sealed}. */
const OPENED = {
  id: WHERE.eventId,
  stream: 'case-county-justice:C-1',
  revision: 0,
  type: 'CaseOpened',
  schemaVersion: 1,
  occurredAt: '2026-11-20T09:00:00+08:00',
  recordedAt: '2026-11-20T01:00:01.000Z',
  actor: { sub: 'alice', agency: 'county-justice', roles: ['officer'] },
  data: { parties: [{ kind: 'person', name: sealed }] },
  media: [],
  prev: '0'.repeat(64),
};

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    if (err instanceof SealedFieldError) return err.code;
    throw err;
  }
  return 'none';
}

/** A copy of `s` with one ciphertext byte flipped. */
function flipped(s: SealedValue, at: number): SealedValue {
  const ct = Buffer.from(s.ct, 'base64url');
  ct[at] = ct[at]! ^ 0x01;
  return { ...s, ct: ct.toString('base64url') };
}

describe('sealed personal fields (aes-256-gcm/v1)', () => {
  it('when a value is sealed, then the object has the documented shape and no clear text', () => {
    expect(isSealed(sealed)).toBe(true);
    expect(Object.keys(sealed).sort()).toEqual(['commitment', 'ct', 'iv', 'sealed']);
    expect(sealed.sealed).toBe('aes-256-gcm/v1');
    expect(JSON.stringify(sealed)).not.toContain('张三');
    // plaintext JCS({salt, value}) + 16-byte tag
    const plain = Buffer.from(JSON.stringify({ salt: SALT.toString('base64url'), value: '张三' }), 'utf8');
    expect(Buffer.from(sealed.ct, 'base64url').length).toBe(plain.length + 16);
  });

  it('when the commitment is recomputed from the documented formula, then it is the one sealed', () => {
    const expected = createHash('sha256')
      .update(
        Buffer.concat([Buffer.from('evidence-ledger/commitment/v1\n', 'utf8'), SALT, Buffer.from('"张三"', 'utf8')]),
      )
      .digest('base64url');
    expect(sealed.commitment).toBe(expected);
    expect(commitmentOf(SALT, '张三')).toBe(expected);
  });

  it('when it is opened with the key, then the salt and the value come back', () => {
    expect(openSealed(KEY, sealed, WHERE)).toEqual({ salt: SALT.toString('base64url'), value: '张三' });
  });

  it('when it is opened with another key, then it does not open', () => {
    expect(codeOf(() => openSealed(OTHER_KEY, sealed, WHERE))).toBe('sealed_unopenable');
  });

  it.each([0, 5, 20])('when ciphertext byte %i is altered, then it does not open', (at) => {
    expect(codeOf(() => openSealed(KEY, flipped(sealed, at), WHERE))).toBe('sealed_unopenable');
  });

  it('when it is moved to another field or another event, then it does not open (associated data)', () => {
    expect(codeOf(() => openSealed(KEY, sealed, { ...WHERE, path: '/parties/1/name' }))).toBe('sealed_unopenable');
    expect(codeOf(() => openSealed(KEY, sealed, { ...WHERE, eventId: '0190d6e2-7a4b-7c3d-8e9f-0a1b2c3d4e60' }))).toBe(
      'sealed_unopenable',
    );
  });

  it('when the commitment beside the ciphertext is replaced, then opening reports the mismatch', () => {
    const other = sealValue(KEY, { iv: IV, salt: SALT }, WHERE, '李四');
    expect(codeOf(() => openSealed(KEY, { ...sealed, commitment: other.commitment }, WHERE))).toBe(
      'commitment_mismatch',
    );
  });

  it('when an opening is checked, then only the sealed salt and value match the commitment', () => {
    expect(() => checkOpening(sealed.commitment, { salt: SALT.toString('base64url'), value: '张三' })).not.toThrow();
    expect(codeOf(() => checkOpening(sealed.commitment, { salt: SALT.toString('base64url'), value: '张四' }))).toBe(
      'commitment_mismatch',
    );
    const otherSalt = Buffer.alloc(32, 3).toString('base64url');
    expect(codeOf(() => checkOpening(sealed.commitment, { salt: otherSalt, value: '张三' }))).toBe(
      'commitment_mismatch',
    );
  });

  it('when a value is erased, then reads show the documented marker', () => {
    expect(ERASED).toBe('[erased]');
  });

  it('when a disclosure statement holds the event as GET /v1/cases/{id}/events serves it, then it holds (without its opened fields)', () => {
    const envelope = OPENED;
    const event = { ...envelope, hash: computeEventHash(envelope), sig: { alg: 'Ed25519', keyId: 'k', value: 'v' } };
    // the page puts the event's global position beside the signed envelope
    const served = { position: 4, ...event };
    const statement = { path: WHERE.path, salt: SALT.toString('base64url'), value: '张三' };
    expect(checkDisclosure({ event, ...statement })).toMatchObject({ valid: true, eventHash: event.hash });
    expect(checkDisclosure({ event: served, ...statement })).toMatchObject({ valid: true, eventHash: event.hash });
    // and its opened personal fields, which a statement must not pass on
    expect(
      checkDisclosure({ event: { ...served, personal: { '/parties/0/name': '张三' } }, ...statement }),
    ).toMatchObject({
      valid: false,
      failure: { code: 'statement_malformed', detail: expect.stringContaining('personal') },
    });
    // a member of the envelope itself still counts
    expect(checkDisclosure({ event: { ...served, revision: 1 }, ...statement })).toMatchObject({
      valid: false,
      failure: { code: 'event_hash_mismatch' },
    });
  });

  it('when trusted keys and the public commitment are given, then the signature and the commitment are checked too', () => {
    const ledger = ed25519Signer(generateKeyPairSync('ed25519').privateKey);
    const other = ed25519Signer(generateKeyPairSync('ed25519').privateKey);
    const envelope = OPENED;
    const signed = (e: typeof OPENED, by = ledger) => {
      const hash = computeEventHash(e);
      const value = by.sign(eventSigningInput(hash)).toString('base64');
      return { ...e, hash, sig: { alg: 'Ed25519', keyId: by.keyId, value } };
    };
    const statement = { path: WHERE.path, salt: SALT.toString('base64url'), value: '张三' };
    const trust = { serviceKeys: keyResolver([ledger.publicKey]) };
    expect(checkDisclosure({ event: signed(envelope), ...statement }, trust)).toMatchObject({
      valid: true,
      signedBy: ledger.keyId,
    });
    // without keys the same statement holds with nothing said of who signed it
    expect(checkDisclosure({ event: signed(envelope), ...statement })).not.toHaveProperty('signedBy');
    // changed and hashed again: the hash holds, the signature does not
    const { sig } = signed(envelope);
    const changed = { ...envelope, occurredAt: '2026-11-20T10:00:00+08:00' };
    const rehashed = { ...changed, hash: computeEventHash(changed), sig };
    expect(checkDisclosure({ event: rehashed, ...statement })).toMatchObject({ valid: true });
    expect(checkDisclosure({ event: rehashed, ...statement }, trust)).toMatchObject({
      valid: false,
      failure: { code: 'signature_invalid' },
    });
    // signed by another key: not one of those given
    expect(checkDisclosure({ event: signed(envelope, other), ...statement }, trust)).toMatchObject({
      valid: false,
      failure: { code: 'unknown_key' },
    });
    // the commitment the public record shows
    const commitment = (sealed as SealedValue).commitment;
    expect(checkDisclosure({ event: signed(envelope), ...statement }, { ...trust, commitment })).toMatchObject({
      valid: true,
    });
    expect(
      checkDisclosure({ event: signed(envelope), ...statement }, { ...trust, commitment: commitment.slice(1) }),
    ).toMatchObject({ valid: false, failure: { code: 'commitment_not_published' } });
  });

  it('when a disclosure statement names an event without that sealed field, then it is refused', () => {
    const event = { id: WHERE.eventId, hash: 'x', data: {} } as never;
    expect(checkDisclosure({ event, path: WHERE.path, salt: 'a', value: 'b' })).toMatchObject({ valid: false });
    expect(checkDisclosure('nope')).toMatchObject({ valid: false, failure: { code: 'statement_malformed' } });
  });
});
