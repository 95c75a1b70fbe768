import fs from 'node:fs';
import path from 'node:path';
import { blobLayout } from '../../src/adapters/filesystem/blob-store.js';
import { BACKUP_MANIFEST, backupDataFolder, BackupRefused } from '../../src/data-backup.js';
import { loadConfig } from '../../src/config.js';
import { runCli } from '../support/cli.js';
import { asVideo } from '../support/media-bytes.js';
import { openCase, seedAgency, startTestService, type TestService } from '../support/service.js';
import { startLocalS3, S3RVER_CREDENTIALS } from '../support/s3rver.js';
import { copyFolder, tempDirsForFile } from '../support/stored-folder.js';

const tempDir = tempDirsForFile('backup');
const today = new Date().toISOString().slice(0, 10);
const AGENCY = 'county-justice';

let t: TestService;
let data: string;
let officer: string;
let video: Buffer;
let videoSha: string;

const backup = (dir: string, ...args: string[]) => runCli(['backup', ...args], { LEDGER_DATA_DIR: dir });

async function upload(bytes: Buffer, contentType: string): Promise<string> {
  const res = await fetch(`${t.url}/v1/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${officer}`, 'content-type': contentType },
    body: new Uint8Array(bytes),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { sha256: string }).sha256;
}

/** An act of evidence collection on `caseId`, acknowledged or the test fails. */
async function collect(caseId: string, n: number): Promise<void> {
  const res = await t.call('POST', `/v1/cases/${caseId}/acts`, {
    token: officer,
    body: {
      type: 'EvidenceCollected',
      occurredAt: `${today}T00:${String(10 + (n % 40)).padStart(2, '0')}:00+08:00`,
      officers: ['alice', 'bob'],
      data: { description: `证据${n}` },
    },
  });
  expect([res.status, res.body?.code]).toEqual([201, undefined]);
}

/** A running service with registries, a case with a seizure on video, and a checkpoint. */
beforeAll(async () => {
  data = tempDir();
  t = await startTestService({ LEDGER_DATA_DIR: data });
  ({ officer } = await seedAgency(t, AGENCY));
  video = asVideo(Buffer.alloc(300_000, 5));
  videoSha = await upload(video, 'video/mp4');
  expect((await openCase(t, officer, 'b-1')).status).toBe(201);
  const seized = await t.call('POST', '/v1/cases/b-1/acts', {
    token: officer,
    body: {
      type: 'PropertySeized',
      occurredAt: `${today}T00:05:00+08:00`,
      officers: ['alice', 'bob'],
      data: { items: '设备', legalBasis: '《行政强制法》第二十二条' },
      media: [videoSha],
    },
  });
  expect(seized.status).toBe(201);
  expect((await t.call('GET', '/v1/ledger/checkpoint')).status).toBe(200);
  expect((await openCase(t, officer, 'b-2')).status).toBe(201);
});

afterAll(async () => {
  await t.stop();
});

