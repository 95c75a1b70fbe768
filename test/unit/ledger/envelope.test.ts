import { generateKeyPairSync, createHash, sign as cryptoSign } from 'node:crypto';
import { canonicalize } from '../../../src/ledger/canonical-json.js';
import { ed25519Signer, keyIdOf, keyResolver } from '../../../src/ledger/ed25519.js';
import { actorSigningInput, computeEventHash, sealEvents, type EventEnvelope } from '../../../src/ledger/envelope.js';
import { GENESIS_PREV } from '../../../src/ledger/hash.js';
import { verifyChain, verifyEvent } from '../../../src/ledger/verify.js';
import { draft, headOf, RECORDED_AT, resolverFor, seal, testSigner } from '../../support/events.js';

const signer = testSigner();
const serviceKeys = resolverFor(signer);

/** Returns a copy with one field changed at a JSON path, leaving the original untouched. */
function tamper(event: EventEnvelope, change: (e: Record<string, any>) => void): EventEnvelope {
  const copy = JSON.parse(JSON.stringify(event));
  change(copy);
  return copy;
}

describe('the signed envelope', () => {
  it('when drafts are sealed, then revisions count from 0, prev links the chain and the first prev is 64 zeros', () => {
    const events = seal('case-1', null, signer, 3);
    expect(events.map((e) => e.revision)).toEqual([0, 1, 2]);
    expect(events[0]!.prev).toBe(GENESIS_PREV);
    expect(events[1]!.prev).toBe(events[0]!.hash);
    expect(events[2]!.prev).toBe(events[1]!.hash);
    expect(events.every((e) => e.stream === 'case-1' && e.recordedAt === RECORDED_AT)).toBe(true);
  });

  it('when an event is sealed, then its hash is SHA-256 of the canonical envelope without hash and sig', () => {
    const [event] = seal('case-1', null, signer);
    const { hash, sig, ...body } = event!;
    expect(hash).toBe(createHash('sha256').update(canonicalize(body), 'utf8').digest('hex'));
    expect(sig.alg).toBe('Ed25519');
    expect(sig.keyId).toBe(keyIdOf(signer.publicKey));
    expect(Buffer.from(sig.value, 'base64')).toHaveLength(64);
  });

  it('when the key id is computed, then it is the hex SHA-256 of the SPKI DER', () => {
    const der = signer.publicKey.export({ type: 'spki', format: 'der' });
    expect(signer.keyId).toBe(createHash('sha256').update(der).digest('hex'));
  });

  it('when a sealed event is checked untouched, then it verifies', () => {
    const [event] = seal('case-1', null, signer);
    expect(verifyEvent(event, { serviceKeys })).toEqual({ ok: true });
  });

  it('when the same event is sealed twice, then the bytes are identical (Ed25519 is deterministic)', () => {
    const d = draft();
    const a = sealEvents('s', null, [d], signer, RECORDED_AT);
    const b = sealEvents('s', null, [d], signer, RECORDED_AT);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  describe('when one thing is changed, then verification names it', () => {
    const [event] = seal('case-1', null, signer, 1, {
      media: [{ sha256: 'a'.repeat(64), size: 10, contentType: 'video/mp4' }],
    });
    const cases: [string, (e: Record<string, any>) => void, string][] = [
      ['a data field', (e) => (e.data.description = 'altered'), 'hash_mismatch'],
      ['the actor', (e) => (e.actor.sub = 'officer-2'), 'hash_mismatch'],
      ['a role', (e) => e.actor.roles.push('admin'), 'hash_mismatch'],
      ['occurredAt', (e) => (e.occurredAt = '2026-11-21T09:30:00+08:00'), 'hash_mismatch'],
      ['recordedAt', (e) => (e.recordedAt = '2026-11-21T01:31:00.000Z'), 'hash_mismatch'],
      ['the revision', (e) => (e.revision = 1), 'hash_mismatch'],
      ['the stream', (e) => (e.stream = 'case-2'), 'hash_mismatch'],
      ['the type', (e) => (e.type = 'CaseClosed'), 'hash_mismatch'],
      ['a media size', (e) => (e.media[0].size = 11), 'hash_mismatch'],
      ['prev', (e) => (e.prev = 'f'.repeat(64)), 'hash_mismatch'],
      ['an added field', (e) => (e.extra = 1), 'hash_mismatch'],
      [
        'the hash, consistently with the content',
        (e) => {
          e.data.description = 'altered';
          e.hash = computeEventHash(e as EventEnvelope);
        },
        'signature_invalid',
      ],
      [
        'one bit of the signature',
        (e) => {
          const b = Buffer.from(e.sig.value, 'base64');
          b[5] = b[5]! ^ 1;
          e.sig.value = b.toString('base64');
        },
        'signature_invalid',
      ],
      ['the signature length', (e) => (e.sig.value = e.sig.value.slice(0, 40)), 'signature_invalid'],
      ['the key id', (e) => (e.sig.keyId = 'b'.repeat(64)), 'unknown_key'],
      ['the algorithm', (e) => (e.sig.alg = 'RS256'), 'unsupported_algorithm'],
      [
        'the algorithm and a data field (the algorithm names the hash, so it is checked first)',
        (e) => {
          e.sig.alg = 'RS256';
          e.data.description = 'altered';
        },
        'unsupported_algorithm',
      ],
      ['the hash format', (e) => (e.hash = 'XYZ'), 'malformed_event'],
      ['a missing data', (e) => delete e.data, 'malformed_event'],
      ['a non-UUID id', (e) => (e.id = 'not-a-uuid'), 'malformed_event'],
      ['a non-integer revision', (e) => (e.revision = 1.5), 'malformed_event'],
      ['a media hash', (e) => (e.media[0].sha256 = 'short'), 'malformed_event'],
      ['a non-finite number in data', (e) => (e.data.n = Number.NaN), 'malformed_event'],
    ];
    it.each(cases)('%s', (_what, change, code) => {
      const result = verifyEvent(tamper(event!, change), { serviceKeys });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.failure.code).toBe(code);
    });
  });

  it('when the service key has been rotated, then events signed by the retired key still verify with the key set', () => {
    const retired = testSigner();
    const current = testSigner();
    const old = seal('case-1', null, retired, 2);
    const recent = sealEvents('case-1', headOf(old), [draft()], current, RECORDED_AT);
    const keys = resolverFor(current, retired);
    expect(verifyChain([...old, ...recent], { serviceKeys: keys })).toEqual({ ok: true });
    const onlyCurrent = verifyChain([...old, ...recent], { serviceKeys: resolverFor(current) });
    expect(onlyCurrent).toMatchObject({ ok: false, failure: { code: 'unknown_key', index: 0 } });
  });

  describe('the officer signature (actorSig)', () => {
    const officerKey = generateKeyPairSync('ed25519').privateKey;
    const officer = ed25519Signer(officerKey);
    const officerKeys = keyResolver([officer.publicKey]);
    const sealSigned = (sign = officer) => {
      const d = draft();
      const value = sign.sign(actorSigningInput({ ...d, stream: 'case-9' })).toString('base64');
      return sealEvents(
        'case-9',
        null,
        [{ ...d, actorSig: { alg: 'Ed25519', keyId: officer.keyId, value } }],
        signer,
        RECORDED_AT,
      )[0]!;
    };

    it('when the act is signed as §6 of docs/integrity.md says, with node:crypto alone, then it verifies', () => {
      const d = draft();
      const act = {
        id: d.id,
        stream: 'case-9',
        type: d.type,
        schemaVersion: d.schemaVersion,
        occurredAt: d.occurredAt,
        actor: d.actor.sub,
        data: d.data,
        media: d.media,
      };
      const message = Buffer.from(`evidence-ledger/act/v1\n${canonicalize(act)}`, 'utf8');
      const value = cryptoSign(null, message, officerKey).toString('base64');
      const [event] = sealEvents(
        'case-9',
        null,
        [{ ...d, actorSig: { alg: 'Ed25519', keyId: officer.keyId, value } }],
        signer,
        RECORDED_AT,
      );
      expect(verifyEvent(event, { serviceKeys, actorKeys: officerKeys })).toEqual({ ok: true });
    });

    it('when the officer signed the act, then it verifies against the officer key', () => {
      expect(verifyEvent(sealSigned(), { serviceKeys, actorKeys: officerKeys })).toEqual({ ok: true });
    });

    it('when another key signed in the officer name, then it fails actor_signature_invalid', () => {
      const result = verifyEvent(sealSigned(testSigner()), { serviceKeys, actorKeys: officerKeys });
      expect(result).toMatchObject({ ok: false, failure: { code: 'actor_signature_invalid' } });
    });

    it('when the officer key is not registered, then it fails actor_key_unknown', () => {
      expect(verifyEvent(sealSigned(), { serviceKeys })).toMatchObject({
        ok: false,
        failure: { code: 'actor_key_unknown' },
      });
    });

    it('when actorSig is stripped, then the hash no longer matches', () => {
      const stripped = tamper(sealSigned(), (e) => delete e.actorSig);
      expect(verifyEvent(stripped, { serviceKeys })).toMatchObject({ ok: false, failure: { code: 'hash_mismatch' } });
    });
  });
});

describe('the hash chain', () => {
  const events = seal('case-7', null, signer, 5);
  const check = (list: unknown[]) => verifyChain(list, { serviceKeys });

  it('when the chain is intact, then it verifies', () => {
    expect(check(events)).toEqual({ ok: true });
  });

  it('when it continues from a trusted head, then a suffix verifies', () => {
    expect(verifyChain(events.slice(2), { serviceKeys, after: headOf(events.slice(0, 2)) })).toEqual({ ok: true });
    expect(verifyChain(events.slice(2), { serviceKeys })).toMatchObject({
      ok: false,
      failure: { code: 'revision_gap' },
    });
  });

  it('when an event is missing, then it fails revision_gap at that place', () => {
    expect(check([events[0], events[1], events[3], events[4]])).toMatchObject({
      ok: false,
      failure: { code: 'revision_gap', index: 2, revision: 3, eventId: events[3]!.id },
    });
  });

  it('when two events are swapped, then it fails revision_gap', () => {
    expect(check([events[0], events[2], events[1]])).toMatchObject({
      ok: false,
      failure: { code: 'revision_gap', index: 1 },
    });
  });

  it('when an event is duplicated, then it fails duplicate_event', () => {
    expect(check([events[0], events[1], events[1]])).toMatchObject({
      ok: false,
      failure: { code: 'duplicate_event', index: 2 },
    });
  });

  it('when a validly signed event from a fork replaces one, then it fails chain_broken', () => {
    const fork = sealEvents('case-7', headOf(events.slice(0, 2)), [draft()], signer, RECORDED_AT);
    const forkedNext = sealEvents('case-7', headOf(fork), [draft()], signer, RECORDED_AT);
    expect(check([events[0], events[1], fork[0], events[3]])).toMatchObject({
      ok: false,
      failure: { code: 'chain_broken', index: 3 },
    });
    expect(check([...events.slice(0, 3), ...forkedNext])).toMatchObject({
      ok: false,
      failure: { code: 'chain_broken', index: 3 },
    });
  });

  it('when an event from another stream is mixed in, then it fails stream_mismatch', () => {
    const other = seal('case-8', headOf(events.slice(0, 1)), signer);
    expect(check([events[0], other[0]])).toMatchObject({ ok: false, failure: { code: 'stream_mismatch', index: 1 } });
  });

  it('when the first event has a non-zero prev, then it fails chain_broken', () => {
    const forged = sealEvents('case-7', { revision: -1, hash: 'e'.repeat(64) }, [draft()], signer, RECORDED_AT);
    expect(check(forged)).toMatchObject({ ok: false, failure: { code: 'chain_broken', index: 0 } });
  });

  it('when one event of many is tampered, then the first failure is that one', () => {
    const list = events.map((e, i) => (i === 3 ? tamper(e, (x) => (x.data.description = '!')) : e));
    expect(check(list)).toMatchObject({ ok: false, failure: { code: 'hash_mismatch', index: 3 } });
  });
});
