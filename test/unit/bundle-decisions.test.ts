import type { Held, HeldEvent } from '../../src/ledger/bundle-checks.js';
import { decisionReadsFile, decisionsOf } from '../../src/ledger/bundle-decisions.js';

/** Held files of events already checked, as the verifier keeps them: only what `decisionsOf` reads. */
function held(events: { name: string; type: string; data: unknown }[]): { h: Held; list: HeldEvent[] } {
  const files = new Map(events.map((e) => [e.name, Buffer.from(JSON.stringify({ type: e.type, data: e.data }))]));
  const list = events.map((e, revision) => ({
    name: e.name,
    revision,
    id: `id-${revision}`,
    hash: '0'.repeat(64),
    type: e.type,
    media: [],
  }));
  return { h: { files } as unknown as Held, list };
}

describe("the report's decisions", () => {
  it('when a case holds a decision, then its document number, type and date are reported, and nothing else of it', () => {
    const { h, list } = held([
      { name: 'events/0.json', type: 'CaseOpened', data: { documentNo: 'not a decision' } },
      {
        name: 'events/1.json',
        type: 'DecisionIssued',
        data: { documentNo: '县司罚〔2026〕2号', decisionType: 'fine', decidedOn: '2026-06-01', fineFen: 100 },
      },
    ]);
    expect(decisionsOf(h, list)).toEqual([
      { eventId: 'id-1', revision: 1, documentNo: '县司罚〔2026〕2号', decisionType: 'fine', decidedOn: '2026-06-01' },
    ]);
  });

  it('when a correction names a decision, then the decision says it was corrected, and by which events', () => {
    const { h, list } = held([
      { name: 'events/0.json', type: 'DecisionIssued', data: { documentNo: 'A', decidedOn: '2026-06-01' } },
      { name: 'events/1.json', type: 'RecordCorrected', data: { corrects: 'id-0', reason: { sealed: 'x' } } },
      { name: 'events/2.json', type: 'RecordCorrected', data: { corrects: 'id-9' } },
      { name: 'events/3.json', type: 'DecisionIssued', data: { documentNo: 7, decidedOn: null } },
    ]);
    expect(decisionsOf(h, list)).toEqual([
      { eventId: 'id-0', revision: 0, documentNo: 'A', decidedOn: '2026-06-01', correctedBy: ['id-1'] },
      // members that are not text are left out, never guessed
      { eventId: 'id-3', revision: 3 },
    ]);
  });

  it('when asked which files it reads, then decisions and corrections only', () => {
    expect(['DecisionIssued', 'RecordCorrected', 'CaseOpened', 'DecisionDisclosed'].map(decisionReadsFile)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
