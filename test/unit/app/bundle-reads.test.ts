import type { AccessLog } from '../../../src/app/access-log.js';
import type { PreparedBundle } from '../../../src/app/bundle-export.js';
import { BundleReads } from '../../../src/app/bundle-reads.js';
import { CaseReads, type Retrieval } from '../../../src/app/case-reads.js';
import { ProofUnavailable } from '../../../src/app/transparency-log.js';
import { caseStream } from '../../../src/domain/case/acts.js';
import { LedgerError } from '../../../src/errors.js';
import type { EventStore, RecordedEvent } from '../../../src/ports/event-store.js';

function bundles(prepare: (agency: string, caseId: string) => Promise<PreparedBundle | undefined>) {
  const steps: string[] = [];
  const access = {
    record: async (entry: { agency: string }) => void steps.push(`record ${entry.agency}`),
    denied: async () => void steps.push('denied'),
  } as unknown as AccessLog;
  // agency `a` has case c-1 in its log
  const events = {
    readStream: async (stream: string) =>
      stream === caseStream('a', 'c-1') ? [{ position: 1 } as unknown as RecordedEvent] : [],
  } as unknown as Pick<EventStore, 'readStream'>;
  const reads = new BundleReads({
    events,
    reads: new CaseReads(access),
    // the log's tree holds 50 leaves at its head
    log: { sizeAtHead: async () => 50 },
    exporter: {
      prepare: async (agency, caseId) => {
        steps.push(`prepare ${agency}`);
        return prepare(agency, caseId);
      },
    },
  });
  return { reads, steps };
}

const retrieval = (caseId: string): Retrieval => ({
  principal: { sub: 'ann', agency: 'a', roles: ['officer'], supervises: [] },
  caseId,
  action: 'read_bundle',
  requestId: 'r1',
});

const prepared = { size: 0 } as unknown as PreparedBundle;

describe('bundle reads', () => {
  it('when a case of the log is exported, then the retrieval is recorded before the bundle is prepared', async () => {
    const { reads, steps } = bundles(async () => prepared);
    expect(await reads.export(retrieval('c-1'), {})).toBe(prepared);
    expect(steps).toEqual(['record a', 'prepare a']);
  });

  it('when the log has no such case for the reader, then it is 404, the refusal recorded, and nothing prepared', async () => {
    const { reads, steps } = bundles(async () => prepared);
    const err = await reads.export(retrieval('c-2'), {}).catch((e: unknown) => e);
    expect((err as LedgerError).status).toBe(404);
    expect(steps).toEqual(['denied']);
  });

  it('when the trusted tree size cannot be proved against, then it is 400 invalid_query naming why', async () => {
    const { reads } = bundles(async () => {
      throw new ProofUnavailable('tree_size_invalid', 'the tree is smaller');
    });
    const err = await reads.export(retrieval('c-1'), { trustedSize: 40 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LedgerError);
    expect({ status: (err as LedgerError).status, code: (err as LedgerError).code }).toEqual({
      status: 400,
      code: 'invalid_query',
    });
    expect((err as LedgerError).details).toEqual({ reason: 'tree_size_invalid' });
  });

  it("when the trusted tree size is beyond the tree at the log's head, then it is 400 before the retrieval is recorded", async () => {
    const { reads, steps } = bundles(async () => prepared);
    const err = await reads.export(retrieval('c-1'), { trustedSize: 51 }).catch((e: unknown) => e);
    expect({ status: (err as LedgerError).status, code: (err as LedgerError).code }).toEqual({
      status: 400,
      code: 'invalid_query',
    });
    expect((err as LedgerError).details).toEqual({ reason: 'tree_size_invalid' });
    expect(steps).toEqual([]);
    // at the tree's size, it is recorded and prepared
    expect(await reads.export(retrieval('c-1'), { trustedSize: 50 })).toBe(prepared);
    expect(steps).toEqual(['record a', 'prepare a']);
  });
});
