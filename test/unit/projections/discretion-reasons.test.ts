import { randomBytes } from 'node:crypto';
import { CASE_ACTS, CASES, caseKey, type CaseSummaryDoc } from '../../../projections/case-files.js';
import { PROJECTIONS } from '../../../projections/index.js';
import { deviationView } from '../../../src/app/discretion-reads.js';
import { majorDecisionView } from '../../../src/app/case-file-views.js';
import { caseCodec } from '../../../src/app/case-service.js';
import { freeTextOpener } from '../../../src/app/free-text-opener.js';
import { holdsSealed, sealDraft } from '../../../src/app/personal-data.js';
import { caseStream } from '../../../src/domain/case/acts.js';
import { caseDecider, type CaseContext } from '../../../src/domain/case/decider.js';
import { fold } from '../../../src/domain/decider.js';
import { benchmarkDecider } from '../../../src/domain/registry/benchmarks.js';
import type { EventEnvelope } from '../../../src/ledger/envelope.js';
import type { DataKeyStore } from '../../../src/ports/data-keys.js';
import type { RecordedEvent } from '../../../src/ports/event-store.js';
import { act, actors, CHECKS_PASSED, context, items, opened, record } from '../../support/domain.js';
import { MemoryDocs, StreamWriter } from '../../support/projection-spec.js';

// The reason a fine leaves its discretion benchmark (often the party's circumstances) and the materials submitted
// for a legal review are sealed under the case's data key (docs/privacy.md): the rules never need the key, the
// case's row holds the reasons opened and forgets them at the erasure, the supervision view leaves them out.

const AGENCY = 'county-justice';
const CASE = '2019-042';
const KEY = caseKey(AGENCY, CASE);
const STREAM = caseStream(AGENCY, CASE);
const PROPOSED_REASON = '张三丰系低保户，但三次拒不改正，从重处罚';
const DECIDED_REASON = '张三丰拒不改正，从重处罚';
const MATERIALS = ['调查终结报告', '张三丰的询问笔录'];

const benchmark = fold(
  benchmarkDecider,
  benchmarkDecider.decide(
    {
      type: 'SetBenchmark',
      actor: actors.head,
      item: items['P-001'],
      profile: {
        itemCode: 'P-001',
        agency: AGENCY,
        basis: '县司法局行政处罚裁量基准（2019）',
        circumstances: [{ circumstance: 'serious', description: '多次违法', minFen: 300_000, maxFen: 800_000 }],
      },
    },
    benchmarkDecider.initialState(),
  ),
);
const graded: CaseContext = { ...context, benchmark: (code) => (code === 'P-001' ? benchmark : undefined) };
const fine = { decisionType: 'fine' as const, fineFen: 900_000, legalBasis: '《律师法》第五十条' };
const request = () => ({
  ...act('LegalReviewRequested', {
    proposed: { ...fine, circumstance: 'serious', deviationReason: PROPOSED_REASON },
    materials: MATERIALS,
  }),
  context: graded,
});
const review = () =>
  act('LegalReviewCompleted', { outcome: 'approved', opinion: '同意', checks: CHECKS_PASSED }, { actor: actors.rita });
const decision = () => ({
  ...act(
    'DecisionIssued',
    {
      ...fine,
      documentNo: '县司罚〔2019〕42号',
      decidedOn: '2019-09-27',
      circumstance: 'serious',
      deviationReason: DECIDED_REASON,
    },
    { occurredAt: '2019-09-27T10:00:00+08:00' },
  ),
  context: graded,
});

/** A data-key store holding one key, which `destroy` destroys. */
function keyStore(key: Uint8Array) {
  let held: Uint8Array | undefined = key;
  const store = {
    get: async () => held,
    destroyed: async () => held === undefined,
    destroy: () => void (held = undefined),
  };
  return store as unknown as DataKeyStore & { destroy(): void };
}

/**
 * The case's acts as the service records them: each decided on the state folded from the events recorded before
 * (sealed, as the service reads them back, without the key), then sealed under `key`.
 */
function recordSealed(key: Uint8Array, writer = new StreamWriter()): EventEnvelope[] {
  const recorded: EventEnvelope[] = [];
  for (const command of [opened(), request(), review(), decision()]) {
    const state = fold(caseDecider, recorded.map(caseCodec.fromEnvelope));
    const events = caseDecider.decide(command, state);
    recorded.push(
      ...writer.seal(
        STREAM,
        events.map((e) => sealDraft(caseCodec.toDraft(e, e.id), key)),
      ),
    );
  }
  return recorded;
}

const erasure = (writer: StreamWriter): EventEnvelope[] =>
  writer.seal(STREAM, [
    {
      id: '00000000-0000-7000-8000-0000000000ee',
      type: 'CaseDataErased',
      schemaVersion: 1,
      occurredAt: '2019-10-01T09:00:00+08:00',
      actor: actors.head,
      data: { ground: 'retention_expired', reason: '保管期限届满' },
      media: [],
    },
  ]);

const positioned = (envelopes: readonly EventEnvelope[], from = 1): RecordedEvent[] =>
  envelopes.map((event, i) => ({ position: from + i, event }));