describe('ledger backup', () => {
  it('when the service is writing, then the backup holds every act acknowledged before it, checks clean, and a service restored from it serves the case', async () => {
    const before = 5;
    for (let n = 0; n < before; n++) await collect('b-2', n);
    const folder = path.join(tempDir(), 'backup');
    // acts keep coming while the backup runs, each acknowledged one after another
    let writing = true;
    let during = 0;
    const writer = (async () => {
      while (writing) await collect('b-2', before + during++);
    })();
    const result = await backup(data, '--to', folder);
    writing = false;
    await writer;
    expect(result.stdout).toContain('no fault found in the media');
    expect(result.stdout).toContain('check of the copy:');
    expect(result.stdout).toContain('no fault found');
    expect(result.stdout).toContain(`media       1 (${video.length.toLocaleString('en-US')} bytes); 1 copied`);
    expect(result.stderr).toContain('100%');
    expect(result.code).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, BACKUP_MANIFEST), 'utf8'));
    expect(manifest.format).toBe('evidence-ledger-backup/1');
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['events.sqlite', 'data-keys.sqlite', 'keys/keyring.json', 'keys/master.key']),
    );
    // placed in this order (the manifest lists them so): what the log needs before it, the outbox after it
    const placed = manifest.files.map((f: { path: string }) => f.path);
    expect(placed.indexOf('data-keys.sqlite')).toBeLessThan(placed.indexOf('events.sqlite'));
    expect(placed.indexOf('keys/master.key')).toBeLessThan(placed.indexOf('events.sqlite'));
    expect(placed.indexOf('webhooks.sqlite')).toBeGreaterThan(placed.indexOf('events.sqlite'));
    // the read models are the log's views, made again at start-up: not copied
    expect(fs.existsSync(path.join(folder, 'read-models.sqlite'))).toBe(false);
    // private keys stay owner-only in the copy
    for (const name of fs.readdirSync(path.join(folder, 'keys'))) {
      expect(fs.statSync(path.join(folder, 'keys', name)).mode & 0o077).toBe(0);
    }
    expect(fs.statSync(folder).mode & 0o077).toBe(0);

    // restored into an empty data folder, each file checked against the manifest, and a service started on it
    const restored = path.join(tempDir(), 'data');
    const restoring = await runCli(['restore', '--from', folder], { LEDGER_DATA_DIR: restored });
    expect(restoring.stdout).toContain('check of the restored folder:');
    expect(restoring.stdout).toContain('no fault found');
    expect(restoring.code).toBe(0);
    const r = await startTestService({ LEDGER_DATA_DIR: restored });
    try {
      expect(await r.service.readModelsCaughtUp()).toBe(true);
      const reader = r.token('alice', AGENCY, ['officer']);
      const file = await r.call('GET', '/v1/cases/b-2', { token: reader });
      expect(file.status).toBe(200);
      const collected = file.body.timeline.filter((e: { type: string }) => e.type === 'EvidenceCollected');
      expect(collected.length).toBeGreaterThanOrEqual(before);
      expect(collected.length).toBeLessThanOrEqual(before + during);
      // the medium comes back byte for byte, and the case's bundle verifies offline with the restored keys
      const medium = await fetch(`${r.url}/v1/media/${videoSha}`, { headers: { authorization: `Bearer ${reader}` } });
      expect(medium.status).toBe(200);
      expect(Buffer.from(await medium.arrayBuffer()).equals(video)).toBe(true);
      expect(medium.headers.get('content-type')).toBe('video/mp4');
      const bundle = await fetch(`${r.url}/v1/cases/b-1/bundle`, { headers: { authorization: `Bearer ${reader}` } });
      expect(bundle.status).toBe(200);
      const bundleFile = path.join(tempDir(), 'b-1.tar');
      fs.writeFileSync(bundleFile, Buffer.from(await bundle.arrayBuffer()));
      const verified = await runCli(['verify', bundleFile]);
      // no --key: it passes against the keys it carries (consistent with itself)
      expect([verified.code, verified.stdout]).toEqual([
        0,
        expect.stringMatching(/^consistent with itself only: case b-1 /),
      ]);
      // a token the original service issued is good on the restored one: the same keys
      expect((await r.call('GET', '/v1/cases/b-1', { token: officer })).status).toBe(200);
    } finally {
      await r.stop();
    }
  });

  it('when a folder holds an earlier backup, then a backup into it copies only the media it lacks and replaces the log', async () => {
    const folder = path.join(tempDir(), 'backup');
    const first = await backup(data, '--to', folder, '--json', '--no-check');
    expect(first.code).toBe(0);
    const earlier = JSON.parse(first.stdout);
    expect(earlier.media).toMatchObject({ store: 'filesystem', files: 1, copied: 1 });
    // what a backup killed part way leaves: its work folder and a medium half copied
    fs.mkdirSync(path.join(folder, '.backup-killed'));
    fs.writeFileSync(path.join(folder, '.backup-killed', 'events.sqlite'), 'half a copy');
    fs.writeFileSync(path.join(folder, 'media', 'tmp', 'partial'), 'half a medium');
    const photo = await upload(Buffer.from('\x89PNG\r\n\x1a\nphoto of the site'), 'image/png');
    await collect('b-2', 100);
    const second = await backup(data, '--to', folder, '--json');
    expect(second.code).toBe(0);
    const later = JSON.parse(second.stdout);
    expect(later.media).toMatchObject({ store: 'filesystem', files: 2, copied: 1 });
    expect(later.log.lastPosition).toBeGreaterThan(earlier.log.lastPosition);
    expect(later.check).toMatchObject({ faultCount: 0 });
    expect(later.check.events).toBe(later.log.lastPosition);
    expect(fs.existsSync(blobLayout(path.join(folder, 'media'), photo).blob)).toBe(true);
    // no work files left behind, this backup's or the killed one's
    expect(fs.readdirSync(folder).filter((name) => name.startsWith('.backup-'))).toEqual([]);
    expect(fs.readdirSync(path.join(folder, 'media', 'tmp'))).toEqual([]);
  });

  it('when keys were rotated since the last backup into a folder, then the next one leaves no retired private key there', async () => {
    // a data folder of its own (restored from a backup of the running service's), whose keys can be rotated
    const first = path.join(tempDir(), 'first');
    expect((await backup(data, '--to', first, '--no-check')).code).toBe(0);
    const own = path.join(tempDir(), 'own');
    expect((await runCli(['restore', '--from', first], { LEDGER_DATA_DIR: own })).code).toBe(0);
    const folder = path.join(tempDir(), 'nightly');
    expect((await backup(own, '--to', folder, '--no-check')).code).toBe(0);
    const keysBefore = fs.readdirSync(path.join(folder, 'keys')).sort();
    for (const purpose of ['event', 'token']) {
      expect((await runCli(['keys', 'rotate', '--purpose', purpose], { LEDGER_DATA_DIR: own })).code).toBe(0);
    }
    const held = fs.readdirSync(path.join(own, 'keys')).sort();
    const retired = keysBefore.filter((name) => !held.includes(name));
    expect(retired.length).toBe(2); // the event and the token key's private halves, deleted by the rotations
    const again = await backup(own, '--to', folder);
    expect([again.code, again.stdout]).toEqual([0, expect.stringContaining('no fault found')]);
    expect(fs.readdirSync(path.join(folder, 'keys')).sort()).toEqual(held);
    // and it restores, its check verifying every signature (the retired keys' by their public halves in the keyring)
    const restored = path.join(tempDir(), 'restored');
    const restoring = await runCli(['restore', '--from', folder], { LEDGER_DATA_DIR: restored });
    expect([restoring.code, restoring.stdout]).toEqual([0, expect.stringContaining('no fault found')]);
  });

  it('when a medium in the data folder no longer matches its hash, then it is named, not copied, and the exit is 1', async () => {
    const damaged = copyFolder(data, tempDir);
    fs.rmSync(path.join(damaged, 'service.lock'), { force: true });
    const blob = blobLayout(path.join(damaged, 'media'), videoSha).blob;
    fs.chmodSync(blob, 0o600);
    const bytes = fs.readFileSync(blob);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    fs.writeFileSync(blob, bytes);
    const folder = path.join(tempDir(), 'backup');
    const result = await backup(damaged, '--to', folder);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`medium_mismatch: ${blob}`);
    expect(fs.existsSync(blobLayout(path.join(folder, 'media'), videoSha).blob)).toBe(false);
    // and the check of the copy says the seizure's recording is missing from it
    expect(result.stdout).toContain(`media_missing: medium ${videoSha}`);
  });

  it('when the backup folder is the data folder, inside it, or holds something else, then the backup refuses and writes nothing', async () => {
    for (const to of [data, path.join(data, 'backup')]) {
      const result = await backup(data, '--to', to);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('is the data folder, or in it, or holds it');
    }
    expect(fs.existsSync(path.join(data, 'backup'))).toBe(false);
    const other = tempDir();
    fs.writeFileSync(path.join(other, 'notes.txt'), 'mine');
    const result = await backup(data, '--to', other);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not empty and holds no backup');
    expect(fs.readdirSync(other)).toEqual(['notes.txt']);
  });

  it('when the backup folder holds another log, or a later state of this one, then the backup refuses and leaves it', async () => {
    const folder = path.join(tempDir(), 'backup');
    expect((await backup(data, '--to', folder, '--no-check')).code).toBe(0);
    const held = fs.readFileSync(path.join(folder, 'events.sqlite'));
    const refusal = 'it is not an earlier backup of this log, and backing up into it would lose it';
    // another deployment's data folder backed up into it by mistake
    const otherDir = tempDir();
    const other = await startTestService({ LEDGER_DATA_DIR: otherDir });
    await seedAgency(other, 'county-other');
    await other.stop();
    const another = await backup(otherDir, '--to', folder);
    expect(another.code).toBe(1);
    expect(another.stderr).toContain(refusal);
    expect(fs.readFileSync(path.join(folder, 'events.sqlite'))).toEqual(held);
    // a data folder restored by copying the backup folder, written to since, then named as the backup folder with
    // the backup folder named as the data folder: the later log is kept
    const restored = copyFolder(folder, tempDir);
    const r = await startTestService({ LEDGER_DATA_DIR: restored });
    await openCase(r, r.token('alice', AGENCY, ['officer']), 'after-restore');
    // while it runs there, the folder is the service's
    const inUse = await backup(folder, '--to', restored);
    expect(inUse.code).toBe(1);
    expect(inUse.stderr).toContain('a service runs on it: it is a data folder now, back up elsewhere');
    await r.service.close();
    const later = fs.readFileSync(path.join(restored, 'events.sqlite'));
    const swapped = await backup(folder, '--to', restored);
    expect(swapped.code).toBe(1);
    expect(swapped.stderr).toMatch(/holds a longer log \(\d+ events, against \d+\)/);
    expect(fs.readFileSync(path.join(restored, 'events.sqlite'))).toEqual(later);
  });

  it('when the backup folder is below a link to the data folder, then the backup refuses', async () => {
    const link = path.join(tempDir(), 'link');
    fs.symlinkSync(data, link);
    const result = await backup(data, '--to', path.join(link, 'nested', 'backup'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is the data folder, or in it, or holds it');
    expect(fs.existsSync(path.join(data, 'nested'))).toBe(false);
  });

  it('when a first backup stopped part way, then the restore refuses the folder and the next backup completes it', async () => {
    const folder = path.join(tempDir(), 'backup');
    // what a first backup stopped while copying media leaves: its mark, some media, its lock file
    fs.mkdirSync(path.join(folder, 'media', 'sha256'), { recursive: true });
    fs.writeFileSync(
      path.join(folder, BACKUP_MANIFEST),
      JSON.stringify({ format: 'evidence-ledger-backup/1', incomplete: true }),
    );
    const restoring = await runCli(['restore', '--from', folder], { LEDGER_DATA_DIR: path.join(tempDir(), 'd') });
    expect(restoring.code).toBe(1);
    expect(restoring.stderr).toContain('stopped before it was complete: run ledger backup into it again');
    const result = await backup(data, '--to', folder, '--json', '--no-check');
    expect(result.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(folder, BACKUP_MANIFEST), 'utf8')).incomplete).toBeUndefined();
  });

  it('when a medium in the backup folder was damaged, then the next backup copies it again and says so', async () => {
    const folder = path.join(tempDir(), 'backup');
    expect((await backup(data, '--to', folder, '--no-check')).code).toBe(0);
    const held = blobLayout(path.join(folder, 'media'), videoSha).blob;
    fs.chmodSync(held, 0o600);
    const bytes = fs.readFileSync(held);
    bytes[10] = bytes[10]! ^ 1;
    fs.writeFileSync(held, bytes);
    const result = await backup(data, '--to', folder);
    expect(result.stdout).toContain('1 of them over a damaged copy in the backup');
    expect(result.code).toBe(0);
    expect(fs.readFileSync(held).equals(video)).toBe(true);
  });

  it('when a backup is running into a folder, then a second one into it refuses and the first completes', async () => {
    const folder = path.join(tempDir(), 'backup');
    const first = backup(data, '--to', folder, '--no-check');
    const second = await backup(data, '--to', folder, '--no-check');
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`the backup folder ${folder} is in use by ledger backup`);
    const done = await first;
    expect(done.code).toBe(0);
    expect(fs.existsSync(path.join(folder, BACKUP_MANIFEST))).toBe(true);
  });

  it('when a backup is checking its copy, then a second one into the folder still refuses (the lock lasts until the check ends)', async () => {
    const folder = path.join(tempDir(), 'backup-checking');
    const config = loadConfig({ LEDGER_DATA_DIR: data });
    const now = () => new Date();
    let second: unknown;
    const report = await backupDataFolder({
      config,
      to: folder,
      now,
      // where `ledger backup` checks the copy: another backup into the folder meets the lock
      whileLocked: async () => {
        second = await backupDataFolder({ config, to: folder, now }).catch((err: unknown) => err);
      },
    });
    expect(second).toBeInstanceOf(BackupRefused);
    expect((second as Error).message).toContain(`the backup folder ${folder} is in use by ledger backup`);
    expect(report.faults).toEqual([]);
    // once it ended, the folder is free
    expect((await backupDataFolder({ config, to: folder, now })).faults).toEqual([]);
  });

  it('when there is no log, or it is in EventStoreDB, then the backup refuses and says why', async () => {
    const empty = tempDir();
    const none = await backup(empty, '--to', path.join(tempDir(), 'b'));
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no event store');
    const esdb = await runCli(['backup', '--to', path.join(tempDir(), 'b')], {
      LEDGER_DATA_DIR: data,
      EVENTSTORE_URL: 'esdb://127.0.0.1:2113?tls=false',
    });
    expect(esdb.code).toBe(1);
    expect(esdb.stderr).toContain('the log is in EventStoreDB');
    // with --json, a script is answered on stdout as well
    const json = await backup(empty, '--to', path.join(tempDir(), 'b'), '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ refused: expect.stringContaining('no event store') });
  });

  it('when the media are in S3, then the log and keys are backed up, the media are not, and the report says where they are', async () => {
    const s3 = await startLocalS3();
    try {
      const bucket = await s3.newBucket();
      const env = {
        S3_ENDPOINT: s3.endpoint,
        S3_BUCKET: bucket,
        S3_REGION: 'us-east-1',
        S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
        S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
        S3_FORCE_PATH_STYLE: 'true',
      };
      const dir = tempDir();
      const s = await startTestService({ ...env, LEDGER_DATA_DIR: dir });
      await seedAgency(s, 'county-s3');
      await s.stop();
      const folder = path.join(tempDir(), 'backup');
      const result = await runCli(['backup', '--to', folder], { ...env, LEDGER_DATA_DIR: dir });
      expect(result.stdout).toContain(`media       not copied: they are in the S3 bucket ${bucket}`);
      expect(result.stdout).toContain('no fault found');
      expect(result.code).toBe(0);
      expect(fs.existsSync(path.join(folder, 'events.sqlite'))).toBe(true);
      expect(fs.existsSync(path.join(folder, 'media'))).toBe(false);
    } finally {
      await s3.close();
    }
  });

  it('when the data keys are kept beside the media, then the backup mirrors them: a key an erasure destroyed leaves the backup too', async () => {
    const dir = tempDir();
    const env = { LEDGER_DATA_DIR: dir, LEDGER_DATA_KEY_STORE: 'media' };
    const s = await startTestService(env);
    try {
      const { admin, officer: own } = await seedAgency(s, 'county-keys');
      // a person's identity number is sealed under the case's own data key
      for (const caseId of ['dk-1', 'dk-2']) {
        const opened = await openCase(s, own, caseId, {
          parties: [{ kind: 'person', name: '张三', idNumber: '110101199003071234' }],
        });
        expect(opened.status).toBe(201);
      }
      const keysFolder = path.join(dir, 'media', 'data-keys');
      const keyFiles = () => fs.readdirSync(keysFolder).filter((name) => name !== 'tmp');
      const before = keyFiles();
      expect(before.length).toBeGreaterThanOrEqual(2);
      const folder = path.join(tempDir(), 'backup');
      const first = await runCli(['backup', '--to', folder, '--json'], env);
      expect(first.code).toBe(0);
      expect(JSON.parse(first.stdout).dataKeyObjects).toEqual({ files: before.length, removed: 0 });
      for (const name of before) {
        expect(fs.readFileSync(path.join(folder, 'media', 'data-keys', name))).toEqual(
          fs.readFileSync(path.join(keysFolder, name)),
        );
      }
      // restored where data keys are kept beside the media, they are there again, each as it was
      const restoredEnv = { LEDGER_DATA_DIR: path.join(tempDir(), 'data'), LEDGER_DATA_KEY_STORE: 'media' };
      const restored = await runCli(['restore', '--from', folder, '--json'], restoredEnv);
      expect(restored.code).toBe(0);
      expect(JSON.parse(restored.stdout).dataKeyObjects).toEqual({ files: before.length });
      for (const name of before) {
        expect(fs.readFileSync(path.join(restoredEnv.LEDGER_DATA_DIR, 'media', 'data-keys', name))).toEqual(
          fs.readFileSync(path.join(keysFolder, name)),
        );
      }
      // an erasure destroys the case's key: the next backup removes it from the backup folder too
      const erased = await s.call('POST', '/v1/cases/dk-1/erasure', {
        token: admin,
        body: { ground: 'consent_withdrawn', reason: '当事人撤回同意' },
      });
      expect(erased.status).toBeLessThan(300);
      const after = keyFiles();
      // the key is gone, a record of its erasure in its place
      const gone = before.find((name) => !after.includes(name))!;
      expect(gone).toMatch(/dk-1\.key$/);
      const second = await runCli(['backup', '--to', folder, '--json', '--no-check'], env);
      expect(second.code).toBe(0);
      expect(JSON.parse(second.stdout).dataKeyObjects).toEqual({ files: after.length, removed: 1 });
      expect(after.every((name) => fs.existsSync(path.join(folder, 'media', 'data-keys', name)))).toBe(true);
      expect(fs.existsSync(path.join(folder, 'media', 'data-keys', gone))).toBe(false);
    } finally {
      await s.stop();
    }
  });

  it('when the keys are kept elsewhere, then the backup folder holds them in its own keys/ and a service starts on a copy of it alone', async () => {
    const dir = tempDir();
    const keysDir = path.join(tempDir(), 'keys');
    const masterKey = path.join(tempDir(), 'master.hex');
    const env = { LEDGER_DATA_DIR: dir, LEDGER_KEYS_DIR: keysDir, LEDGER_MASTER_KEY_FILE: masterKey };
    const s = await startTestService(env);
    const { officer: own } = await seedAgency(s, 'county-apart');
    const opened = await openCase(s, own, 'ka-1', {
      parties: [{ kind: 'person', name: '李四', idNumber: '110101199003075678' }],
    });
    expect(opened.status).toBe(201);
    await s.stop();
    const folder = path.join(tempDir(), 'backup');
    const result = await runCli(['backup', '--to', folder], env);
    expect(result.code).toBe(0);
    expect(fs.readFileSync(path.join(folder, 'keys', 'master.key'))).toEqual(fs.readFileSync(masterKey));
    // run without the service's LEDGER_MASTER_KEY_FILE, the backup would copy data keys nothing opens: a fault
    const lacking = path.join(tempDir(), 'b');
    const without = await runCli(['backup', '--to', lacking], { LEDGER_DATA_DIR: dir, LEDGER_KEYS_DIR: keysDir });
    expect(without.code).toBe(1);
    expect(without.stdout).toContain('data_keys_unopened');
    expect(without.stdout).toContain('is LEDGER_MASTER_KEY_FILE set as the service');
    // the copy's check, printed last, finds nothing wrong with the log: the fault is said again after it
    expect(without.stderr.trim().split('\n').at(-1)).toBe(
      'ledger backup: not done cleanly: 1 fault(s) in the copy (data_keys_unopened), as reported above',
    );
    // and restored, it is said again: a service on it would refuse to start
    const restoredLacking = await runCli(['restore', '--from', lacking], {
      LEDGER_DATA_DIR: path.join(tempDir(), 'd'),
    });
    expect(restoredLacking.code).toBe(1);
    expect(restoredLacking.stdout).toContain('data_keys_unopened');
    expect(restoredLacking.stdout).not.toContain('start the service on it');
    // started with nothing but a copy of it: its keys open the person's sealed values (start-up refuses otherwise)
    const opens = async (serviceEnv: Record<string, string>) => {
      const r = await startTestService(serviceEnv);
      try {
        const file = await r.call('GET', '/v1/cases/ka-1', { token: r.token('alice', 'county-apart', ['officer']) });
        expect(file.status).toBe(200);
        expect(file.body.parties[0]).toMatchObject({ kind: 'person', name: '李四', idNumber: '110101199003075678' });
      } finally {
        await r.stop();
      }
    };
    await opens({ LEDGER_DATA_DIR: copyFolder(folder, tempDir) });
    // and restored where another configuration keeps its keys: each key goes where that configuration says
    const elsewhere = {
      LEDGER_DATA_DIR: path.join(tempDir(), 'data'),
      LEDGER_KEYS_DIR: path.join(tempDir(), 'keys'),
      LEDGER_MASTER_KEY_FILE: path.join(tempDir(), 'mk'),
    };
    const restoring = await runCli(['restore', '--from', folder], elsewhere);
    expect(restoring.code).toBe(0);
    expect(fs.readFileSync(elsewhere.LEDGER_MASTER_KEY_FILE)).toEqual(fs.readFileSync(masterKey));
    expect(fs.existsSync(path.join(elsewhere.LEDGER_KEYS_DIR, 'keyring.json'))).toBe(true);
    await opens(elsewhere);
  });

  it('when the data folder holds a log, then the restore refuses and changes nothing', async () => {
    const folder = path.join(tempDir(), 'backup');
    expect((await backup(data, '--to', folder, '--no-check')).code).toBe(0);
    // while the service runs on it, the folder is its
    const running = await runCli(['restore', '--from', folder], { LEDGER_DATA_DIR: data });
    expect(running.code).toBe(1);
    expect(running.stderr).toContain(`the data folder ${data} is in use by ledger serve`);
    expect(running.stderr).toContain(': stop the service first');
    // named before the backup's files are hashed: no progress of that step was shown
    expect(running.stderr).not.toContain('files (digests)');
    // and stopped, its log is never overwritten
    const stopped = copyFolder(data, tempDir);
    const before = fs.readFileSync(path.join(stopped, 'events.sqlite'));
    const result = await runCli(['restore', '--from', folder], { LEDGER_DATA_DIR: stopped });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${stopped} holds a log already (events.sqlite)`);
    expect(fs.readFileSync(path.join(stopped, 'events.sqlite'))).toEqual(before);
    const other = tempDir();
    fs.writeFileSync(path.join(other, 'notes.txt'), 'mine');
    const cluttered = await runCli(['restore', '--from', folder], { LEDGER_DATA_DIR: other });
    expect(cluttered.code).toBe(1);
    expect(cluttered.stderr).toContain('is not empty (notes.txt)');
  });

  it('when a file of the backup changed since it was made, then the restore refuses before copying anything', async () => {
    const folder = path.join(tempDir(), 'backup');
    expect((await backup(data, '--to', folder, '--no-check')).code).toBe(0);
    const log = path.join(folder, 'events.sqlite');
    const bytes = fs.readFileSync(log);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0x20;
    fs.writeFileSync(log, bytes);
    const target = path.join(tempDir(), 'data');
    const result = await runCli(['restore', '--from', folder], { LEDGER_DATA_DIR: target });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${log} is not the file the backup made`);
    expect(fs.existsSync(target)).toBe(false);
    const none = await runCli(['restore', '--from', tempDir()], { LEDGER_DATA_DIR: target });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('holds no readable backup manifest');
    expect((await runCli(['restore'], { LEDGER_DATA_DIR: target })).code).toBe(2);
  });

  it('when a restore stopped part way, then the service refuses the folder and a restore run again completes it', async () => {
    const folder = path.join(tempDir(), 'backup');
    expect((await backup(data, '--to', folder, '--no-check')).code).toBe(0);
    const target = path.join(tempDir(), 'data');
    // what a restore killed after copying the media and the keys leaves: its mark, naming what it writes (with the
    // digests of what it writes there), the media and the keys
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, BACKUP_MANIFEST), 'utf8'));
    const files = manifest.files.map((f: { path: string; sha256: string }) => ({
      to: path.join(target, f.path),
      sha256: f.sha256,
    }));
    fs.cpSync(path.join(folder, 'keys'), path.join(target, 'keys'), { recursive: true });
    fs.cpSync(path.join(folder, 'media'), path.join(target, 'media'), { recursive: true });
    // and the log half copied beside its place, and a medium half copied
    fs.writeFileSync(path.join(target, 'events.sqlite.restoring'), 'half a log');
    fs.mkdirSync(path.join(target, 'media', 'tmp'), { recursive: true });
    fs.writeFileSync(path.join(target, 'media', 'tmp', 'half-a-video'), 'half a video');
    const backupId = { folder: fs.realpathSync(folder), createdAt: manifest.createdAt };
    const mark = JSON.stringify({ dataDir: fs.realpathSync(target), backup: backupId, files });
    fs.writeFileSync(path.join(target, 'restore.incomplete'), mark);
    // and a mark it was writing again when it stopped
    fs.writeFileSync(path.join(target, 'restore.incomplete.4242.tmp'), mark);
    // the same folder moved: its mark names another folder's files, and nothing is removed
    const moved = path.join(tempDir(), 'moved');
    fs.cpSync(target, moved, { recursive: true });
    const elsewhere = await runCli(['restore', '--from', folder], { LEDGER_DATA_DIR: moved });
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toContain('not this folder (it was moved): remove this folder and restore again');
    expect(fs.existsSync(path.join(target, 'keys', 'keyring.json'))).toBe(true);
    await expect(startTestService({ LEDGER_DATA_DIR: target })).rejects.toThrow(
      /a restore into .* stopped before it was complete \(restore\.incomplete\), so the service does not start on it: run ledger restore again/,
    );
    // nor does anything make keys there that the restore run again would find in its way
    const token = await runCli(['token', '--sub', 'x', '--agency', AGENCY, '--roles', 'admin'], {
      LEDGER_DATA_DIR: target,
    });
    expect(token.code).toBe(1);
    expect(token.stderr).toContain('so no token is issued from it');
    const rotate = await runCli(['keys', 'rotate', '--purpose', 'event'], { LEDGER_DATA_DIR: target });
    expect(rotate.code).toBe(1);
    expect(rotate.stderr).toContain('so its keys are left alone');
    const rebuild = await runCli(['rebuild'], { LEDGER_DATA_DIR: target });
    expect([rebuild.code, rebuild.stderr]).toEqual([1, expect.stringContaining('its read models are not rebuilt')]);
    const copied = await backup(target, '--to', path.join(tempDir(), 'b'));
    expect([copied.code, copied.stderr]).toEqual([1, expect.stringContaining('so it is not backed up')]);
    // run again from another backup, or under another configuration, it would mix or leave files: refused
    const other = path.join(tempDir(), 'other');
    expect((await backup(data, '--to', other, '--no-check')).code).toBe(0);
    const mixed = await runCli(['restore', '--from', other], { LEDGER_DATA_DIR: target });
    expect([mixed.code, mixed.stderr]).toEqual([
      1,
      expect.stringContaining('was written by a restore of another backup'),
    ]);
    const elsewhereKeys = await runCli(['restore', '--from', folder], {
      LEDGER_DATA_DIR: target,
      LEDGER_KEYS_DIR: path.join(tempDir(), 'k'),
    });
    expect([elsewhereKeys.code, elsewhereKeys.stderr]).toEqual([
      1,
      expect.stringContaining('wrote to other places than this configuration names'),
    ]);
    const again = await runCli(['restore', '--from', folder], { LEDGER_DATA_DIR: target });
    expect(again.stdout).toContain('no fault found');
    expect(again.code).toBe(0);
    expect(fs.existsSync(path.join(target, 'restore.incomplete'))).toBe(false);
    expect(fs.existsSync(path.join(target, 'events.sqlite.restoring'))).toBe(false);
    expect(fs.existsSync(path.join(target, 'restore.incomplete.4242.tmp'))).toBe(false);
    expect(fs.readdirSync(path.join(target, 'media', 'tmp'))).toEqual([]);
    const r = await startTestService({ LEDGER_DATA_DIR: target });
    await r.stop();
  });

  it('when a stopped restore wrote keys outside its folder and they changed since, then a restore run again removes nothing and refuses', async () => {
    const folder = path.join(tempDir(), 'backup');
    expect((await backup(data, '--to', folder, '--no-check')).code).toBe(0);
    const keysDir = path.join(tempDir(), 'keys');
    const env = { LEDGER_DATA_DIR: path.join(tempDir(), 'data'), LEDGER_KEYS_DIR: keysDir };
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, BACKUP_MANIFEST), 'utf8'));
    // stopped after the keys: they are in the keys folder outside, and its mark names them
    fs.cpSync(path.join(folder, 'keys'), keysDir, { recursive: true });
    fs.mkdirSync(env.LEDGER_DATA_DIR);
    const files = manifest.files.map((f: { path: string; sha256: string }) => ({
      to: f.path.startsWith('keys/') ? path.join(keysDir, f.path.slice(5)) : path.join(env.LEDGER_DATA_DIR, f.path),
      sha256: f.sha256,
    }));
    fs.writeFileSync(
      path.join(env.LEDGER_DATA_DIR, 'restore.incomplete'),
      JSON.stringify({
        dataDir: fs.realpathSync(env.LEDGER_DATA_DIR),
        backup: { folder: fs.realpathSync(folder), createdAt: manifest.createdAt },
        files,
      }),
    );
    // since then, the keys folder became another deployment's: one of its files changed
    fs.appendFileSync(path.join(keysDir, 'keyring.json'), ' ');
    const before = fs.readdirSync(keysDir).sort();
    const again = await runCli(['restore', '--from', folder], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${path.join(keysDir, 'keyring.json')} holds other than what this restore writes`);
    expect(fs.readdirSync(keysDir).sort()).toEqual(before);
  });

  it('when the data keys are kept otherwise than the backup keeps them, or the master key does not open them, then the restore says so', async () => {
    const folder = path.join(tempDir(), 'backup');
    expect((await backup(data, '--to', folder, '--no-check')).code).toBe(0);
    const media = await runCli(['restore', '--from', folder], {
      LEDGER_DATA_DIR: path.join(tempDir(), 'd'),
      LEDGER_DATA_KEY_STORE: 'media',
    });
    expect(media.code).toBe(1);
    expect(media.stderr).toContain(
      'keeps its data keys in data-keys.sqlite: restore with LEDGER_DATA_KEY_STORE=sqlite',
    );
  });

  it('when the media are kept otherwise than the backup keeps them, then the restore refuses, naming what to set, and makes nothing', async () => {
    const folder = path.join(tempDir(), 'backup');
    expect((await backup(data, '--to', folder, '--no-check')).code).toBe(0);
    const target = path.join(tempDir(), 'd');
    // a media folder's backup under S3 settings: its media would be left behind
    const s3 = await runCli(['restore', '--from', folder], { LEDGER_DATA_DIR: target, S3_BUCKET: 'evidence' });
    expect([s3.code, s3.stdout]).toEqual([1, '']);
    expect(s3.stderr.trim()).toBe(
      `ledger restore: ${folder} keeps its media in a media folder (media/), not in an S3 bucket: restore without ` +
        "S3_BUCKET and the other S3_* variables (the media then go to the data folder's media/)",
    );
    expect(fs.existsSync(target)).toBe(false);
    // a backup made with S3_BUCKET (as its manifest says) holds no media: a media folder would lack them all
    const manifestFile = path.join(folder, BACKUP_MANIFEST);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, media: { store: 's3', bucket: 'evidence' } }));
    const local = await runCli(['restore', '--from', folder], { LEDGER_DATA_DIR: target });
    expect(local.code).toBe(1);
    expect(local.stderr).toContain(
      'holds no media, they are in the S3 bucket evidence: restore with S3_BUCKET=evidence',
    );
    expect(fs.existsSync(target)).toBe(false);
  });

  it('when the restore would write beside the backup, over files, or while a backup writes it, then it refuses', async () => {
    const folder = path.join(tempDir(), 'backup');
    expect((await backup(data, '--to', folder, '--no-check')).code).toBe(0);
    const inside = await runCli(['restore', '--from', folder], { LEDGER_DATA_DIR: path.join(folder, 'data') });
    expect(inside.code).toBe(1);
    expect(inside.stderr).toContain('is the backup folder, or in it, or holds it');
    // a keys folder that holds a file is not empty, an empty one is
    const target = path.join(tempDir(), 'data');
    fs.mkdirSync(path.join(target, 'keys'), { recursive: true });
    fs.mkdirSync(path.join(target, 'media', 'sha256'), { recursive: true });
    fs.writeFileSync(path.join(target, 'keys', 'other.pem'), 'another key');
    const cluttered = await runCli(['restore', '--from', folder], { LEDGER_DATA_DIR: target });
    expect(cluttered.code).toBe(1);
    expect(cluttered.stderr).toContain(`is not empty (${path.join('keys', 'other.pem')})`);
    fs.rmSync(path.join(target, 'keys', 'other.pem'));
    // a backup into the folder while it is read
    const running = backup(data, '--to', folder, '--no-check');
    const during = await runCli(['restore', '--from', folder], { LEDGER_DATA_DIR: target });
    expect(during.code).toBe(1);
    expect(during.stderr).toContain(`the backup folder ${folder} is in use by ledger backup`);
    expect((await running).code).toBe(0);
    const after = await runCli(['restore', '--from', folder, '--no-check'], { LEDGER_DATA_DIR: target });
    expect(after.code).toBe(0);
  });

  it('when --to is missing, then it is a usage error', async () => {
    const result = await backup(data);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--to FOLDER is required');
  });
});
