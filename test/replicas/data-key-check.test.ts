import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { EventStoreDbStandIn } from '../support/eventstoredb-standin.js';
import { openCase, startReplicas, until } from '../support/replicas.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

/**
 * A replica whose data-key store cannot open the log's sealed data (docs/privacy.md, "Replicas and production"):
 * refused at start-up, and, where it started before that data was sealed, a retried request it cannot compare is
 * answered 503 data_key_unavailable, never 422 idempotency_key_reused.
 */
const AGENCY = 'county-justice';
const PERSON = { kind: 'person', name: '张三丰', idNumber: '140521199001011234' };

function open(t: TestService, token: string, caseId: string) {
  return openCase(t, token, caseId, { parties: [PERSON], headers: { 'idempotency-key': `open-${caseId}` } });
}

describe('a replica whose data-key store is not the one the log was sealed with', () => {
  let standIn: EventStoreDbStandIn;
  let keysDir: string;
  let a: TestService;
  const others: TestService[] = [];
  /** A second replica on the log and keys folder of the first, with `env`. */
  const second = (env: Record<string, string> = {}, log?: pino.Logger) =>
    startTestService({ EVENTSTORE_URL: standIn.url, LEDGER_KEYS_DIR: keysDir, ...env }, log ? { log } : {}).then(
      (t) => (others.push(t), t),
    );

  beforeAll(async () => {
    standIn = await EventStoreDbStandIn.start({ batchAppend: false });
    keysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-keys-'));
    a = await startTestService({ EVENTSTORE_URL: standIn.url, LEDGER_KEYS_DIR: keysDir });
    const { officer } = await seedAgency(a, AGENCY);
    expect((await open(a, officer, 'sealed-1')).status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([...others, a].filter(Boolean).map((t) => t.stop()));
    await standIn?.stop();
    fs.rmSync(keysDir, { recursive: true, force: true });
  });

  it('when it starts with a data-key file of its own, then start-up is refused, naming the setting that shares the store', async () => {
    const attempt = second();
    await expect(attempt).rejects.toMatchObject({
      code: 'config_invalid',
      variable: 'LEDGER_DATA_KEY_STORE',
      message: expect.stringContaining('LEDGER_DATA_KEY_STORE=media'),
    });
    const err = (await attempt.catch((e: unknown) => e)) as Error;
    expect(err.message).toContain('case-county-justice:sealed-1 (neither a key nor a record of its erasure)');
    expect(err.message).toContain('LEDGER_DATA_KEYS_CHECK=warn');
    expect(err.message).not.toContain(PERSON.name);
  }, 120_000);

  it('when it starts with the data-key store of the first, then it starts and opens what the first sealed', async () => {
    const b = await second({ LEDGER_DATA_KEYS_FILE: path.join(a.dataDir, 'data-keys.sqlite') });
    const officer = b.token('alice', AGENCY, ['officer']);
    await until('the case read on the second replica', async () => {
      const res = await b.call('GET', '/v1/cases/sealed-1', { token: officer });
      return res.status === 200 && res.body.parties?.[0]?.name === PERSON.name;
    });
    const retried = await open(b, officer, 'sealed-1');
    expect([retried.status, retried.body.caseId]).toEqual([200, 'sealed-1']);
  }, 120_000);

  it('when LEDGER_DATA_KEYS_CHECK=warn, then it starts with a file of its own and logs why it should not', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'error' }, { write: (line: string) => void lines.push(line) });
    await second({ LEDGER_DATA_KEYS_CHECK: 'warn' }, log);
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; scopes?: string[] });
    const warned = logged.find((l) => l.msg.startsWith('data keys:'));
    expect(warned?.scopes).toEqual(['case-county-justice:sealed-1']);
    expect(warned?.msg).toContain('LEDGER_DATA_KEY_STORE=media');
  }, 120_000);
});

describe('a request retried on a replica that started with its own data-key file before the data was sealed', () => {
  it('when the recorded events cannot be opened there, then the retry is 503 data_key_unavailable, not 422', async () => {
    const r = await startReplicas(); // each replica its own data folder, so its own data-key file
    try {
      const { officer } = await seedAgency(r.a, AGENCY);
      const first = await open(r.a, officer, 'retried-1');
      expect(first.status).toBe(201);
      const retried = await open(r.b, officer, 'retried-1');
      expect([retried.status, retried.body.code]).toEqual([503, 'data_key_unavailable']);
      expect(retried.body.detail).not.toContain(PERSON.name);
      // on the replica that holds the key, the same retry is answered as ever
      expect((await open(r.a, officer, 'retried-1')).body).toEqual(first.body);
    } finally {
      await r.stop();
    }
  }, 180_000);
});