const secretsIn = (value: unknown) =>
  [PROPOSED_REASON, DECIDED_REASON, MATERIALS[1]!].filter((s) => JSON.stringify(value).includes(s));

describe('the reasons for leaving a discretion benchmark and the review materials, sealed', () => {
  it('when a request and a decision give reasons, then the signed events hold none of them in clear, and the review decided without the key repeats none', () => {
    const events = recordSealed(randomBytes(32));
    expect(secretsIn(events)).toEqual([]);
    const [, requested, reviewed, decided] = events;
    expect(requested!.data).toMatchObject({
      proposed: { ...fine, circumstance: 'serious', deviationReason: { sealed: 'aes-256-gcm/v1' } },
      materials: { sealed: 'aes-256-gcm/v1' },
      discretion: { within: false },
    });
    expect(decided!.data).toMatchObject({
      deviationReason: { sealed: 'aes-256-gcm/v1' },
      discretion: { within: false },
    });
    // the review copies the proposal it reviewed from the fold, which keeps no reason: nothing sealed to repeat
    expect(reviewed!.data.proposal).toEqual({ ...fine, circumstance: 'serious' });
    expect(holdsSealed(reviewed!.data.proposal)).toBe(false);
  });

  it('when the runner opens them, then the row holds the reasons opened, each act keeps them sealed, and the supervision view leaves them out', async () => {
    const key = randomBytes(32);
    const docs = new MemoryDocs(PROJECTIONS).apply(await freeTextOpener(keyStore(key))(positioned(recordSealed(key))));
    const row = docs.get<CaseSummaryDoc>(CASES, KEY)!;
    expect(row.discretion).toMatchObject({
      proposal: { within: false, deviationReason: PROPOSED_REASON },
      decision: { within: false, deviationReason: DECIDED_REASON },
    });
    expect(secretsIn(row.state)).toEqual([]);
    expect(secretsIn(row.reviews)).toEqual([]);
    expect(secretsIn(docs.all(CASE_ACTS))).toEqual([]);
    const view = deviationView(row);
    expect(view).toMatchObject({ proposal: { within: false }, decision: { within: false } });
    expect(secretsIn(view)).toEqual([]);
  });

  it('when the erasure is recorded, then the row forgets the reasons, as a rebuild after it makes it', async () => {
    const key = randomBytes(32);
    const store = keyStore(key);
    const writer = new StreamWriter();
    const acts = recordSealed(key, writer);
    const open = freeTextOpener(store);
    const live = new MemoryDocs(PROJECTIONS).apply(await open(positioned(acts)));
    store.destroy();
    const erased = erasure(writer);
    live.apply(await open(positioned(erased, acts.length + 1)));
    const row = live.get<CaseSummaryDoc>(CASES, KEY)!;
    expect(row.discretion).toMatchObject({
      proposal: { deviationReason: '[erased]' },
      decision: { deviationReason: '[erased]' },
    });
    expect(secretsIn(row)).toEqual([]);
    const rebuilt = new MemoryDocs(PROJECTIONS).apply(await open(positioned([...acts, ...erased])));
    expect(rebuilt.get(CASES, KEY)).toEqual(row);
  });

  it('when the events were recorded before the reasons were sealed, then they read in clear, and the erasure forgets them in the row all the same', () => {
    const writer = new StreamWriter();
    const events = writer.caseEvents(CASE, record(opened(), request(), review(), decision()));
    const before = new MemoryDocs(PROJECTIONS).apply(positioned(events));
    expect(before.get<CaseSummaryDoc>(CASES, KEY)!.discretion).toMatchObject({
      proposal: { deviationReason: PROPOSED_REASON },
      decision: { deviationReason: DECIDED_REASON },
    });
    const after = before.apply(positioned(erasure(writer), events.length + 1));
    expect(secretsIn(after.get(CASES, KEY))).toEqual([]);
    expect(after.get<CaseSummaryDoc>(CASES, KEY)!.discretion!.decision!.deviationReason).toBe('[erased]');
  });

  it('when a review recorded before the reason was sealed repeats it, then the major-decisions view names the terms reviewed without it', () => {
    const writer = new StreamWriter();
    const [open, requested, reviewed, decided] = record(opened(), request(), review(), decision());
    // as the review was recorded then: the proposal it reviewed, reason included, copied in clear
    const proposal = { ...fine, circumstance: 'serious', deviationReason: PROPOSED_REASON };
    const older = { ...reviewed!, data: { ...reviewed!.data, proposal } } as typeof reviewed;
    const events = writer.caseEvents(CASE, [open!, requested!, older!, decided!]);
    const row = new MemoryDocs(PROJECTIONS).apply(positioned(events)).get<CaseSummaryDoc>(CASES, KEY)!;
    expect(row.reviews[0]!.proposal).toMatchObject({ deviationReason: PROPOSED_REASON });
    const view = majorDecisionView(row)!;
    expect(view.reviews.map((r) => r.proposal)).toEqual([fine]);
    expect(secretsIn(view)).toEqual([]);
  });
});
