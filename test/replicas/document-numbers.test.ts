import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { documentNumberClaimStream } from '../../src/domain/case/document-number-claims.js';
import { parseAgencyStream } from '../../src/domain/streams.js';
import type { EventStore } from '../../src/ports/event-store.js';
import { holdAppendsTogether } from '../support/held-appends.js';
import { openCase, startReplicas, type Replicas } from '../support/replicas.js';
import { issueWarning, seedAgency, type TestService } from '../support/service.js';

/**
 * Two replicas on one EventStoreDB (its TEST DOUBLE), which share no locks: one document number (文书号) names one
 * decision of the agency however close together two officers give it, one on each replica, because an act giving a
 * number claims it in the log first; a claim lapses once its case moved on without the number, or after a while.
 */
const AGENCY = 'county-justice';
/** The second replica's clock, which the last test moves on. */
const clockB = { offsetMs: 0, now: () => new Date(Date.now() + clockB.offsetMs) };

let r: Replicas;
let officer: string;
const keysRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-data-keys-'));

beforeAll(async () => {
  // one data-key file, as replicas on one host may share it: each opens the corrections the other seals
  r = await startReplicas({
    clocks: [{ now: () => new Date() }, clockB],
    env: { LEDGER_DATA_KEYS_FILE: path.join(keysRoot, 'data-keys.sqlite') },
  });
  ({ officer } = await seedAgency(r.a, AGENCY));
}, 120_000);
afterAll(async () => {
  await r?.stop();
  fs.rmSync(keysRoot, { recursive: true, force: true });
});

async function opened(t: TestService, caseId: string): Promise<void> {
  const res = await openCase(t, officer, caseId);
  if (res.status !== 201) throw new Error(`opening ${caseId}: ${res.status} ${JSON.stringify(res.body)}`);
}

const issue = (t: TestService, caseId: string, documentNo: string, token = officer) =>
  issueWarning(t, token, caseId, documentNo);

/** The cases whose streams record a decision under `documentNo`, issued or corrected to it. */
async function decidedUnder(documentNo: string, caseIds: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const caseId of caseIds) {
    const events = await r.a.service.events.readStream(`case-${AGENCY}:${caseId}`);
    if (events.some(({ event }) => event.type === 'DecisionIssued' && event.data.documentNo === documentNo))
      found.push(caseId);
  }
  return found;
}

/** The cases the number's claims named, in order. */
async function claims(documentNo: string): Promise<string[]> {
  const events = await r.a.service.events.readStream(documentNumberClaimStream(AGENCY, documentNo));
  return events.map(({ event }) => event.data.caseId as string);
}

/** Makes the next append to case `caseId`'s stream through `store` fail, as a replica stopped before it would. */
function failNextAppendOf(store: EventStore, caseId: string): void {
  const target = store as { append: EventStore['append'] };
  const own = target.append;
  target.append = async (stream, events, expected) => {
    if (stream !== `case-${AGENCY}:${caseId}`) return own(stream, events, expected);
    target.append = own;
    throw new Error('the replica stopped before appending');
  };
}

