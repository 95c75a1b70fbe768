import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../support/cli.js';
import { capturedLog } from '../support/log-lines.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { freshTempDir } from '../support/temp-dir.js';

const tempDir = freshTempDir('read-models-upgrade');

/** Makes the stored read models look made by an older `case-files` projection, as after an upgrade. */
function outdate(file: string): void {
  const db = new Database(file);
  const { value } = db.prepare("SELECT value FROM meta WHERE key = 'versions'").get() as { value: string };
  const versions = { ...(JSON.parse(value) as Record<string, number>), 'case-files': 1 };
  db.prepare("UPDATE meta SET value = ? WHERE key = 'versions'").run(JSON.stringify(versions));
  db.close();
}

async function openCase(t: TestService, token: string, caseId: string): Promise<number> {
  const body = {
    caseId,
    itemCode: 'P-001',
    title: `案件 ${caseId}`,
    openedOn: '2026-11-02',
    officers: ['alice', 'bob'],
    parties: [{ kind: 'person', name: '张三', idNumber: '110101199003070011' }],
  };
  const opened = await t.call('POST', '/v1/cases', { token, body });
  expect(opened.status).toBe(201);
  return opened.body.position as number;
}

const messages = (lines: Record<string, unknown>[]) => lines.map((line) => String(line.msg));

describe('read models at start-up', () => {
  it('when the projections changed, then the service rebuilds the read models before it serves, and every case reads', async () => {
    const dataDir = tempDir();
    const first = await startTestService({ LEDGER_DATA_DIR: dataDir });
    const { officer } = await seedAgency(first, 'county-justice');
    for (const caseId of ['u-1', 'u-2']) await openCase(first, officer, caseId);
    expect(await first.service.readModelsCaughtUp()).toBe(true);
    await first.stop();
    outdate(path.join(dataDir, 'read-models.sqlite'));

    const { log, lines } = capturedLog('info');
    const second = await startTestService({ LEDGER_DATA_DIR: dataDir }, { log });
    try {
      expect(messages(lines)).toContain('projections changed: rebuilt the read models from the log');
      expect(messages(lines)).toContain('read models: rebuilt 100% of the log');
      const token = second.token('alice', 'county-justice', ['officer']);
      for (const caseId of ['u-1', 'u-2']) {
        const read = await second.call('GET', `/v1/cases/${caseId}`, { token });
        expect({ status: read.status, timeline: read.body.timeline?.length }).toEqual({ status: 200, timeline: 1 });
      }
    } finally {
      await second.stop();
    }
  });

  it('when read models were prepared while the service served, then the next start-up takes them and applies only what came since', async () => {
    const dataDir = tempDir();
    const first = await startTestService({ LEDGER_DATA_DIR: dataDir });
    const { officer } = await seedAgency(first, 'county-justice');
    await openCase(first, officer, 'p-1');
    expect(await first.service.readModelsCaughtUp()).toBe(true);

    const prepared = await runCli(['rebuild', '--prepare'], { LEDGER_DATA_DIR: dataDir });
    expect(prepared.code).toBe(0);
    expect(prepared.stdout).toContain('prepared for the next start-up');
    const next = path.join(dataDir, 'read-models.sqlite.next');
    expect(fs.existsSync(next)).toBe(true);
    // the service went on serving and writing while the read models were prepared, and after
    const later = await openCase(first, officer, 'p-2');
    const read = await first.call('GET', `/v1/cases/p-2?consistentWith=${later}`, { token: officer });
    expect(read.status).toBe(200);
    await first.stop();
    outdate(path.join(dataDir, 'read-models.sqlite'));

    const { log, lines } = capturedLog('info');
    const second = await startTestService({ LEDGER_DATA_DIR: dataDir }, { log });
    try {
      expect(messages(lines)).toContain(
        'projections changed: took the read models prepared by ledger rebuild --prepare',
      );
      expect(messages(lines)).not.toContain('read models: rebuilt 100% of the log');
      expect(fs.existsSync(next)).toBe(false);
      const token = second.token('alice', 'county-justice', ['officer']);
      for (const caseId of ['p-1', 'p-2']) {
        expect((await second.call('GET', `/v1/cases/${caseId}`, { token })).status).toBe(200);
      }
    } finally {
      await second.stop();
    }
  });

  it('when prepared read models were made by other projections, then they are not taken: the service rebuilds', async () => {
    const dataDir = tempDir();
    const first = await startTestService({ LEDGER_DATA_DIR: dataDir });
    const { officer } = await seedAgency(first, 'county-justice');
    await openCase(first, officer, 'q-1');
    expect(await first.service.readModelsCaughtUp()).toBe(true);
    expect((await runCli(['rebuild', '--prepare'], { LEDGER_DATA_DIR: dataDir })).code).toBe(0);
    await first.stop();
    outdate(path.join(dataDir, 'read-models.sqlite'));
    outdate(path.join(dataDir, 'read-models.sqlite.next'));

    const { log, lines } = capturedLog('info');
    const second = await startTestService({ LEDGER_DATA_DIR: dataDir }, { log });
    try {
      expect(messages(lines)).toContain('projections changed: rebuilt the read models from the log');
      const token = second.token('alice', 'county-justice', ['officer']);
      expect((await second.call('GET', '/v1/cases/q-1', { token })).status).toBe(200);
    } finally {
      await second.stop();
    }
  });
});
