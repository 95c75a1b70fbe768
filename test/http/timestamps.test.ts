import path from 'node:path';
import pino from 'pino';
import { systemClock } from '../../src/adapters/clock/system-clock.js';
import { startService } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import { runCli } from '../support/cli.js';
import { loadValidators } from '../../src/http/validation.js';
import { timestampedMessage } from '../../src/ledger/timestamp-request.js';
import { timestampRoots, verifyTimestampToken } from '../../src/ledger/timestamp-verify.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { testSuite } from '../support/suite.js';
import { makeTsaPki, opensslVerifies, startLoopbackTsa, type LoopbackTsa, type TsaPki } from '../support/tsa.js';

/** Checkpoints time-stamped by a real RFC 3161 authority (OpenSSL's `ts -reply`) on loopback. */

const validate = loadValidators(path.resolve(__dirname, '../../schemas'));
const AGENCY = 'county-justice';
const ORIGIN = 'ledger.example.gov.cn/tsa';
const today = '2026-11-20';

let pki: TsaPki;
let tsa: LoopbackTsa;
let t: TestService;
let officer: string;

beforeAll(async () => {
  pki = await makeTsaPki();
  tsa = await startLoopbackTsa(pki);
  t = await startTestService({
    CHECKPOINT_EVERY_EVENTS: '1000000',
    LEDGER_LOG_ORIGIN: ORIGIN,
    TSA_URLS: tsa.url,
    TSA_CA_FILES: pki.caFile,
  });
  ({ officer } = await seedAgency(t, AGENCY));
}, 180_000);
afterAll(async () => {
  await t?.stop(); // closing twice is one close
  await tsa?.close();
  pki?.remove();
});

interface Stamp {
  tsa: string;
  token: string;
  genTime: string;
}

async function openCase(caseId: string): Promise<void> {
  const body = {
    caseId,
    itemCode: 'P-001',
    title: '检查',
    openedOn: today,
    officers: ['alice', 'bob'],
    parties: [{ kind: 'organization', name: '某公司' }],
  };
  expect((await t.call('POST', '/v1/cases', { token: officer, body })).status).toBe(201);
}

/** Asks for the checkpoint until it carries a time-stamp (the stamping runs in the background). */
async function stampedCheckpoint(size: number): Promise<{ note: string; timestamps: Stamp[] }> {
  for (let i = 0; i < 600; i++) {
    const list = await t.call('GET', '/v1/ledger/checkpoints?limit=5');
    const found = (list.body.items as { size: number; note: string; timestamps: Stamp[] }[]).find(
      (c) => c.size === size,
    );
    if (found && found.timestamps.length > 0) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the checkpoint of size ${size} was never time-stamped`);
}

describe('checkpoints time-stamped by an RFC 3161 authority', () => {
  it('when a checkpoint is issued, then a token over its signed note is stored, served and verifies against the TSA CA', async () => {
    await openCase('2026-TS-1');
    const issued = await t.call('GET', '/v1/ledger/checkpoint');
    expect(issued.status).toBe(200);
    const stamped = await stampedCheckpoint(issued.body.size);
    expect(stamped.timestamps).toHaveLength(1);
    const [stamp] = stamped.timestamps;
    expect(stamp!.tsa).toBe(tsa.url);
    const token = Buffer.from(stamp!.token, 'base64');
    const message = timestampedMessage(stamped.note, ORIGIN);
    expect(message.toString()).toBe(stamped.note);
    const verified = verifyTimestampToken(token, message, timestampRoots([pki.caPem]));
    expect(verified.genTime).toBe(stamp!.genTime);
    expect(await opensslVerifies(token, message, pki.caFile)).toBe(true);

    const current = await t.call('GET', '/v1/ledger/checkpoint');
    expect(current.body.size).toBe(issued.body.size);
    expect(current.body.timestamps).toEqual(stamped.timestamps);
    expect(() => validate('urn:evidence-ledger:schema:response:checkpoint', current.body)).not.toThrow();
    const list = await t.call('GET', '/v1/ledger/checkpoints?limit=5');
    expect(() => validate('urn:evidence-ledger:schema:response:checkpoint-list', list.body)).not.toThrow();

    // the token is a signed event of the checkpoint stream, right after its checkpoint
    const stream = await t.service.events.readStream('ledger-checkpoints');
    const last = stream.at(-1)!.event;
    expect(last.type).toBe('CheckpointTimestamped');
    expect(last.data).toMatchObject({ size: issued.body.size, tsa: tsa.url, token: stamp!.token, note: stamped.note });
    expect(stream.at(-2)!.event).toMatchObject({ type: 'CheckpointIssued', data: { size: issued.body.size } });
  });

  it('when the TSA is down, then checkpoints are still issued at once, and the latest is stamped once it is back', async () => {
    tsa.setDown(true);
    await openCase('2026-TS-2');
    const issued = await t.call('GET', '/v1/ledger/checkpoint');
    expect(issued.status).toBe(200);
    expect(issued.body.timestamps).toEqual([]);
    await openCase('2026-TS-3');
    const later = await t.call('GET', '/v1/ledger/checkpoint');
    expect(later.body.size).toBeGreaterThan(issued.body.size);
    tsa.setDown(false);
    const stamped = await stampedCheckpoint(later.body.size);
    expect(stamped.timestamps).toHaveLength(1);
    const list = await t.call('GET', '/v1/ledger/checkpoints?limit=5');
    const skipped = list.body.items.find((c: { size: number }) => c.size === issued.body.size);
    // superseded while the TSA was down: the later checkpoint covers its events, stamped no later
    expect(skipped.timestamps).toEqual([]);
  });

  it('when the checkpoints stream ends with a time-stamp, then ledger check passes and the service starts again on it', async () => {
    const stream = await t.service.events.readStream('ledger-checkpoints');
    expect(stream.at(-1)!.event.type).toBe('CheckpointTimestamped');
    await t.service.close();
    const checked = await runCli(['check', '--skip-read-models'], { LEDGER_DATA_DIR: t.dataDir });
    expect([checked.code, checked.stderr]).toEqual([0, expect.any(String)]);
    const again = await startService(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        LEDGER_DATA_DIR: t.dataDir,
        LEDGER_LOG_ORIGIN: ORIGIN,
        LEDGER_CRYPTO_SUITE: testSuite.name,
      }),
      { clock: systemClock, log: pino({ level: 'silent' }) },
    );
    try {
      const res = await fetch(`${again.url}/v1/ledger/checkpoints?limit=1`);
      const [latest] = ((await res.json()) as { items: { timestamps: Stamp[] }[] }).items;
      expect(latest!.timestamps).toHaveLength(1);
    } finally {
      await again.close();
    }
  });
});