describe('one document number, one decision, across replicas', () => {
  it('when each replica gives the same number to another case at the same moment, then one is decided and the other is 409 naming it', async () => {
    for (let round = 0; round < 3; round++) {
      const [first, second] = [`race-${round}-a`, `race-${round}-b`];
      await opened(r.a, first);
      await opened(r.a, second);
      const documentNo = `县司告〔2026〕${100 + round}号`;
      // both claims wait for each other: both replicas have read the number free when either appends
      const held = holdAppendsTogether([r.a.service.events, r.b.service.events], (stream) => {
        return parseAgencyStream(stream)?.category === 'docnumber';
      });
      const answers = await Promise.all([
        issue(r.a, first, documentNo).finally(held.release),
        issue(r.b, second, documentNo).finally(held.release),
      ]).finally(held.restore);
      expect([round, answers.map((a) => a.status).sort()]).toEqual([round, [201, 409]]);
      const winner = answers[0]!.status === 201 ? first : second;
      const refused = answers.find((a) => a.status === 409)!;
      expect(refused.body).toMatchObject({ code: 'document_number_taken', heldBy: winner });
      expect([round, await decidedUnder(documentNo, [first, second])]).toEqual([round, [winner]]);
      expect([round, await claims(documentNo)]).toEqual([round, [winner]]);
    }
  }, 120_000);

  it('when a decision is corrected to another number on one replica, then the other replica gives the freed number to another case', async () => {
    await opened(r.a, 'moved-a');
    await opened(r.a, 'moved-b');
    const decided = await issue(r.a, 'moved-a', '县司告〔2026〕200号');
    expect(decided.status).toBe(201);
    const refused = await issue(r.b, 'moved-b', '县司告〔2026〕200号');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'document_number_taken', heldBy: 'moved-a' });
    const corrected = await r.a.call('POST', '/v1/cases/moved-a/acts', {
      token: officer,
      body: {
        type: 'RecordCorrected',
        occurredAt: new Date().toISOString(),
        data: { corrects: decided.body.eventId, reason: '文书号笔误', data: { documentNo: '县司告〔2026〕201号' } },
      },
    });
    expect(corrected.status).toBe(201);
    const taken = await issue(r.b, 'moved-b', '县司告〔2026〕200号');
    expect(taken.status).toBe(201);
    expect(await claims('县司告〔2026〕200号')).toEqual(['moved-a', 'moved-b']);
    expect(await claims('县司告〔2026〕201号')).toEqual(['moved-a']);
  }, 120_000);

  it('when a replica claimed a number but stopped before its act, then the number stays the claimer’s until its case moves on without it', async () => {
    await opened(r.a, 'stopped-a');
    await opened(r.a, 'stopped-b');
    failNextAppendOf(r.a.service.events, 'stopped-a');
    const failed = await issue(r.a, 'stopped-a', '县司告〔2026〕300号');
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(await claims('县司告〔2026〕300号')).toEqual(['stopped-a']);
    // the claimer might still append: the number is held for it
    const held = await issue(r.b, 'stopped-b', '县司告〔2026〕300号');
    expect(held.status).toBe(409);
    expect(held.body).toMatchObject({ code: 'document_number_taken', heldBy: 'stopped-a' });
    expect(await decidedUnder('县司告〔2026〕300号', ['stopped-a', 'stopped-b'])).toEqual([]);
    // the claimer's case is decided under another number: its claim of the first lapses
    expect((await issue(r.a, 'stopped-a', '县司告〔2026〕301号')).status).toBe(201);
    const taken = await issue(r.b, 'stopped-b', '县司告〔2026〕300号');
    expect(taken.status).toBe(201);
    expect(await claims('县司告〔2026〕300号')).toEqual(['stopped-a', 'stopped-b']);
    expect(await decidedUnder('县司告〔2026〕300号', ['stopped-a', 'stopped-b'])).toEqual(['stopped-b']);
  }, 120_000);

  it('when a claim whose case recorded nothing since is older than the hold, then another case takes the number', async () => {
    await opened(r.a, 'lapsed-a');
    await opened(r.a, 'lapsed-b');
    failNextAppendOf(r.a.service.events, 'lapsed-a');
    expect((await issue(r.a, 'lapsed-a', '县司告〔2026〕400号')).status).toBeGreaterThanOrEqual(500);
    expect((await issue(r.b, 'lapsed-b', '县司告〔2026〕400号')).status).toBe(409);
    clockB.offsetMs = 11 * 60_000; // past the ten minutes a claim holds its number for an act in flight
    // a token of the replica's time
    const taken = await issue(r.b, 'lapsed-b', '县司告〔2026〕400号', r.b.token('alice', AGENCY, ['officer']));
    expect(taken.status).toBe(201);
    expect(await claims('县司告〔2026〕400号')).toEqual(['lapsed-a', 'lapsed-b']);
    // the claimer, come back, finds the number taken
    clockB.offsetMs = 0;
    const late = await issue(r.a, 'lapsed-a', '县司告〔2026〕400号');
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'document_number_taken', heldBy: 'lapsed-b' });
  }, 120_000);
});
