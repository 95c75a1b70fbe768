import { generateKeyPairSync } from 'node:crypto';
import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { KeyringLog, KEYS_STREAM } from '../../src/app/keyring-log.js';
import { StreamLocks } from '../../src/app/stream-locks.js';
import { ed25519Signer, keyIdOf, type Signer } from '../../src/ledger/ed25519.js';
import type { PublicKey } from '../../src/ports/keys.js';

/** The keyring's public half in the log: which published keys a replica trusts. */
const clock = { now: () => new Date('2026-12-01T08:00:00Z') };
let store: SqliteEventStore;
let keyring: KeyringLog;

beforeEach(() => {
  store = new SqliteEventStore({ path: ':memory:' });
  keyring = new KeyringLog({ events: store, clock, locks: new StreamLocks() });
});
afterEach(async () => store.close());

function eventKey(retiredAt: string | null = null): { signer: Signer; record: PublicKey } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    signer: ed25519Signer(privateKey),
    record: {
      keyId: keyIdOf(publicKey),
      purpose: 'event',
      algorithm: 'Ed25519',
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) as string,
      createdAt: '2026-01-01T00:00:00.000Z',
      retiredAt,
      publicKey,
    },
  };
}

describe('KeyringLog', () => {
  it('when a key this replica does not trust published keys, then they are untrusted and it publishes nothing of its own', async () => {
    const theirs = eventKey();
    const ours = eventKey();
    await keyring.publish([theirs.record], theirs.signer, { refuseUntrusted: true });
    const seen = await keyring.publish([ours.record], ours.signer, { refuseUntrusted: true });
    expect(seen.untrusted).toEqual([{ keyId: theirs.record.keyId, purpose: 'event', signedBy: theirs.record.keyId }]);
    expect(seen.vouched).toEqual([]);
    expect((await store.readStream(KEYS_STREAM)).map((r) => r.event.data)).toEqual([
      expect.objectContaining({ keyId: theirs.record.keyId }),
    ]);
  });

  it('when a trusted key publishes its own retirement and its successor, then a replica that trusts only the old key trusts the new one', async () => {
    const old = eventKey();
    await keyring.publish([old.record], old.signer, { refuseUntrusted: true });
    const fresh = eventKey();
    const retired = { ...old.record, retiredAt: '2026-12-01T07:00:00.000Z' };
    await keyring.publish([retired, fresh.record], old.signer, { refuseUntrusted: false });
    // a replica holding only the old key, still current in its copy
    const seen = await keyring.read([old.record]);
    expect(seen.untrusted).toEqual([]);
    expect(seen.vouched).toEqual([
      expect.objectContaining({ keyId: old.record.keyId, retiredAt: '2026-12-01T07:00:00.000Z' }),
      expect.objectContaining({ keyId: fresh.record.keyId, retiredAt: null }),
    ]);
    // publishing the same keyring again records nothing
    const before = (await store.readStream(KEYS_STREAM)).length;
    await keyring.publish([retired, fresh.record], old.signer, { refuseUntrusted: false });
    expect(await store.readStream(KEYS_STREAM)).toHaveLength(before);
  });

  it('when a trusted key publishes a record whose key id is not its key, then that record is not trusted', async () => {
    const ours = eventKey();
    const other = eventKey();
    const mislabelled = { ...other.record, keyId: eventKey().record.keyId };
    await keyring.publish([ours.record, mislabelled], ours.signer, { refuseUntrusted: false });
    const seen = await keyring.read([ours.record]);
    expect(seen.vouched.map((k) => k.keyId)).toEqual([ours.record.keyId]);
    expect(seen.untrusted.map((k) => k.keyId)).toEqual([mislabelled.keyId]);
  });
});
