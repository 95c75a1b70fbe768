import type { Signer } from '../ledger/ed25519.js';
import { sealEvents } from '../ledger/envelope.js';
import { timestampedMessage, timestampRequest, tokenOfResponse } from '../ledger/timestamp-request.js';
import { verifyTimestampToken, type TimestampRoots } from '../ledger/timestamp-verify.js';
import type { Clock } from '../ports/clock.js';
import type { EventStore } from '../ports/event-store.js';
import type { TimeStampAuthority } from '../ports/time-stamping.js';
import { RevisionConflict } from '../errors.js';
import type { StreamLocks } from './stream-locks.js';
import { checkStoredEvents } from './stored-events.js';
import type { SignedCheckpoint } from './transparency-log.js';

/** How often the latest checkpoint is looked at (a new one, or a retry that is due). */
export const TIMESTAMP_POLL_MS = 5_000;
/** Backoff after a failed request to an authority: 2 s, doubling, at most 5 minutes. */
export const TIMESTAMP_BACKOFF_MS = { first: 2_000, max: 300_000 } as const;
/** How many of the stream's last events are read to see whether another replica stamped the checkpoint already. */
const LOOK_BACK = 16;

export interface TimestampAuthorityEntry {
  readonly authority: TimeStampAuthority;
  /** The certificates its tokens must chain to (`TSA_CA_FILES`). */
  readonly roots: TimestampRoots;
}

export interface CheckpointTimestampsDependencies {
  readonly log: { latest(): SignedCheckpoint | undefined };
  readonly events: EventStore;
  readonly locks: StreamLocks;
  readonly signer: Signer;
  readonly clock: Clock;
  readonly newId: () => string;
  readonly stream: string;
  readonly authorities: readonly TimestampAuthorityEntry[];
  /** 8 random bytes for each request's nonce. */
  readonly nonce: () => Uint8Array;
  readonly onError?: (err: unknown, tsa: string) => void;
  readonly onStamped?: (checkpoint: { size: number; tsa: string; genTime: string }) => void;
}

interface AuthorityState {
  failures: number;
  nextAttemptMs: number;
}

/**
 * Time-stamps the latest checkpoint with every configured RFC 3161 authority (docs/integrity.md §15), in the
 * background: nothing waits for it, neither appends nor issuing. Each verified token is recorded as a signed
 * `CheckpointTimestamped` event in the checkpoint stream, right after the events of the checkpoint it stamps.
 *
 * Only the latest checkpoint is stamped: one superseded before its authority answered (or while the authority was
 * down) is covered by the next, whose time-stamp would come no earlier. A failed request is retried with backoff.
 */
export class CheckpointTimestamps {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  readonly #state = new Map<string, AuthorityState>();

  constructor(private readonly deps: CheckpointTimestampsDependencies) {}

  start(): void {
    if (this.deps.authorities.length === 0) return;
    this.#timer ??= setInterval(() => this.nudge(), TIMESTAMP_POLL_MS);
    this.#timer.unref();
    this.nudge();
  }

  /** Looks at the latest checkpoint now (after one was issued). */
  nudge(): void {
    if (this.deps.authorities.length === 0) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#round().finally(() => {
      this.#running = undefined;
      if (this.#again) {
        this.#again = false;
        this.nudge();
      }
    });
  }

  /** Stops the timer and waits for the requests in progress. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#again = false;
    await this.#running;
  }

  /** Settles the current round (tests). */
  async settled(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #round(): Promise<void> {
    const latest = this.deps.log.latest();
    if (!latest) return;
    const now = this.deps.clock.now().getTime();
    await Promise.all(
      this.deps.authorities.map(async (entry) => {
        const url = entry.authority.url;
        if (latest.timestamps.some((t) => t.tsa === url)) return;
        const state = this.#state.get(url) ?? { failures: 0, nextAttemptMs: 0 };
        this.#state.set(url, state);
        if (now < state.nextAttemptMs) return;
        try {
          await this.#stamp(entry, latest);
          state.failures = 0;
          state.nextAttemptMs = 0;
        } catch (err) {
          state.failures += 1;
          const delay = Math.min(TIMESTAMP_BACKOFF_MS.max, TIMESTAMP_BACKOFF_MS.first * 2 ** (state.failures - 1));
          state.nextAttemptMs = now + delay;
          this.deps.onError?.(err, url);
        }
      }),
    );
  }

  async #stamp(entry: TimestampAuthorityEntry, checkpoint: SignedCheckpoint): Promise<void> {
    const url = entry.authority.url;
    const message = timestampedMessage(checkpoint.note, checkpoint.origin);
    const nonce = this.deps.nonce();
    const response = await entry.authority.stamp(timestampRequest(message, nonce));
    const token = tokenOfResponse(response, message, nonce);
    const { genTime } = verifyTimestampToken(token, message, entry.roots);
    const stream = this.deps.stream;
    await this.deps.locks.run(stream, async () => {
      const recent = await this.deps.events.readStream(stream, { direction: 'backward', limit: LOOK_BACK });
      const last = recent[0]?.event;
      if (!last) return;
      checkStoredEvents(stream, [last]);
      const sameCheckpoint = (data: unknown) => (data as { size?: unknown }).size === checkpoint.size;
      // a newer checkpoint was issued meanwhile: it is stamped next, and this token is not needed
      if (!sameCheckpoint(last.data)) return;
      const stamped = recent.some(
        ({ event }) =>
          event.type === 'CheckpointTimestamped' &&
          sameCheckpoint(event.data) &&
          (event.data as { tsa?: unknown }).tsa === url,
      );
      if (stamped) return;
      const at = this.deps.clock.now().toISOString();
      const [sealed] = sealEvents(
        stream,
        { revision: last.revision, hash: last.hash },
        [
          {
            id: this.deps.newId(),
            type: 'CheckpointTimestamped',
            schemaVersion: 1,
            occurredAt: genTime,
            actor: { sub: 'ledger', agency: 'ledger', roles: [] },
            data: {
              origin: checkpoint.origin,
              size: checkpoint.size,
              rootHash: checkpoint.rootHash,
              note: checkpoint.note,
              tsa: url,
              token: Buffer.from(token).toString('base64'),
              genTime,
            },
            media: [],
          },
        ],
        this.deps.signer,
        at,
      );
      try {
        await this.deps.events.append(stream, [sealed!], last.revision);
      } catch (err) {
        if (err instanceof RevisionConflict) return; // another checkpoint or stamp came first: looked at next round
        throw err;
      }
      this.deps.onStamped?.({ size: checkpoint.size, tsa: url, genTime });
    });
  }
}
