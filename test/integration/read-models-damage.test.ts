import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { capturedLog } from '../support/log-lines.js';
import { openCase, seedAgency, startTestService } from '../support/service.js';
import { freshTempDir } from '../support/temp-dir.js';

const tempDir = freshTempDir('read-models-damage');
const AGENCY = 'county-justice';

/** A data folder whose read models hold two cases, the service stopped. */
async function folderWithCases(): Promise<string> {
  const dataDir = tempDir();
  const t = await startTestService({ LEDGER_DATA_DIR: dataDir });
  const { officer } = await seedAgency(t, AGENCY);
  for (const caseId of ['d-1', 'd-2']) expect((await openCase(t, officer, caseId)).status).toBe(201);
  expect(await t.service.readModelsCaughtUp()).toBe(true);
  await t.stop();
  return dataDir;
}

/** Overwrites the first page of table `table` in the SQLite file with bytes no b-tree page holds. */
function damageTable(file: string, table: string): void {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const { rootpage } = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(table) as {
    rootpage: number;
  };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize);
  fs.closeSync(fd);
}

const messages = (lines: Record<string, unknown>[]) => lines.map((line) => String(line.msg));

/** The service started on `dataDir` after `table` of its read models was damaged, with its log lines. */
async function startDamaged(dataDir: string, table: string) {
  damageTable(path.join(dataDir, 'read-models.sqlite'), table);
  const { log, lines } = capturedLog('info');
  const t = await startTestService({ LEDGER_DATA_DIR: dataDir }, { log });
  return { t, lines, officer: t.token('alice', AGENCY, ['officer']) };
}

describe('damaged read models', () => {
  it('when a read finds the read-model file damaged, then 503 read_models_damaged, not ready, said in the log; the next start rebuilds them and every case reads', async () => {
    const dataDir = await folderWithCases();
    const file = path.join(dataDir, 'read-models.sqlite');
    const { t, lines: firstLines, officer } = await startDamaged(dataDir, 'doc_cases');
    try {
      const read = await t.call('GET', '/v1/cases/d-1', { token: officer });
      expect([read.status, read.body.code]).toEqual([503, 'read_models_damaged']);
      expect(read.body.detail).toMatch(/restart the service, which rebuilds them from the log/);
      const ready = await t.call('GET', '/readyz');
      expect([ready.status, ready.body.detail]).toEqual([
        503,
        'read models damaged: restart the service, which rebuilds them from the log',
      ]);
      // the remedy is said once, however many reads meet the damage
      expect((await t.call('GET', '/v1/cases/d-2', { token: officer })).status).toBe(503);
      expect(messages(firstLines).filter((m) => m.startsWith('READ MODELS DAMAGED'))).toHaveLength(1);
      // the log itself is untouched: its checkpoint is still served
      expect((await t.call('GET', '/v1/ledger/checkpoint')).status).toBe(200);
    } finally {
      await t.service.close();
    }
    expect(fs.existsSync(`${file}.damaged`)).toBe(true);

    const second = capturedLog('info');
    const again = await startTestService({ LEDGER_DATA_DIR: dataDir }, { log: second.log });
    try {
      expect(messages(second.lines)).toContain(
        'the read models file was damaged (SQLite found it so when opened, or when read since): rebuilt them from the log',
      );
      expect(fs.existsSync(`${file}.damaged`)).toBe(false);
      const officer = again.token('alice', AGENCY, ['officer']);
      for (const caseId of ['d-1', 'd-2']) {
        expect((await again.call('GET', `/v1/cases/${caseId}`, { token: officer })).status).toBe(200);
      }
      expect((await again.call('GET', '/readyz')).status).toBe(200);
    } finally {
      await again.service.close();
    }
  }, 120_000);

  it.each([
    // the full-text index's own settings are read as the file opens
    ['the full-text index', (file: string) => damageTable(file, 'fts_case_texts_config')],
    // the versions the read models were made by are kept in meta; the file's header on its first page
    ['the table of the stored versions', (file: string) => damageTable(file, 'meta')],
    // the Merkle tree's nodes, which the start-up check reads to compare the log with its latest checkpoint: the
    // service starts once more at once
    ["the table of the Merkle tree's nodes", (file: string) => damageTable(file, 'doc_merkle')],
    [
      "the file's header",
      (file: string) => {
        damageTable(file, 'meta'); // folds the write-ahead log in first
        const fd = fs.openSync(file, 'r+');
        fs.writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0);
        fs.closeSync(fd);
      },
    ],
  ])(
    'when %s is damaged, then the service rebuilds the read models at start-up, saying why, rather than stop',
    async (_what, damage) => {
      const dataDir = await folderWithCases();
      const file = path.join(dataDir, 'read-models.sqlite');
      damage(file);

      const { log, lines } = capturedLog('info');
      const t = await startTestService({ LEDGER_DATA_DIR: dataDir }, { log });
      try {
        expect(messages(lines)).toContain(
          'the read models file was damaged (SQLite found it so when opened, or when read since): rebuilt them from the log',
        );
        const officer = t.token('alice', AGENCY, ['officer']);
        expect((await t.call('GET', '/v1/cases/d-2', { token: officer })).status).toBe(200);
        expect((await t.call('GET', '/readyz')).status).toBe(200);
      } finally {
        await t.service.close();
      }
    },
    120_000,
  );

  it('when the projections meet the damage as they apply new events, then the service is not ready and says so; the next start rebuilds', async () => {
    const dataDir = await folderWithCases();
    const file = path.join(dataDir, 'read-models.sqlite');
    // an officer's days of the year, which the projections read when the officer's next act is applied
    const { t, lines: firstLines, officer } = await startDamaged(dataDir, 'doc_officer_days');
    try {
      const act = await t.call('POST', '/v1/cases/d-1/acts', {
        token: officer,
        body: { type: 'EvidenceCollected', occurredAt: new Date().toISOString(), data: { description: '现场照片' } },
      });
      expect(act.status).toBe(201);
      // bounded: the projections apply the act on their thread, meet the damage, and the service says so
      let ready = await t.call('GET', '/readyz');
      for (
        let i = 0;
        i < 600 && ready.body?.detail !== 'read models damaged: restart the service, which rebuilds them from the log';
        i++
      ) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        ready = await t.call('GET', '/readyz');
      }
      expect([ready.status, ready.body.detail]).toEqual([
        503,
        'read models damaged: restart the service, which rebuilds them from the log',
      ]);
      expect(messages(firstLines).filter((m) => m.startsWith('READ MODELS DAMAGED'))).toHaveLength(1);
    } finally {
      await t.service.close();
    }
    expect(fs.existsSync(`${file}.damaged`)).toBe(true);
    const again = await startTestService({ LEDGER_DATA_DIR: dataDir });
    try {
      expect(await again.service.readModelsCaughtUp()).toBe(true);
      expect((await again.call('GET', '/readyz')).status).toBe(200);
    } finally {
      await again.service.close();
    }
  }, 180_000);
});
