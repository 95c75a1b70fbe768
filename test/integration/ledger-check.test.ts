import fs from 'node:fs';
import net from 'node:net';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadOrCreateKeys } from '../../src/adapters/keys/file-keyring.js';
import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { checkpointBody, signNote } from '../../src/ledger/checkpoint.js';
import { headsExtension } from '../../src/ledger/checkpoint-heads.js';
import { computeEventHash, sealEvents } from '../../src/ledger/envelope.js';
import { runCli } from '../support/cli.js';
import { seedAgency, startTestService } from '../support/service.js';
import { copyFolder, editStoredEnvelope, tamperEvents, tempDirsForFile } from '../support/stored-folder.js';
import { asVideo } from '../support/media-bytes.js';
import { systemClock } from '../../src/adapters/clock/system-clock.js';
import { uuidv7Generator } from '../../src/app/ids.js';
import { caseStream } from '../../src/domain/case/acts.js';
import { canonicalize } from '../../src/ledger/canonical-json.js';
import { officerKeyPair, signedEvidenceBody } from '../support/officer-keys.js';

const tempDir = tempDirsForFile('check');
const today = new Date().toISOString().slice(0, 10);
let pristine: string;
let videoSha: string;

/** A data folder with registries, two cases, a video and two checkpoints, made through the service. */
beforeAll(async () => {
  pristine = tempDir();
  const t = await startTestService({ LEDGER_DATA_DIR: pristine });
  const { officer } = await seedAgency(t, 'county-justice');
  const upload = await fetch(`${t.url}/v1/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${officer}`, 'content-type': 'video/mp4' },
    body: asVideo(Buffer.alloc(200_000 - 24, 7)),
  });
  videoSha = ((await upload.json()) as { sha256: string }).sha256;
  for (const caseId of ['k-1', 'k-2']) {
    const open = {
      caseId,
      itemCode: 'P-001',
      title: '检查',
      openedOn: today,
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某公司' }],
    };
    expect((await t.call('POST', '/v1/cases', { token: officer, body: open })).status).toBe(201);
    if (caseId === 'k-1') expect((await t.call('GET', '/v1/ledger/checkpoint')).status).toBe(200);
    const seized = {
      type: 'PropertySeized',
      occurredAt: `${today}T00:10:00+08:00`,
      officers: ['alice', 'bob'],
      data: { items: '设备', legalBasis: '《行政强制法》第二十二条' },
      media: [videoSha],
    };
    expect((await t.call('POST', `/v1/cases/${caseId}/acts`, { token: officer, body: seized })).status).toBe(201);
  }
  // an act signed by alice with her own registered key: checked against the key the log registered
  const key = officerKeyPair();
  const admin = t.token('head', 'county-justice', ['admin']);
  const registered = await t.call('POST', '/v1/officers/alice/keys', {
    token: admin,
    body: { publicKey: key.spki, validFrom: '2020-01-01' },
  });
  expect(registered.status).toBe(201);
  const third = {
    caseId: 'k-3',
    itemCode: 'P-001',
    title: '检查',
    openedOn: today,
    officers: ['alice', 'bob'],
    parties: [{ kind: 'organization', name: '某公司' }],
  };
  expect((await t.call('POST', '/v1/cases', { token: officer, body: third })).status).toBe(201);
  const signed = await t.call('POST', '/v1/cases/k-3/acts', {
    token: officer,
    body: signedEvidenceBody(
      key.privateKey,
      {
        id: uuidv7Generator(systemClock)(),
        stream: caseStream('county-justice', 'k-3'),
        occurredAt: `${today}T00:11:00+08:00`,
      },
      canonicalize,
    ),
  });
  expect([signed.status, signed.body.code]).toEqual([201, undefined]);
  expect((await t.call('GET', '/v1/ledger/checkpoint')).status).toBe(200);
  await t.stop();
});

/** A fresh copy of the pristine data folder, to tamper with. */
const copy = () => copyFolder(pristine, tempDir);

const check = (dir: string, ...args: string[]) => runCli(['check', ...args], { LEDGER_DATA_DIR: dir });

/**
 * Signs a checkpoint with the folder's own event key over the latest checkpoint's size and root, as `remake` makes
 * its origin and extension lines from the latest's, and appends it after the latest: a checkpoint the service could
 * have signed, saying what the test wants.
 */
