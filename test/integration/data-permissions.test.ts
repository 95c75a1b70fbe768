import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { capturedLog } from '../support/log-lines.js';
import { seedAgency, startTestService } from '../support/service.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});
/** A data folder path that does not exist yet, inside a fresh temporary folder. */
function freshDataDir(): string {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-modes-'));
  made.push(parent);
  return path.join(parent, 'data');
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return fs.statSync(full).isDirectory() ? [full, ...walk(full)] : [full];
  });
}

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('the data folder', () => {
  let umask: number;
  beforeEach(() => {
    umask = process.umask(0o022); // permissive: files 0644 and folders 0755 unless the service says otherwise
  });
  afterEach(() => {
    process.umask(umask);
  });

  it('when the service creates it, then every folder is 0700 and every file 0600 (media 0400), whatever the umask', async () => {
    const dir = freshDataDir();
    const t = await startTestService({ LEDGER_DATA_DIR: dir });
    try {
      const { officer } = await seedAgency(t, 'county-justice');
      const upload = await fetch(`${t.url}/v1/media`, {
        method: 'POST',
        headers: { authorization: `Bearer ${officer}`, 'content-type': 'image/jpeg' },
        body: Buffer.alloc(1000, 1),
      });
      expect(upload.status).toBe(201);
      expect((await t.call('GET', '/v1/ledger/checkpoint')).status).toBe(200);
      // the -wal and -shm files exist while the stores are open
      const paths = walk(dir);
      expect(paths.map((p) => path.relative(dir, p))).toEqual(
        expect.arrayContaining([
          'events.sqlite',
          'events.sqlite-wal',
          'events.sqlite-shm',
          'read-models.sqlite',
          'read-models.sqlite-wal',
          'read-models.sqlite-shm',
          'keys/keyring.json',
          'media/tmp',
        ]),
      );
      const wrong = [dir, ...paths]
        .map((p) => ({ path: path.relative(dir, p) || '.', mode: modeOf(p), folder: fs.statSync(p).isDirectory() }))
        .filter(({ path: rel, mode, folder }) => {
          if (folder) return mode !== 0o700;
          if (rel.startsWith(`media${path.sep}sha256${path.sep}`)) return mode !== 0o400;
          return mode !== 0o600;
        });
      expect(wrong).toEqual([]);
    } finally {
      await t.stop();
    }
  });

  it('when an existing folder or file is open to others, then start-up warns naming it and still starts', async () => {
    const dir = freshDataDir();
    const first = await startTestService({ LEDGER_DATA_DIR: dir });
    await first.stop();
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, 'events.sqlite'), 0o644);
    const captured = capturedLog('warn');
    const t = await startTestService({ LEDGER_DATA_DIR: dir }, { log: captured.log });
    await t.stop();
    const warned = captured.lines.filter((l) => l.level === 40 && typeof l.path === 'string');
    expect(warned.map((l) => [l.path, l.mode])).toEqual(
      expect.arrayContaining([
        [dir, '0755'],
        [path.join(dir, 'events.sqlite'), '0644'],
      ]),
    );
    expect(warned).toHaveLength(2);
  });
});
