import { capturedLog } from '../support/log-lines.js';
import { seedAgency, startTestService } from '../support/service.js';
import { copyFolder, editStoredEnvelope, tamperEvents, tempDirsForFile } from '../support/stored-folder.js';

const tempDir = tempDirsForFile('integrity');

const today = new Date().toISOString().slice(0, 10);
const evidence = {
  type: 'EvidenceCollected',
  occurredAt: `${today}T00:10:00+08:00`,
  officers: ['alice', 'bob'],
  data: { description: '现场照片三张' },
};
let pristine: string;

/** A data folder with one case (opened, then one act), made through the service and stopped. */
beforeAll(async () => {
  pristine = tempDir();
  const t = await startTestService({ LEDGER_DATA_DIR: pristine });
  const { officer } = await seedAgency(t, 'county-justice');
  const open = {
    caseId: 'i-1',
    itemCode: 'P-001',
    title: '检查',
    openedOn: today,
    officers: ['alice', 'bob'],
    parties: [{ kind: 'organization', name: '某公司' }],
  };
  expect((await t.call('POST', '/v1/cases', { token: officer, body: open })).status).toBe(201);
  expect((await t.call('POST', '/v1/cases/i-1/acts', { token: officer, body: evidence })).status).toBe(201);
  await t.stop();
});

const copy = () => copyFolder(pristine, tempDir);

/** Changes what the case's act says, leaving its recorded hash (and every other column) as it was. */
function editActContent(dir: string): string {
  return editStoredEnvelope(dir, 'case-county-justice:i-1', 1, (envelope) => {
    envelope.data.description = '现场照片两张';
  });
}