async function appendSignedCheckpoint(
  dir: string,
  id: string,
  remake: (latest: { origin: string; note: string }) => { origin: string; extensions: string[] },
): Promise<{ size: number }> {
  const keys = loadOrCreateKeys(path.join(dir, 'keys'), systemClock);
  const store = new SqliteEventStore({ path: path.join(dir, 'events.sqlite'), writer: 'inline' });
  const [last] = await store.readStream('ledger-checkpoints', { direction: 'backward', limit: 1 });
  const latest = last!.event.data as { origin: string; size: number; rootHash: string; note: string };
  const { origin, extensions } = remake(latest);
  const { size, rootHash } = latest;
  const body = checkpointBody({ origin, size, rootHash: Buffer.from(rootHash, 'base64'), extensions });
  const note = signNote(body, origin, keys.eventSigner);
  const forged = sealEvents(
    'ledger-checkpoints',
    { revision: last!.event.revision, hash: last!.event.hash },
    [
      {
        id,
        type: 'CheckpointIssued',
        schemaVersion: 1,
        occurredAt: new Date().toISOString(),
        actor: { sub: 'ledger', agency: 'ledger', roles: [] },
        data: { origin, size, rootHash, note },
        media: [],
      },
    ],
    keys.eventSigner,
    new Date().toISOString(),
  );
  await store.append('ledger-checkpoints', forged, last!.event.revision);
  await store.close();
  return { size };
}

