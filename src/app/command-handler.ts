import type { Decider } from '../domain/decider.js';
import { RuleViolation } from '../domain/errors.js';
import { DuplicateEventId, LedgerError, RevisionConflict } from '../errors.js';
import { sealEvents, type EventDraft, type EventEnvelope, type StreamHead } from '../ledger/envelope.js';
import type { Signer } from '../ledger/ed25519.js';
import type { Clock } from '../ports/clock.js';
import type { EventStore, RecordedEvent, StreamRead } from '../ports/event-store.js';
import { ReadAhead, readTogether } from './read-ahead.js';
import type { CachedStream, StateCache } from './state-cache.js';
import { checkStoredEvents } from './stored-events.js';
import type { StreamLocks } from './stream-locks.js';
import { derivedId } from './idempotency.js';

/** How a decider's events become envelopes and back. */
export interface EventCodec<E> {
  toDraft(event: E, id: string): EventDraft;
  fromEnvelope(envelope: EventEnvelope): E;
}

/**
 * What `If-Match` asks of the stream a write goes to: the revision the client last saw (a different current revision
 * is a conflict, never retried), or `exists` (`If-Match: *`, RFC 9110 §13.1.1): the stream must have an event.
 */
/** A revision the stream must be at; `exists`: it must have an event; `absent`: it must have none (a creation). */
export type ExpectedHead = number | 'exists' | 'absent';

export interface CommandOptions {
  /** What `If-Match` asks of the stream ({@link ExpectedHead}); a write that does not meet it is `409 revision_conflict`. */
  readonly expectedRevision?: ExpectedHead;
  /** The id of the first event: a retried request with the same id returns the original result. */
  readonly eventId: string;
  /**
   * Whether the events a command with this `eventId` recorded are what this request asks for: a retry must be the
   * same request, else `422 idempotency_key_reused`. Without it, any request under the id is a retry.
   */
  readonly sameRequest?: (recorded: readonly EventEnvelope[]) => boolean;
  /**
   * Runs on every attempt whose rules produced events, before they are sealed and appended: what must be true
   * elsewhere first (a claim on another stream). What it throws is the command's answer, and nothing is appended.
   */
  readonly beforeAppend?: () => Promise<void>;
}

/** Streams a command reads besides its own, read in the same store call as its own. */
export interface ReadAlongside<S> {
  /**
   * The reads, given the stream's state as last folded here (undefined when not held): their events reach the
   * command as its {@link ReadAhead}. A command that then needs another stream, or the same from another revision,
   * reads it itself.
   */
  readonly alongside?: (known: S | undefined) => readonly StreamRead[];
}

export interface CommandResult {
  readonly stream: string;
  readonly revision: number;
  readonly position: number;
  readonly hash: string;
  readonly events: readonly EventEnvelope[];
  /**
   * False when this was a retry of a command already recorded, or when the rules found nothing to record (then
   * `events` is empty and the rest is the stream's head as it stands).
   */
  readonly created: boolean;
}

/**
 * The event a command recorded (or, on a retry, had recorded), for a command whose rules always record exactly
 * one or refuse: a result without one breaks that assumption and is an internal error naming `command`, never an
 * answer built from nothing. A command whose rules may find nothing to record reads `events` itself.
 */
export function recordedEvent(result: CommandResult, command: string): EventEnvelope {
  const event = result.events[0];
  if (!event) throw new Error(`${command} recorded no event on ${result.stream}, where its rules always record one`);
  return event;
}

export interface CommandDependencies {
  readonly events: EventStore;
  readonly signer: Signer;
  readonly clock: Clock;
  /** Serialises this process's commands per stream; without it, concurrent commands rely on retries alone. */
  readonly locks?: StreamLocks;
  /** Folded states of recently used streams; without it, every command replays its whole stream. */
  readonly cache?: StateCache;
}

const MAX_ATTEMPTS = 10;

/** The most events one command (a batch of acts) may record. */
export const MAX_EVENTS_PER_COMMAND = 100;

