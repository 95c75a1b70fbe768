import path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import Database from 'better-sqlite3';
import { SqliteWitnessStore } from '../../src/adapters/sqlite/witness-store.js';
import { Witness } from '../../src/app/witness.js';
import { checkpointBody, signNote, verifierKey } from '../../src/ledger/checkpoint.js';
import { headsExtension } from '../../src/ledger/checkpoint-heads.js';
import { ed25519Signer } from '../../src/ledger/ed25519.js';
import { formatAddCheckpoint } from '../../src/ledger/witness-protocol.js';
import { freshTempDir } from '../support/temp-dir.js';

const ORIGIN = 'example.org/log';
const log = ed25519Signer(generateKeyPairSync('ed25519').privateKey);
const witnessSigner = ed25519Signer(generateKeyPairSync('ed25519').privateKey);
const ROOT = Buffer.alloc(32, 1);
const note = (heads: Buffer) =>
  signNote(
    checkpointBody({ origin: ORIGIN, size: 4, rootHash: ROOT, extensions: [headsExtension(heads)] }),
    ORIGIN,
    log,
  );
const clock = { now: () => new Date('2026-12-01T00:00:00Z') };

/** The tables as a witness created them before it kept heads roots. */
const OLD_SCHEMA = `
CREATE TABLE log_keys (origin TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (origin, key));
CREATE TABLE cosigned (origin TEXT PRIMARY KEY, size INTEGER NOT NULL, root_hash TEXT NOT NULL, note TEXT NOT NULL,
  cosignature TEXT NOT NULL, cosigned_at TEXT NOT NULL);
CREATE TABLE refusals (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, origin TEXT NOT NULL,
  kind TEXT NOT NULL, size INTEGER NOT NULL, root_hash TEXT NOT NULL, note TEXT NOT NULL, old_size INTEGER NOT NULL,
  cosigned_size INTEGER NOT NULL, cosigned_root_hash TEXT NOT NULL);`;

describe('the witness store keeps the heads root it cosigned', () => {
  const dir = freshTempDir('witness-store');

  it('when a store written before heads roots were kept is opened, then the cosigned heads root is read from its note, and a fork of it is refused', () => {
    const file = path.join(dir(), 'witness.sqlite');
    const old = new Database(file);
    old.exec(OLD_SCHEMA);
    old.prepare('INSERT INTO log_keys VALUES (?, ?)').run(ORIGIN, verifierKey(ORIGIN, log.publicKey));
    old
      .prepare('INSERT INTO cosigned VALUES (?, ?, ?, ?, ?, ?)')
      .run(ORIGIN, 4, ROOT.toString('base64'), note(Buffer.alloc(32, 2)), '— w x', '2026-11-30T00:00:00.000Z');
    old.close();

    const store = new SqliteWitnessStore(file);
    try {
      expect(store.latest(ORIGIN)?.headsRoot).toBe(Buffer.alloc(32, 2).toString('base64'));
      const witness = new Witness({ store, name: 'example.org/witness', signer: witnessSigner, clock });
      const forked = witness.addCheckpoint(
        formatAddCheckpoint({ oldSize: 4, proof: [], note: note(Buffer.alloc(32, 3)) }),
      );
      expect(forked).toMatchObject({ status: 409, refusal: 'fork' });
      expect(store.refusals(1)[0]).toMatchObject({
        kind: 'fork',
        headsRoot: Buffer.alloc(32, 3).toString('base64'),
        cosignedHeadsRoot: Buffer.alloc(32, 2).toString('base64'),
      });
      const same = witness.addCheckpoint(
        formatAddCheckpoint({ oldSize: 4, proof: [], note: note(Buffer.alloc(32, 2)) }),
      );
      expect(same.status).toBe(200);
    } finally {
      store.close();
    }
    // and opening it again changes nothing
    const again = new SqliteWitnessStore(file);
    expect(again.latest(ORIGIN)?.headsRoot).toBe(Buffer.alloc(32, 2).toString('base64'));
    again.close();
  });
});