describe('ledger check', () => {
  it('when the store is as recorded, then every chain, signature, checkpoint and medium checks out', async () => {
    const dir = copy();
    const result = await check(dir, '--media');
    expect(result.stderr).toContain('100%');
    expect(result.stdout).toMatch(/checkpoints 2; the latest \(size \d+\) matches the events/);
    // where the media were read from is said: a medium missing there may be in a store not configured here
    expect(result.stdout).toContain(
      `media       1 re-hashed, 200,000 bytes, read from the folder ${path.join(dir, 'media')} (S3_BUCKET is not set)`,
    );
    expect(result.stdout).toMatch(/read models [\d,]+ documents compared with the log up to position \d+/);
    expect(result.stdout).toContain('no fault found');
    expect(result.code).toBe(0);
    const json = await check(dir, '--media', '--skip-read-models', '--json');
    expect(JSON.parse(json.stdout).media).toMatchObject({
      checked: 1,
      store: `the folder ${path.join(dir, 'media')} (S3_BUCKET is not set)`,
    });
  });

  it('when an event was edited in the database, then its hash mismatch is reported with the event, and exit 1', async () => {
    const dir = copy();
    const eventId = editStoredEnvelope(dir, 'case-county-justice:k-1', 1, (envelope) => {
      envelope.data.items = '设备两台';
    });
    const result = await check(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('hash_mismatch');
    expect(result.stdout).toContain(`[event ${eventId}]`);
    // the read models now differ from the edited log: a rebuild would carry the forgery into them, so the check
    // does not advise one while the log itself has faults
    expect(result.stdout).toContain('read_model_mismatch');
    expect(result.stdout).not.toContain('(run `ledger rebuild`)');
    expect(result.stdout).toContain(
      'the log has faults: resolve them (restore it from a backup) before any `ledger rebuild`',
    );
  });

  it('when an event was edited and re-hashed, then its signature fails and the tree no longer has the signed root', async () => {
    const dir = copy();
    let eventId = '';
    tamperEvents(dir, (db) => {
      const row = db
        .prepare("SELECT position, id, envelope FROM events WHERE stream = 'case-county-justice:k-1' AND revision = 1")
        .get() as {
        position: number;
        id: string;
        envelope: string;
      };
      eventId = row.id;
      const envelope = JSON.parse(row.envelope);
      envelope.data.items = '设备两台';
      envelope.hash = computeEventHash(envelope);
      db.prepare('UPDATE events SET envelope = ?, hash = ? WHERE position = ?').run(
        JSON.stringify(envelope),
        envelope.hash,
        row.position,
      );
    });
    const result = await check(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`signature_invalid`);
    expect(result.stdout).toContain(`[event ${eventId}]`);
    expect(result.stdout).toContain('DOES NOT match'); // the tree recomputed from the events no longer has the signed root
  });

  it('when a stored envelope is not an event at all, then malformed_event names its position and the check goes on', async () => {
    for (const text of ['null', '[]', '"x"', '{"a":', `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`]) {
      const dir = copy();
      let position = 0;
      tamperEvents(dir, (db) => {
        ({ position } = db
          .prepare("SELECT position FROM events WHERE stream = 'case-county-justice:k-1' AND revision = 1")
          .get() as { position: number });
        db.prepare('UPDATE events SET envelope = ? WHERE position = ?').run(text, position);
      });
      const result = await check(dir, '--json');
      expect([result.code, result.stderr]).toEqual([1, expect.not.stringMatching(/TypeError|RangeError|SyntaxError/)]);
      const report = JSON.parse(result.stdout);
      expect(report.faults).toContainEqual(expect.objectContaining({ code: 'malformed_event', position }));
      // the walk went on past it: the next event of the stream is reported against the gap it left
      expect(report.events).toBeGreaterThan(position);
      expect(report.readModels).toMatchObject({ checked: false, skipped: expect.stringContaining('cannot be read') });
    }
  });

  it("when the store's index files an event under another stream, revision or hash than its envelope, then index_mismatch names it", async () => {
    for (const edit of ["stream = 'case-county-justice:OTHER'", 'revision = 99', `hash = '${'0'.repeat(64)}'`]) {
      const dir = copy();
      let eventId = '';
      tamperEvents(dir, (db) => {
        const row = db
          .prepare("SELECT position, id FROM events WHERE stream = 'case-county-justice:k-1' AND revision = 1")
          .get() as { position: number; id: string };
        eventId = row.id;
        db.prepare(`UPDATE events SET ${edit} WHERE position = ?`).run(row.position);
      });
      const result = await check(dir, '--json');
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(report.faults).toContainEqual(expect.objectContaining({ code: 'index_mismatch', eventId }));
    }
  });

  it('when an event was deleted, then the revision gap is reported', async () => {
    const dir = copy();
    tamperEvents(dir, (db) => {
      const { position } = db
        .prepare("SELECT position FROM events WHERE stream = 'case-county-justice:k-1' AND revision = 0")
        .get() as { position: number };
      db.prepare('DELETE FROM events WHERE position = ?').run(position);
    });
    const report = JSON.parse((await check(dir, '--json')).stdout);
    expect(report.faults.map((f: { code: string }) => f.code)).toContain('revision_gap');
  });

  it('when a validly signed checkpoint claims another root, then the root mismatch is reported', async () => {
    const dir = copy();
    const keys = loadOrCreateKeys(path.join(dir, 'keys'), systemClock);
    const store = new SqliteEventStore({ path: path.join(dir, 'events.sqlite'), writer: 'inline' });
    const [last] = await store.readStream('ledger-checkpoints', { direction: 'backward', limit: 1 });
    const origin = 'evidence-ledger.local/log';
    const note = signNote(checkpointBody({ origin, size: 3, rootHash: Buffer.alloc(32, 1) }), origin, keys.eventSigner);
    const forged = sealEvents(
      'ledger-checkpoints',
      { revision: last!.event.revision, hash: last!.event.hash },
      [
        {
          id: '00000000-0000-7000-8000-0000000000ff',
          type: 'CheckpointIssued',
          schemaVersion: 1,
          occurredAt: new Date().toISOString(),
          actor: { sub: 'ledger', agency: 'ledger', roles: [] },
          data: { origin, size: 3, rootHash: Buffer.alloc(32, 1).toString('base64'), note },
          media: [],
        },
      ],
      keys.eventSigner,
      new Date().toISOString(),
    );
    await store.append('ledger-checkpoints', forged, last!.event.revision);
    await store.close();
    const result = await check(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/root_mismatch: the checkpoint of size 3 signed root AQEB/);
  });

  it('when the latest checkpoint, validly signed over the right root, commits to other stream heads, then the heads mismatch is reported', async () => {
    const dir = copy();
    expect((await check(dir)).code).toBe(0); // the genuine latest checkpoint's heads line matches the events
    const { size } = await appendSignedCheckpoint(dir, '00000000-0000-7000-8000-0000000000fe', ({ origin }) => ({
      origin,
      extensions: [headsExtension(Buffer.alloc(32, 2))],
    }));
    const result = await check(dir, '--skip-read-models');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`heads_mismatch: the checkpoint of size ${size} signed heads root AgIC`));
  });

  it('when a checkpoint, validly signed over the right root, names another origin than the log, then the change of origin is named', async () => {
    const dir = copy();
    // the same tree under a second name, as a start under another LEDGER_LOG_ORIGIN once signed it
    await appendSignedCheckpoint(dir, '00000000-0000-7000-8000-0000000000fd', ({ note }) => ({
      origin: 'ledger.example.gov.cn/log',
      extensions: note.split('\n\n')[0]!.split('\n').slice(3),
    }));
    const result = await check(dir, '--skip-read-models');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'checkpoint_origin_changed: signed under the origin "ledger.example.gov.cn/log", the log\'s first checkpoint under "evidence-ledger.local/log"',
    );
    expect(result.stdout).not.toMatch(/root_mismatch|checkpoint_invalid|heads_mismatch/);
  });

  it('when a stored medium was altered, then --media finds it and the event check alone does not', async () => {
    const dir = copy();
    const file = path.join(dir, 'media', 'sha256', videoSha.slice(0, 2), videoSha.slice(2, 4), videoSha);
    const bytes = fs.readFileSync(file);
    bytes[1000] = bytes[1000]! ^ 0x01;
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(file, bytes);
    expect((await check(dir)).code).toBe(0);
    const result = await check(dir, '--media');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`media_mismatch: medium ${videoSha} holds 200000 bytes hashing to`);
  });

  it('when every checkpoint event was deleted from the log, then checkpoints_missing is named', async () => {
    const dir = copy();
    tamperEvents(dir, (db) => {
      db.prepare("DELETE FROM events WHERE stream = 'ledger-checkpoints'").run();
      db.prepare("DELETE FROM streams WHERE stream = 'ledger-checkpoints'").run(); // no head left behind either
    });
    const result = await check(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/checkpoints_missing: 2 checkpoint\(s\) the read models record as issued/);
  });

  it("when a stream's recorded head was edited, then stream_head_mismatch names the stream", async () => {
    const dir = copy();
    tamperEvents(dir, (db) => {
      db.prepare("UPDATE streams SET hash = ? WHERE stream = 'case-county-justice:k-2'").run('ab'.repeat(32));
    });
    const result = await check(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/stream_head_mismatch: .*\[stream case-county-justice:k-2\]/);
  });

  it("when a stream's last event was deleted and its head left, then stream_truncated names the stream", async () => {
    const dir = copy();
    tamperEvents(dir, (db) => {
      db.prepare("DELETE FROM events WHERE stream = 'case-county-justice:k-2' AND revision = 1").run();
    });
    const result = await check(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /stream_truncated: the store records the head at revision 1, but the stream's last stored event is revision 0.*\[stream case-county-justice:k-2\]/,
    );
  });

  it('when a read model was edited (a forged case title), then read_model_mismatch names the document', async () => {
    const dir = copy();
    const db = new Database(path.join(dir, 'read-models.sqlite'));
    const row = db.prepare("SELECT doc FROM doc_cases WHERE key = 'case-county-justice:k-1'").get() as { doc: string };
    db.prepare("UPDATE doc_cases SET doc = ? WHERE key = 'case-county-justice:k-1'").run(
      JSON.stringify({ ...JSON.parse(row.doc), title: '伪造的标题' }),
    );
    db.close();
    const result = await check(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'read_model_mismatch: cases/case-county-justice:k-1: the stored document differs from the log (run `ledger rebuild`)',
    );
    expect(result.stdout).not.toContain('伪造'); // faults name documents, never their content
    const skipped = await check(dir, '--skip-read-models');
    expect(skipped.code).toBe(0);
  });

  /** Overwrites the header of `file` in `dir` (its -wal and -shm removed): no longer a database. Its path. */
  function damage(dir: string, file: string): string {
    const target = path.join(dir, file);
    for (const extra of ['-wal', '-shm']) fs.rmSync(target + extra, { force: true });
    const bytes = fs.readFileSync(target);
    bytes.fill(0x5a, 0, 100);
    fs.writeFileSync(target, bytes);
    return target;
  }

  it.each([
    ['read-models.sqlite', '"ledger rebuild" makes them again from the log'],
    ['events.sqlite', 'the log: restore it from a backup'],
  ])('when %s is damaged, then exit 1 naming that file and what to do', async (file, remedy) => {
    const dir = copy();
    const target = damage(dir, file);
    const temporary = tempDir(); // where the read models are copied to compare: left empty, whatever failed
    const result = await runCli(['check'], { LEDGER_DATA_DIR: dir, TMPDIR: temporary });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${target} is damaged (`);
    expect(result.stderr).toContain(remedy);
    expect(fs.readdirSync(temporary)).toEqual([]);
    const other = file === 'events.sqlite' ? 'read-models.sqlite' : 'events.sqlite';
    expect(result.stderr).not.toContain(`${path.join(dir, other)} is damaged`);
  });

  it.each([
    ['events.sqlite', 'serve', 'the log: restore it from a backup'],
    ['events.sqlite', 'rebuild', 'the log: restore it from a backup'],
    ['data-keys.sqlite', 'serve', "the cases' data keys: restore it from a backup"],
    ['data-keys.sqlite', 'rebuild', "the cases' data keys: restore it from a backup"],
    ['data-keys.sqlite', 'check', "the cases' data keys: restore it from a backup"],
    ['webhooks.sqlite', 'serve', 'the webhook outbox: restore it from a backup'],
  ])(
    'when %s is damaged, then ledger %s stops, exit 1, naming that file and what to do',
    async (file, command, remedy) => {
      const dir = copy();
      const target = damage(dir, file);
      // as an operator runs it (bin/ledger.js): a start that fails part way is a process that ends, not one to close
      const run = spawnSync(process.execPath, [path.resolve(__dirname, '../../bin/ledger.js'), command], {
        env: {
          ...process.env,
          LEDGER_DATA_DIR: dir,
          PORT: '0',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'silent',
          TMPDIR: tempDir(),
        },
        encoding: 'utf8',
        timeout: 100_000, // a safety net only: each ends as soon as it opens the damaged file
      });
      const result = { code: run.status, stderr: run.stderr };
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(`ledger ${command}: file is not a database: ${target} is damaged (${remedy})`);
    },
  );

  it('when the log cannot be opened after the read models were copied, then the copy is removed from TMPDIR', async () => {
    const dir = copy();
    const closed = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const temporary = tempDir();
    const result = await runCli(['check'], {
      LEDGER_DATA_DIR: dir,
      EVENTSTORE_URL: `esdb://127.0.0.1:${closed}?tls=false`,
      TMPDIR: temporary,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('EVENTSTORE_URL');
    expect(fs.readdirSync(temporary)).toEqual([]);
  });

  it('when an earlier check was killed and left its copy in TMPDIR, then the next check removes it, and only it', async () => {
    const dir = copy();
    const temporary = tempDir();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid; // a process that has ended
    const left = path.join(temporary, `ledger-check-${gone}-a1b2c3`);
    const running = path.join(temporary, `ledger-check-${process.pid}-d4e5f6`); // a check still running
    for (const folder of [left, running]) {
      fs.mkdirSync(folder);
      fs.writeFileSync(path.join(folder, 'read-models.sqlite'), 'a copy');
    }
    fs.writeFileSync(path.join(temporary, 'someone-else'), 'not a check');
    const result = await runCli(['check'], { LEDGER_DATA_DIR: dir, TMPDIR: temporary });
    expect(result.code).toBe(0);
    expect(fs.readdirSync(temporary).sort()).toEqual([path.basename(running), 'someone-else']);
  });

  it('when the folder has no event store, then exit 1 saying so, and nothing is made in it', async () => {
    const dir = copy();
    fs.rmSync(path.join(dir, 'events.sqlite'));
    const before = fs.readdirSync(dir).sort();
    const result = await check(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no event store at');
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    // nor does a rebuild (or a prepared one) make an empty log there and report it rebuilt
    for (const argv of [['rebuild'], ['rebuild', '--prepare']]) {
      const rebuilt = await runCli(argv, { LEDGER_DATA_DIR: dir });
      expect([argv.join(' '), rebuilt.code]).toEqual([argv.join(' '), 1]);
      expect(rebuilt.stderr).toContain('there is no log here to rebuild from (is LEDGER_DATA_DIR right?)');
      expect(fs.readdirSync(dir).sort()).toEqual(before);
    }
  });

  it('when asked for help or given a stray argument, then usage and exit 0 or 2', async () => {
    const help = await runCli(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: ledger check [--media] [--skip-read-models] [--json]');
    expect((await runCli(['check', 'now'])).code).toBe(2);
  });
});