/** Jittered, growing pause before a retry, so that replicas that collided do not collide again. */
function backoff(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(100, 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Load → decide → seal → append. A conflict caused by a concurrent writer reloads the stream and decides
 * again (bounded): the rules always see the stream as it is, and nothing is overwritten.
 */
export function handleCommand<C, E, S>(
  deps: CommandDependencies,
  stream: string,
  decider: Decider<C, E, S>,
  codec: EventCodec<E>,
  command: C | ((state: S, ahead: ReadAhead) => C | Promise<C>),
  options: CommandOptions & ReadAlongside<S>,
): Promise<CommandResult> {
  const run = () => decideAndAppend(deps, stream, decider, codec, command, options);
  return deps.locks ? deps.locks.run(stream, run) : run();
}

async function decideAndAppend<C, E, S>(
  deps: CommandDependencies,
  stream: string,
  decider: Decider<C, E, S>,
  codec: EventCodec<E>,
  command: C | ((state: S, ahead: ReadAhead) => C | Promise<C>),
  options: CommandOptions & ReadAlongside<S>,
): Promise<CommandResult> {
  let duplicate: DuplicateEventId | undefined;
  for (let attempt = 1; ; attempt++) {
    const { current, ahead } = await load(deps, stream, decider, codec, options.alongside);
    if (current.ids.has(options.eventId)) {
      const recorded = await deps.events.readStream(stream);
      const replay = recorded.find((r) => r.event.id === options.eventId)!;
      return replayed(stream, recorded, replay.event, options.sameRequest);
    }
    if (duplicate) throw duplicate;
    const head: StreamHead | null = current.revision >= 0 ? { revision: current.revision, hash: current.hash } : null;
    if (!meetsExpected(options.expectedRevision, current.revision)) {
      const expected = options.expectedRevision;
      throw new RevisionConflict(
        stream,
        typeof expected === 'number' ? expected : String(expected),
        head?.revision ?? null,
      );
    }
    const state = current.state as S;
    const resolved =
      typeof command === 'function'
        ? await (command as (state: S, ahead: ReadAhead) => C | Promise<C>)(state, ahead)
        : command;
    const produced = decider.decide(resolved, state);
    // a command the rules find already satisfied records nothing: the answer is the stream as it stands
    if (produced.length === 0) return unchanged(stream, current);
    if (produced.length > MAX_EVENTS_PER_COMMAND)
      throw new Error(`a command may record at most ${MAX_EVENTS_PER_COMMAND} events`);
    await options.beforeAppend?.();
    const drafts = produced.map((event, i) =>
      codec.toDraft(event, i === 0 ? options.eventId : derivedId(options.eventId, i)),
    );
    const sealed = sealEvents(stream, head, drafts, deps.signer, deps.clock.now().toISOString());
    try {
      const result = await deps.events.append(stream, sealed, head ? head.revision : 'no_stream');
      if (deps.cache) {
        const ids = current.ids;
        for (const event of sealed) ids.add(event.id);
        const next = sealed.reduce((s, e) => decider.evolve(s, codec.fromEnvelope(e)), state);
        deps.cache.set(stream, {
          revision: result.revision,
          hash: result.hash,
          position: result.position,
          state: next,
          ids,
        });
      }
      return {
        stream,
        revision: result.revision,
        position: result.position,
        hash: result.hash,
        events: sealed,
        created: true,
      };
    } catch (err) {
      if (err instanceof DuplicateEventId && sealed.some((event) => event.id === err.eventId)) {
        // the same request, decided at the same time by another replica, got there first: its events are the
        // answer (a reload finds them); an id held by anything else stays an error
        duplicate = err;
        continue;
      }
      // a revision asked for is never retried; `exists` still holds after another write, so it is
      if (!(err instanceof RevisionConflict) || typeof options.expectedRevision === 'number' || attempt >= MAX_ATTEMPTS)
        throw err;
      await backoff(attempt);
    }
  }
}

/**
 * The stream's folded state: from the cache plus the events recorded since, or from the whole stream, and the
 * streams read alongside it. Events read from the store are checked first ({@link checkStoredEvents}): a command
 * never chains onto an altered event.
 */
async function load<C, E, S>(
  deps: CommandDependencies,
  stream: string,
  decider: Decider<C, E, S>,
  codec: EventCodec<E>,
  alongside: ReadAlongside<S>['alongside'],
): Promise<{ current: CachedStream; ahead: ReadAhead }> {
  const cached = deps.cache?.get(stream);
  const own: StreamRead = { stream, fromRevision: cached ? cached.revision + 1 : 0 };
  const others = alongside?.(cached?.state as S | undefined) ?? [];
  const [recorded, ...results] =
    others.length === 0
      ? [await deps.events.readStream(stream, { fromRevision: own.fromRevision })]
      : await readTogether(deps.events, [own, ...others]);
  const ahead = others.length === 0 ? ReadAhead.none : new ReadAhead(others, results);
  return { current: fold(deps, stream, decider, codec, cached, recorded!), ahead };
}

function fold<C, E, S>(
  deps: CommandDependencies,
  stream: string,
  decider: Decider<C, E, S>,
  codec: EventCodec<E>,
  cached: CachedStream | undefined,
  recorded: readonly RecordedEvent[],
): CachedStream {
  if (cached && recorded.length === 0) return cached;
  // The head a command chains onto must be the stored last event as it was sealed: every event read is re-hashed
  // and linked to the one before (the cached head was checked when it was read).
  checkStoredEvents(
    stream,
    recorded.map((r) => r.event),
    { after: cached ? { revision: cached.revision, hash: cached.hash } : null },
  );
  let state = (cached?.state as S | undefined) ?? decider.initialState();
  const ids = cached?.ids ?? new Set<string>();
  for (const r of recorded) {
    state = decider.evolve(state, codec.fromEnvelope(r.event));
    ids.add(r.event.id);
  }
  const last = recorded[recorded.length - 1];
  const loaded: CachedStream = last
    ? { revision: last.event.revision, hash: last.event.hash, position: last.position, state, ids }
    : { revision: -1, hash: '', position: 0, state, ids };
  if (deps.cache && last) deps.cache.set(stream, loaded);
  return loaded;
}

function unchanged(stream: string, current: CachedStream): CommandResult {
  return {
    stream,
    revision: current.revision,
    position: current.position,
    hash: current.hash,
    events: [],
    created: false,
  };
}

function replayed(
  stream: string,
  recorded: readonly { position: number; event: EventEnvelope }[],
  first: EventEnvelope,
  sameRequest: CommandOptions['sameRequest'],
): CommandResult {
  const ids = new Set(
    Array.from({ length: MAX_EVENTS_PER_COMMAND }, (_, i) => (i === 0 ? first.id : derivedId(first.id, i))),
  );
  const ours = recorded.filter((r) => ids.has(r.event.id));
  const events = ours.map((r) => r.event);
  if (sameRequest && !sameRequest(events)) {
    throw new RuleViolation(
      'idempotency_key_reused',
      422,
      'this Idempotency-Key, or the event id the request names, was used for another request; nothing was recorded',
    );
  }
  const last = ours[ours.length - 1]!;
  return {
    stream,
    revision: last.event.revision,
    position: last.position,
    hash: last.event.hash,
    events,
    created: false,
  };
}

/**
 * A decider over a list of commands: each is decided on the state the events before it leave, so the list is
 * lawful as a sequence; the events are then appended together (all or none). A refusal of one of several names its
 * index in the list (`actIndex` of its details).
 */
export function batchOf<C, E, S>(decider: Decider<C, E, S>): Decider<readonly C[], E, S> {
  return {
    initialState: decider.initialState,
    evolve: decider.evolve,
    decide(commands, state) {
      const events: E[] = [];
      let current = state;
      for (const [index, command] of commands.entries()) {
        let decided: readonly E[];
        try {
          decided = decider.decide(command, current);
        } catch (err) {
          // of several, the refusal says which was refused: its index in the batch (`actIndex`)
          if (commands.length > 1 && err instanceof LedgerError && !('actIndex' in err.details)) {
            Object.assign(err, { details: { ...err.details, actIndex: index } });
          }
          throw err;
        }
        for (const event of decided) {
          events.push(event);
          current = decider.evolve(current, event);
        }
      }
      return events;
    },
  };
}

/** Whether a stream at `revision` (-1: no event) meets what `If-Match` asked ({@link ExpectedHead}); nothing asked, yes. */
export function meetsExpected(expected: ExpectedHead | undefined, revision: number): boolean {
  if (expected === undefined) return true;
  if (expected === 'exists') return revision >= 0;
  if (expected === 'absent') return revision < 0;
  return expected === revision;
}
