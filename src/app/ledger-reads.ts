import { InvalidQuery, LedgerError } from '../errors.js';
import type { Position } from '../ports/event-store.js';
import { InvalidCursor } from '../ports/read-models.js';
import { parseAgencyStream } from '../ledger/streams.js';
import type { Principal } from './auth.js';
import { canRead } from './case-reads.js';
import { caughtUp, type ReadConsistency } from './read-consistency.js';
import type { Paging } from './read-pages.js';
import { ProofUnavailable, type TransparencyLog } from './transparency-log.js';
import { KEYS_STREAM } from './keyring-log.js';
import { CALENDAR_STREAM } from '../domain/calendar/recorded-years.js';
import { REVOCATION_STREAM, SIGN_OUT_STREAM } from '../domain/tokens/revocations.js';

export interface LedgerReadsDependencies {
  readonly log: Pick<TransparencyLog, 'list' | 'inclusion' | 'consistency' | 'head' | 'streamKey'>;
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
    const proof = proved(() => this.deps.log.head(stream, treeSize));
    // a proof of absence shows the leaf that stands where the stream's would: another stream's key, revision and
    // head, which would tell anyone whether a stream they name exists and how many events it has (a name is cheap to
    // grind until its path leads to the stream they are after); it is given only when that leaf is a public stream's
    const other = proof.other;
    if (other !== undefined && !PUBLIC_STREAMS.some((s) => this.deps.log.streamKey(s) === other.key)) {
      throw new StreamNotVisible(
        `the log holds no stream ${JSON.stringify(stream)} at tree size ${proof.treeSize} that this caller may ` +
          "see; its proof of absence is not given, as it would show another stream's head",
      );
    }
    return proof;
  }
}

/**
 * The streams of no agency, whose heads anyone may see (docs/integrity.md §12.6): the keyring, the working-day
 * calendar, token revocations and sign-outs.
 */
const PUBLIC_STREAMS = [KEYS_STREAM, CALENDAR_STREAM, REVOCATION_STREAM, SIGN_OUT_STREAM];

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
