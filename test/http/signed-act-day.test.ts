import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { uuidv7Generator } from '../../src/app/ids.js';
import { caseStream } from '../../src/domain/case/acts.js';
import { canonicalize } from '../../src/ledger/canonical-json.js';
import type { Clock } from '../../src/ports/clock.js';
import { runCli } from '../support/cli.js';
import { officerKeyPair, signedEvidenceBody } from '../support/officer-keys.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

const AGENCY = 'county-justice';
const CASE = 'day-1';
// 18:00 UTC on 2 March is 02:00 on 3 March in the county (UTC+8, the default offset), ticking on from there
const START = Date.parse('2026-03-02T18:00:00Z');
const started = Date.now();
const clock: Clock = { now: () => new Date(START + (Date.now() - started)) };
const newId = uuidv7Generator(clock);

let t: TestService;
let admin: string;
let alice: string;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signed-act-day-'));
  t = await startTestService({}, { clock });
  ({ admin, officer: alice } = await seedAgency(t, AGENCY));
  const open = {
    caseId: CASE,
    itemCode: 'P-001',
    title: '检查',
    openedOn: '2026-03-02',
    officers: ['alice', 'bob'],
    parties: [{ kind: 'organization', name: '某公司' }],
  };
  expect((await t.call('POST', '/v1/cases', { token: alice, body: open })).status).toBe(201);
}, 60_000);
afterAll(async () => {
  await t?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** An EvidenceCollected act at `occurredAt`, signed with `key` as alice's client signs it. */
const signed = (key: ReturnType<typeof officerKeyPair>, occurredAt: string) =>
  signedEvidenceBody(key.privateKey, { id: newId(), stream: caseStream(AGENCY, CASE), occurredAt }, canonicalize);

describe("an officer's key judged on the date its act is written on, as the bundle's verifier judges it", () => {
  it('when an act is written in UTC on the last day of the key, which is already the next day in the county, then it is recorded and its bundle verifies', async () => {
    const key = officerKeyPair();
    const registered = await t.call('POST', '/v1/officers/alice/keys', {
      token: admin,
      body: { publicKey: key.spki, validFrom: '2026-01-01', validTo: '2026-03-02' },
    });
    expect(registered.status).toBe(201);
    // 17:30 UTC on 2 March: the key's last day as written, 3 March in the county
    const recorded = await t.call('POST', `/v1/cases/${CASE}/acts`, {
      token: alice,
      body: signed(key, '2026-03-02T17:30:00Z'),
    });
    expect(recorded.status).toBe(201);
    // the same instant written at the county's offset is of 3 March, after the key's last day
    const refused = await t.call('POST', `/v1/cases/${CASE}/acts`, {
      token: alice,
      body: signed(key, '2026-03-03T01:30:00+08:00'),
    });
    expect([refused.status, refused.body.code]).toEqual([422, 'actor_key_not_valid']);

    const res = await fetch(`${t.url}/v1/cases/${CASE}/bundle`, { headers: { authorization: `Bearer ${alice}` } });
    expect(res.status).toBe(200);
    const file = path.join(dir, 'day.tar');
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const keyFile = path.join(dir, 'ledger-key.pem');
    fs.writeFileSync(keyFile, t.service.keys.eventSigner.publicKey.export({ type: 'spki', format: 'pem' }));
    const run = await runCli(['verify', file, '--json', '--threads', '1', '--key', keyFile]);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: true });
  });
});
