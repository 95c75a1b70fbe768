import { LedgerReads } from '../../../src/app/ledger-reads.js';
import { ProofUnavailable, type TransparencyLog } from '../../../src/app/transparency-log.js';
import { LedgerError } from '../../../src/errors.js';
import { InvalidCursor } from '../../../src/ports/read-models.js';

function ledgerReads(fail: Error) {
  const waits: number[] = [];
  const log = {
    list: () => {
      throw fail;
    },
    inclusion: () => {
      throw fail;
    },
    consistency: () => {
      throw fail;
    },
    head: () => {
      throw fail;
    },
    streamKey: (stream: string) => stream,
  } as unknown as Pick<TransparencyLog, 'list' | 'inclusion' | 'consistency' | 'head' | 'streamKey'>;
  const runner = { position: () => 0, waitFor: async (p: number) => (waits.push(p), true) };
  return { reads: new LedgerReads({ log, runner }), waits };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (err: unknown) => {
      expect(err).toBeInstanceOf(LedgerError);
      const e = err as LedgerError;
      return { status: e.status, code: e.code, details: e.details };
    },
  );

describe('ledger reads', () => {
  it('when an inclusion proof names an event the log does not hold, then it is 404 not_found', async () => {
    const { reads, waits } = ledgerReads(new ProofUnavailable('unknown_event', 'no such event'));
    expect(await refusal(reads.inclusion('e', undefined, 5))).toEqual({ status: 404, code: 'not_found', details: {} });
    expect(waits).toEqual([5]);
  });

  it('when a proof names a tree size the log cannot prove against, then it is 400 invalid_query naming why', async () => {
    const { reads } = ledgerReads(new ProofUnavailable('tree_size_invalid', 'beyond the tree'));
    expect(await refusal(reads.consistency(3, 9))).toEqual({
      status: 400,
      code: 'invalid_query',
      details: { reason: 'tree_size_invalid' },
    });
  });

  it('when the checkpoint list is given a cursor it did not make, then it is 400 invalid_query', async () => {
    const { reads } = ledgerReads(new InvalidCursor());
    expect(await refusal(reads.checkpoints({ limit: 5, after: 'x' }))).toMatchObject({
      status: 400,
      code: 'invalid_query',
    });
  });
});
