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

    // with the same code there is nothing to prepare: the next start-up would keep the read models in use
    const same = await runCli(['rebuild', '--prepare'], { LEDGER_DATA_DIR: dataDir });
    expect([same.code, same.stdout]).toEqual([0, expect.stringContaining('nothing to prepare')]);
    expect(fs.existsSync(path.join(dataDir, 'read-models.sqlite.next'))).toBe(false);
    // an upgrade: the read models in use are the old version's (the service reads them as it did), the CLI the new one's
    outdate(path.join(dataDir, 'read-models.sqlite'));
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
    outdate(path.join(dataDir, 'read-models.sqlite'));
    expect((await runCli(['rebuild', '--prepare'], { LEDGER_DATA_DIR: dataDir })).code).toBe(0);
    await first.stop();
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
  it("when the agencies' offsets changed, then the service rebuilds the read models, which date acts by the new offsets", async () => {
    const dataDir = tempDir();
    const first = await startTestService({ LEDGER_DATA_DIR: dataDir });
    const { officer } = await seedAgency(first, 'county-justice');
    await openCase(first, officer, 'z-1');
    // 17:30 UTC on 2026-11-23 is 01:30 on 2026-11-24 in the county (UTC+8, the default)
    const request = await first.call('POST', '/v1/cases/z-1/acts', {
      token: officer,
      body: {
        type: 'LegalReviewRequested',
        occurredAt: '2026-11-23T17:30:00Z',
        data: { proposed: { decisionType: 'warning', legalBasis: '《律师法》第五十条' } },
      },
    });
    expect(request.status).toBe(201);
    const readDeadline = async (t: TestService) => {
      const read = await t.call('GET', `/v1/cases/z-1?consistentWith=${request.body.position as number}`, {
        token: t.token('alice', 'county-justice', ['officer']),
      });
      expect(read.status).toBe(200);
      return read.body.reviewDeadline as { requestedOn: string; dueBy: string };
    };
    const atCounty = await readDeadline(first);
    expect(atCounty.requestedOn).toBe('2026-11-24');
    await first.stop();

    const { log, lines } = capturedLog('info');
    const second = await startTestService(
      { LEDGER_DATA_DIR: dataDir, AGENCY_UTC_OFFSETS: 'county-justice=+00:00' },
      { log },
    );
    try {
      expect(messages(lines)).toContain('projections changed: rebuilt the read models from the log');
      // the request's last day was counted when it was recorded, from the county's day; its day now reads at UTC
      const atUtc = await readDeadline(second);
      expect({ requestedOn: atUtc.requestedOn, dueBy: atUtc.dueBy }).toEqual({
        requestedOn: '2026-11-23',
        dueBy: atCounty.dueBy,
      });
    } finally {
      await second.stop();
    }
  });
});
