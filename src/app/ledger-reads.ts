import { InvalidQuery, LedgerError } from '../errors.js';
import type { Position } from '../ports/event-store.js';
import { InvalidCursor } from '../ports/read-models.js';
import { caughtUp, type ReadConsistency } from './read-consistency.js';
import type { Paging } from './read-pages.js';
import { ProofUnavailable, type TransparencyLog } from './transparency-log.js';

export interface LedgerReadsDependencies {
  readonly log: Pick<TransparencyLog, 'list' | 'inclusion' | 'consistency'>;
  readonly runner: ReadConsistency;
}

/** An inclusion proof asked for an event the log does not hold. */
export class UnknownEvent extends LedgerError {
  readonly code = 'not_found';
  readonly status = 404;
}

/**
 * Public reads of the transparency log: the checkpoints issued, newest first, and inclusion and consistency
 * proofs. Each waits for `consistentWith` first, when given. An event the log does not hold is `404 not_found`;
 * a tree size it cannot prove against, or a cursor it did not give, is `400 invalid_query`.
 */
export class LedgerReads {
  constructor(private readonly deps: LedgerReadsDependencies) {}

  async checkpoints(paging: Paging, consistentWith?: Position) {
    await caughtUp(this.deps.runner, consistentWith);
    try {
      return this.deps.log.list(paging);
    } catch (err) {
      if (err instanceof InvalidCursor) throw new InvalidQuery(err.message);
      throw err;
    }
  }

  async inclusion(eventId: string, treeSize: number | undefined, consistentWith?: Position) {
    await caughtUp(this.deps.runner, consistentWith);
    return proved(() => this.deps.log.inclusion(eventId, treeSize));
  }

  async consistency(from: number, to: number, consistentWith?: Position) {
    await caughtUp(this.deps.runner, consistentWith);
    return proved(() => this.deps.log.consistency(from, to));
  }
}

function proved<T>(prove: () => T): T {
  try {
    return prove();
  } catch (err) {
    if (err instanceof ProofUnavailable) {
      if (err.code === 'unknown_event') throw new UnknownEvent(err.message);
      throw new InvalidQuery(err.message, { reason: err.code });
    }
    throw err;
  }
}
