import { InvalidQuery, LedgerError } from '../errors.js';
import type { Position } from '../ports/event-store.js';
import { InvalidCursor } from '../ports/read-models.js';
import { parseAgencyStream } from '../ledger/streams.js';
import type { Principal } from './auth.js';
import { canRead } from './case-reads.js';
import { caughtUp, type ReadConsistency } from './read-consistency.js';
import type { Paging } from './read-pages.js';
import { ProofUnavailable, type TransparencyLog } from './transparency-log.js';

export interface LedgerReadsDependencies {
  readonly log: Pick<TransparencyLog, 'list' | 'inclusion' | 'consistency' | 'head'>;
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

  /**
   * The head proof of a stream at a tree size (docs/integrity.md §12.6): a proof of its revision and head, or of
   * its absence. A stream of an agency (`<category>-<agency>:<id>`: cases, access records, media, the registries)
   * is shown only to a caller who may read that agency's cases, else `404 not_found` as if it did not exist: its
   * name holds a case id, and its head tells how many events the case has. Other streams (the keyring, the
   * calendar, token revocations) are public. A head proof holds no event's content and is not a case read.
   */
  async head(stream: string, treeSize: number | undefined, caller: Principal | undefined, consistentWith?: Position) {
    const agency = parseAgencyStream(stream)?.agency;
    if (agency !== undefined && (caller === undefined || !canRead(caller, agency))) {
      throw new StreamNotVisible(`no stream ${JSON.stringify(stream)} this caller may see`);
    }
    await caughtUp(this.deps.runner, consistentWith);
    return proved(() => this.deps.log.head(stream, treeSize));
  }
}

/** A head proof asked of an agency's stream by a caller who may not read that agency's cases. */
export class StreamNotVisible extends LedgerError {
  readonly code = 'not_found';
  readonly status = 404;
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