describe('what the server reads back', () => {
  it('when a stored event was altered, then it is neither served nor bundled (500 integrity_fault, logged with where) and nothing is chained onto it', async () => {
    const dir = copy();
    const eventId = editActContent(dir);
    const captured = capturedLog('info');
    const t = await startTestService({ LEDGER_DATA_DIR: dir }, { log: captured.log });
    try {
      const officer = t.token('alice', 'county-justice', ['officer']);
      const events = await t.call('GET', '/v1/cases/i-1/events', { token: officer });
      expect(events.status).toBe(500);
      expect(events.body.code).toBe('integrity_fault');
      expect(JSON.stringify(events.body)).not.toContain('现场'); // no event data in the answer

      const fault = captured.lines.find((l) => l.code === 'integrity_fault');
      expect(fault).toMatchObject({ level: 50, stream: 'case-county-justice:i-1', revision: 1, eventId });

      const bundle = await t.call('GET', '/v1/cases/i-1/bundle', { token: officer });
      expect(bundle.status).toBe(500);
      expect(bundle.body.code).toBe('integrity_fault');

      const act = await t.call('POST', '/v1/cases/i-1/acts', { token: officer, body: evidence });
      expect(act.status).toBe(500);
      expect(act.body.code).toBe('integrity_fault');
      expect(await t.service.events.readStream('case-county-justice:i-1')).toHaveLength(2);
    } finally {
      await t.stop();
    }
  });

  it("when the store's recorded head of a case was edited, then an act is refused as integrity_fault, not retried or invalid_append", async () => {
    const dir = copy();
    tamperEvents(dir, (db) =>
      db.prepare("UPDATE streams SET hash = ? WHERE stream = 'case-county-justice:i-1'").run('cd'.repeat(32)),
    );
    const t = await startTestService({ LEDGER_DATA_DIR: dir });
    try {
      const officer = t.token('alice', 'county-justice', ['officer']);
      const act = await t.call('POST', '/v1/cases/i-1/acts', { token: officer, body: evidence });
      expect(act.status).toBe(500);
      expect(act.body.code).toBe('integrity_fault');
      expect(await t.service.events.readStream('case-county-justice:i-1')).toHaveLength(2);
    } finally {
      await t.stop();
    }
  });

  it("when a registry event a decision reads was altered (an officer's certificate), then the act is refused (500 integrity_fault)", async () => {
    const dir = copy();
    editStoredEnvelope(dir, 'officer-county-justice:bob', 0, (envelope) => {
      envelope.data.validTo = '2099-12-31';
    });
    const t = await startTestService({ LEDGER_DATA_DIR: dir });
    try {
      const officer = t.token('alice', 'county-justice', ['officer']);
      const act = await t.call('POST', '/v1/cases/i-1/acts', { token: officer, body: evidence });
      expect(act.status).toBe(500);
      expect(act.body.code).toBe('integrity_fault');
    } finally {
      await t.stop();
    }
  });

  it('when an access record of a case was altered, then its bundle is refused (500 integrity_fault)', async () => {
    const dir = copy();
    const t = await startTestService({ LEDGER_DATA_DIR: dir });
    try {
      const officer = t.token('alice', 'county-justice', ['officer']);
      expect((await t.call('GET', '/v1/cases/i-1/events', { token: officer })).status).toBe(200);
      expect((await t.call('GET', '/v1/cases/i-1/bundle', { token: officer })).status).toBe(200);
      editStoredEnvelope(dir, 'access-county-justice:i-1', 0, (envelope) => {
        (envelope.actor as { sub: string }).sub = 'someone-else';
      });
      const bundle = await t.call('GET', '/v1/cases/i-1/bundle', { token: officer });
      expect(bundle.status).toBe(500);
      expect(bundle.body.code).toBe('integrity_fault');
    } finally {
      await t.stop();
    }
  });

  it('when a page whose first event was altered in the store is read, then it is refused with integrity_fault; the page before it is served', async () => {
    const dir = copy();
    const eventId = editActContent(dir);
    const captured = capturedLog('info');
    const t = await startTestService({ LEDGER_DATA_DIR: dir }, { log: captured.log });
    try {
      const officer = t.token('alice', 'county-justice', ['officer']);
      const first = await t.call('GET', '/v1/cases/i-1/events?limit=1', { token: officer });
      expect(first.status).toBe(200);
      expect(first.body.events.map((e: { revision: number }) => e.revision)).toEqual([0]);
      const second = await t.call('GET', `/v1/cases/i-1/events?limit=1&cursor=${first.body.next}`, { token: officer });
      expect(second.status).toBe(500);
      expect(second.body.code).toBe('integrity_fault');
      expect(JSON.stringify(second.body)).not.toContain('现场');
      const fault = captured.lines.find((l) => l.code === 'integrity_fault');
      expect(fault).toMatchObject({ stream: 'case-county-justice:i-1', revision: 1, eventId });
    } finally {
      await t.stop();
    }
  });

  it('when the event before a page was altered in the store, then the page is refused: its first link is to a hash that no longer holds', async () => {
    const dir = copy();
    editStoredEnvelope(dir, 'case-county-justice:i-1', 0, (envelope) => {
      envelope.data.title = '另一个标题';
    });
    const t = await startTestService({ LEDGER_DATA_DIR: dir });
    try {
      const officer = t.token('alice', 'county-justice', ['officer']);
      const cursor = Buffer.from('r1').toString('base64url');
      const page = await t.call('GET', `/v1/cases/i-1/events?cursor=${cursor}`, { token: officer });
      expect(page.status).toBe(500);
      expect(page.body.code).toBe('integrity_fault');
    } finally {
      await t.stop();
    }
  });

  it('when nothing was altered, then the events are served and an act is chained on', async () => {
    const t = await startTestService({ LEDGER_DATA_DIR: copy() });
    try {
      const officer = t.token('alice', 'county-justice', ['officer']);
      const events = await t.call('GET', '/v1/cases/i-1/events', { token: officer });
      expect(events.status).toBe(200);
      expect(events.body.events).toHaveLength(2);
      expect((await t.call('POST', '/v1/cases/i-1/acts', { token: officer, body: evidence })).status).toBe(201);
    } finally {
      await t.stop();
    }
  });
});
