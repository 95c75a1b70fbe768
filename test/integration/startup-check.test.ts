import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { computeEventHash } from '../../src/ledger/envelope.js';
import { capturedLog } from '../support/log-lines.js';
import { seedAgency, startTestService } from '../support/service.js';
import { tempDirsForFile } from '../support/stored-folder.js';

const tempDir = tempDirsForFile('startup');

const DATABASE_FILES = ['', '-wal', '-shm'];

/** Copies a stopped service's SQLite file (with its -wal and -shm, when present) from one folder to another. */
function copyDatabase(name: string, from: string, to: string): void {
  for (const suffix of DATABASE_FILES) {
    fs.rmSync(path.join(to, name + suffix), { force: true });
    if (fs.existsSync(path.join(from, name + suffix))) {
      fs.copyFileSync(path.join(from, name + suffix), path.join(to, name + suffix));
    }
  }
}

/** Runs the service on `dir` for `work`, then stops it. */
async function withService(dir: string, work: (t: Awaited<ReturnType<typeof startTestService>>) => Promise<void>) {
  const t = await startTestService({ LEDGER_DATA_DIR: dir });
  try {
    await work(t);
  } finally {
    await t.stop();
  }
}

const checkpoint = async (t: Awaited<ReturnType<typeof startTestService>>) =>
  expect((await t.call('GET', '/v1/ledger/checkpoint')).status).toBe(200);

describe('the start-up check', () => {
  let dir: string;
  let older: string;

  /** A data folder with a checkpoint, a copy of its log then, and more events and a checkpoint after. */
  beforeAll(async () => {
    dir = tempDir();
    older = tempDir();
    await withService(dir, async (t) => {
      await seedAgency(t, 'county-justice');
      await checkpoint(t);
    });
    copyDatabase('events.sqlite', dir, older);
    copyDatabase('read-models.sqlite', dir, older);
    await withService(dir, async (t) => {
      await seedAgency(t, 'county-market', { officers: ['carol', 'dave'] });
      await checkpoint(t);
    });
  });

  function variant(setup: (copy: string) => void): string {
    const copy = tempDir();
    fs.cpSync(dir, copy, { recursive: true });
    setup(copy);
    return copy;
  }

  it('when the log and the read models agree with the latest checkpoint, then the service starts and says so', async () => {
    const captured = capturedLog('info');
    const t = await startTestService({ LEDGER_DATA_DIR: variant(() => {}) }, { log: captured.log });
    await t.stop();
    const line = captured.lines.find((l) => String(l.msg).startsWith('start-up check: the log matches'));
    expect(line).toMatchObject({ checkpointSize: expect.any(Number), ms: expect.any(Number) });
  });

  it('when an older event store is restored under newer read models, then start-up refuses naming ledger check and ledger rebuild', async () => {
    const restored = variant((copy) => copyDatabase('events.sqlite', older, copy));
    const start = startTestService({ LEDGER_DATA_DIR: restored });
    await expect(start).rejects.toMatchObject({ code: 'integrity_fault' });
    await expect(start).rejects.toThrow(/read models .*`ledger check`.*`ledger rebuild`/s);
    // and nothing was written to the restored log
    const db = new Database(path.join(restored, 'events.sqlite'), { readonly: true });
    const { n } = db.prepare('SELECT count(*) AS n FROM events').get() as { n: number };
    db.close();
    const original = new Database(path.join(older, 'events.sqlite'), { readonly: true });
    expect(n).toBe((original.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n);
    original.close();
  });

  it('when the log disagrees with its latest signed checkpoint, then start-up refuses naming ledger check', async () => {
    const forged = variant((copy) => {
      const db = new Database(path.join(copy, 'events.sqlite'));
      const row = db.prepare('SELECT position, envelope FROM events ORDER BY position LIMIT 1').get() as {
        position: number;
        envelope: string;
      };
      const envelope = JSON.parse(row.envelope);
      envelope.data.name = '另一个名字';
      envelope.hash = computeEventHash(envelope);
      db.prepare('UPDATE events SET envelope = ?, hash = ? WHERE position = ?').run(
        JSON.stringify(envelope),
        envelope.hash,
        row.position,
      );
      db.close();
    });
    await expect(startTestService({ LEDGER_DATA_DIR: forged })).rejects.toThrow(
      /the log does not match the latest signed checkpoint.*`ledger check`/s,
    );
  });

  it('when every checkpoint event was deleted from the log, then start-up refuses', async () => {
    const stripped = variant((copy) => {
      const db = new Database(path.join(copy, 'events.sqlite'));
      db.prepare("DELETE FROM events WHERE stream = 'ledger-checkpoints'").run();
      db.prepare("DELETE FROM streams WHERE stream = 'ledger-checkpoints'").run();
      db.close();
    });
    await expect(startTestService({ LEDGER_DATA_DIR: stripped })).rejects.toThrow(/checkpoint events are missing/);
  });

  it('when the read models are behind the log (as a kill can leave them), then the service starts and catches up', async () => {
    const behind = variant((copy) => copyDatabase('read-models.sqlite', older, copy));
    await withService(behind, async (t) => {
      expect(await t.service.readModelsCaughtUp()).toBe(true);
      const officers = await t.call('GET', '/v1/officers?agency=county-market');
      expect(officers.status).toBe(200);
    });
  });
});
