import { registriesAt } from '../../../src/app/registries-at.js';
import { IntegrityFault } from '../../../src/errors.js';
import { sealEvents, type EventEnvelope } from '../../../src/ledger/envelope.js';
import type { RecordedEvent } from '../../../src/ports/event-store.js';
import { draft, RECORDED_AT, testSigner } from '../../support/events.js';
import { SUBJECT } from '../../support/inspection-samples.js';

const signer = testSigner();
const AGENCY = 'county-justice';

function subjectEvents(id: string, types: [string, unknown][]): EventEnvelope[] {
  const drafts = types.map(([type, data]) => draft({ type, data: data as Record<string, unknown> }));
  return sealEvents(`subject-${AGENCY}:${id}`, null, drafts, signer, RECORDED_AT);
}

/** The agency's registry events in log order, each a leaf at its index. */
function store(events: EventEnvelope[]) {
  const recorded: RecordedEvent[] = events.map((event, i) => ({ event, position: i + 1 }));
  const leaves = new Map(events.map((e, i) => [e.id, i]));
  return {
    events: {
      readAgencies: async ({ after = 0 }: { after?: number }) => recorded.filter((r) => r.position > after),
    },
    leafIndex: (eventId: string) => leaves.get(eventId),
  };
}

describe('the registries as the log held them at a tree size', () => {
  const s1 = subjectEvents('S-1', [
    ['SubjectRegistered', { ...SUBJECT, subjectId: 'S-1', agency: AGENCY }],
    ['ConflictDeclared', { officerId: 'alice', reason: 'x' }],
    ['SubjectRetired', { reason: '注销' }],
  ]);

  it('when the size falls between two events of a subject, then only the events of leaves below it count', async () => {
    const log = [s1[0]!, s1[1]!, s1[2]!];
    const at2 = await registriesAt(store(log), AGENCY, 2);
    expect(at2.subjects).toEqual([expect.objectContaining({ subjectId: 'S-1', retired: false, conflicts: ['alice'] })]);
    const at3 = await registriesAt(store(log), AGENCY, 3);
    expect(at3.subjects).toEqual([expect.objectContaining({ retired: true })]);
    expect((await registriesAt(store(log), AGENCY, 0)).subjects).toEqual([]);
  });

  it('when a stored registry event was altered after sealing, then the fold stops with an IntegrityFault', async () => {
    const altered = { ...s1[1]!, data: { officerId: 'bob', reason: 'x' } };
    await expect(registriesAt(store([s1[0]!, altered]), AGENCY, 5)).rejects.toBeInstanceOf(IntegrityFault);
    // an event left out of its stream breaks the chain of the next one
    await expect(registriesAt(store([s1[0]!, s1[2]!]), AGENCY, 5)).rejects.toBeInstanceOf(IntegrityFault);
  });
});
