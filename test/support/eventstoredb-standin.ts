/**
 * TEST DOUBLE — NOT EventStoreDB.
 *
 * A small in-memory gRPC server that answers the calls the EventStoreDB adapter makes through
 * `@eventstore/db-client` 6.2.1, so the adapter can be tested without a database server. It speaks the real wire
 * protocol: the service definitions and messages are those shipped inside the client package
 * (`generated/*_grpc_pb.js`, `*_pb.js`); the behaviour follows the server's rules as far as the adapter relies on
 * them. It implements:
 * - `ServerFeatures.GetSupportedMethods` (the client asks it first, and appends with `Streams.BatchAppend` when
 *   the server lists it, else with `Streams.Append`);
 * - `Streams.BatchAppend` and `Streams.Append`: expected revision (any, no_stream, stream_exists, exact) and
 *   idempotency by event ids at the expected revision, as the server's commit check does;
 * - `Streams.Read`: one stream forwards and backwards; `$all` forwards (from a position, inclusive) and backwards
 *   (exclusive), with event-type or stream-name filters; `$all` subscriptions with a confirmation, catch-up,
 *   caught-up (as servers from 23.10 send it; can be turned off) and live delivery.
 * Every event has a log position of its own, advancing by a made-up record size, as in the transaction log;
 * system events (`$…`) can be interleaved. Faults can be injected: an append committed whose answer is lost,
 * answered with a timeout, or cut off by an unavailable server; subscriptions closed; a restart on the same port.
 *
 * What it does NOT show: how a real server behaves under load, in a cluster (leader changes, followers), with
 * scavenging, its idempotency window for `any`, its real record sizes and positions, authentication and TLS.
 * Only a run against a real server (`EVENTSTORE_URL`) proves those.
 */
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import * as featuresGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import * as featuresPb from '@eventstore/db-client/generated/serverfeatures_pb.js';
import * as sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import * as statusPb from '@eventstore/db-client/generated/status_pb.js';
import * as streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import * as streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import { Any } from 'google-protobuf/google/protobuf/any_pb.js';
import { Empty as ProtoEmpty } from 'google-protobuf/google/protobuf/empty_pb.js';

const { ReadReq, ReadResp, AppendResp, BatchAppendResp } = streamsPb;

/** One event in the TEST DOUBLE's log. */
export interface StandInEvent {
  readonly stream: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
  readonly created: bigint;
  /** The log position of its record: the commit position of the event in `$all`. */
  readonly position: number;
  /** The log position of the first record of the append that wrote it. */
  readonly appendPosition: number;
}

/**
 * What happens to the next append request (one per fault, in order):
 * - `drop-reply`: committed, and no answer is ever sent;
 * - `timeout-reply`: committed, then answered with the server's timeout error;
 * - `unavailable-after-commit`: committed, then the call is cut off with UNAVAILABLE;
 * - `unavailable-before-commit`: cut off with UNAVAILABLE, nothing written.
 */
export type AppendFault = 'drop-reply' | 'timeout-reply' | 'unavailable-after-commit' | 'unavailable-before-commit';

export interface StandInOptions {
  /** List `Streams.BatchAppend` among the supported methods (the client then appends with it). Default true. */
  readonly batchAppend?: boolean;
  /** Send caught-up on subscriptions, as servers from 23.10 do. Default true. */
  readonly caughtUp?: boolean;
  /**
   * Report positions as older servers did (the gRPC code of EventStoreDB 20.x–21.x): the prepare position of an
   * event is that of its append's first record. Default false: commit and prepare are both the event's own log
   * position, as in later versions.
   */
  readonly legacyPositions?: boolean;
}

type Expected = 'any' | 'no_stream' | 'stream_exists' | number;
interface Proposal {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
}
type Outcome =
  | { readonly ok: true; readonly revision: number; readonly position: number }
  | { readonly ok: false; readonly current: number | null };
interface Subscriber {
  readonly call: grpc.ServerWritableStream<streamsPb.ReadReq, streamsPb.ReadResp>;
  readonly accepts: (event: StandInEvent) => boolean;
  /** The how-manieth subscription this is (0-based), as counted by `calls.subscriptions`. */
  readonly index: number;
  /** Live events held back by {@link EventStoreDbStandIn.holdDelivery}, in order. */
  held?: StandInEvent[];
}

/** Appends held by {@link EventStoreDbStandIn.holdAppends}: each waits, in arrival order, until released. */
export interface AppendGate {
  /** Resolves once `count` appends are waiting. */
  waitUntilHeld(count: number): Promise<void>;
  /** Lets the waiting appends through, one after another in arrival order, and stops holding. */
  release(): void;
}

const STREAMS_SERVICE = 'event_store.client.streams.streams';

/** TEST DOUBLE of an EventStoreDB node; see the header of this file. */
export class EventStoreDbStandIn {
  readonly faults: { appends: AppendFault[] } = { appends: [] };
  /** Requests received: appends by method (each batch of a BatchAppend call counts once), reads, subscriptions. */
  readonly calls = { features: 0, batchAppend: 0, append: 0, reads: 0, subscriptions: 0 };
  private readonly log: StandInEvent[] = [];
  private readonly streams = new Map<string, StandInEvent[]>();
  private readonly subscribers = new Set<Subscriber>();
  private nextPosition = 0;
  private appendGate:
    { matches: (stream: string) => boolean; held: (() => void)[]; waiters: (() => void)[] } | undefined;
  private server: grpc.Server | undefined;
  private boundPort = 0;

  private constructor(private readonly options: StandInOptions) {
    this.appendSystemEvent('$settings', '$settings');
    this.appendSystemEvent('$stats-127.0.0.1:2113', '$statsCollected');
  }

  /** Starts a TEST DOUBLE on 127.0.0.1 and a free port. */
  static async start(options: StandInOptions = {}): Promise<EventStoreDbStandIn> {
    const standIn = new EventStoreDbStandIn(options);
    await standIn.listen(0);
    return standIn;
  }

  get port(): number {
    return this.boundPort;
  }

  /** The connection string of a single node without TLS. */
  get url(): string {
    return `esdb://127.0.0.1:${this.boundPort}?tls=false`;
  }

  /** The whole log, system events included. */
  events(): readonly StandInEvent[] {
    return [...this.log];
  }

  /** Writes a system event (as the server's own statistics or settings would) into the log. */
  appendSystemEvent(stream = '$stats-127.0.0.1:2113', type = '$statsCollected'): void {
    this.commit(stream, [
      { id: randomUUID(), type, contentType: 'application/json', data: Buffer.from('{}'), metadata: new Uint8Array() },
    ]);
  }

  /** Writes an event that is not a ledger envelope into any stream, as another application might. */
  appendForeignEvent(stream: string, type: string, data: unknown): void {
    this.commit(stream, [
      {
        id: randomUUID(),
        type,
        contentType: 'application/json',
        data: Buffer.from(JSON.stringify(data)),
        metadata: new Uint8Array(),
      },
    ]);
  }

  /** Ends every open subscription with UNAVAILABLE, as a server closing its streams would. */
  dropSubscriptions(): void {
    for (const subscriber of [...this.subscribers]) {
      this.subscribers.delete(subscriber);
      subscriber.call.emit('error', { code: grpc.status.UNAVAILABLE, details: 'the stand-in closed the stream' });
    }
  }

  /**
   * Holds every append to a stream `matches` accepts before the commit check, so that a test can let two writers
   * read the same revision and then decide their order: no timing involved.
   */
  holdAppends(matches: (stream: string) => boolean): AppendGate {
    const gate = { matches, held: [] as (() => void)[], waiters: [] as (() => void)[] };
    this.appendGate = gate;
    return {
      waitUntilHeld: (count) =>
        new Promise<void>((resolve) => {
          const check = () => (gate.held.length >= count ? resolve() : gate.waiters.push(check));
          check();
        }),
      release: () => {
        if (this.appendGate === gate) this.appendGate = undefined;
        for (const proceed of gate.held.splice(0)) proceed();
      },
    };
  }

  /** Runs an append now, or later when a gate holds its stream. */
  private gated(stream: string, proceed: () => void): void {
    const gate = this.appendGate;
    if (!gate?.matches(stream)) return proceed();
    gate.held.push(proceed);
    for (const waiter of gate.waiters.splice(0)) waiter();
  }

  /**
   * Holds back live events from the subscriptions `which` selects (by their index, in the order they were opened),
   * as a replica whose subscription lags would see the log: `deliver(n)` lets each have its next `n` held events,
   * `release()` all of them and stops holding.
   */
  holdDelivery(which: (index: number) => boolean): { deliver(count: number): void; release(): void } {
    const held = [...this.subscribers].filter((s) => which(s.index));
    for (const subscriber of held) subscriber.held ??= [];
    const deliver = (count: number) => {
      for (const subscriber of held) {
        for (const event of subscriber.held?.splice(0, count) ?? []) subscriber.call.write(this.readEvent(event));
      }
    };
    return {
      deliver,
      release: () => {
        deliver(Number.POSITIVE_INFINITY);
        for (const subscriber of held) subscriber.held = undefined;
      },
    };
  }

  /** Stops and starts again on the same port, keeping the log: every connection and call is cut. */
  async restart(): Promise<void> {
    this.shutDown();
    await this.listen(this.boundPort);
  }

  async stop(): Promise<void> {
    this.shutDown();
  }

  private shutDown(): void {
    this.subscribers.clear();
    this.server?.forceShutdown();
    this.server = undefined;
  }

  private async listen(port: number): Promise<void> {
    const server = new grpc.Server();
    server.addService(featuresGrpc.ServerFeaturesService as unknown as grpc.ServiceDefinition, {
      getSupportedMethods: this.getSupportedMethods,
    });
    server.addService(streamsGrpc.StreamsService as unknown as grpc.ServiceDefinition, {
      read: this.read,
      append: this.append,
      batchAppend: this.batchAppend,
    });
    this.boundPort = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (err, bound) =>
        err ? reject(err) : resolve(bound),
      ),
    );
    this.server = server;
  }

  // ---- ServerFeatures

  private readonly getSupportedMethods: grpc.handleUnaryCall<sharedPb.Empty, featuresPb.SupportedMethods> = (
    _call,
    callback,
  ) => {
    this.calls.features += 1;
    const names = ['read', 'append', ...(this.options.batchAppend === false ? [] : ['batchappend'])];
    const methods = names.map((name) =>
      new featuresPb.SupportedMethod().setServiceName(STREAMS_SERVICE).setMethodName(name),
    );
    methods.push(
      new featuresPb.SupportedMethod()
        .setServiceName('event_store.client.server_features.serverfeatures')
        .setMethodName('getsupportedmethods'),
    );
    callback(null, new featuresPb.SupportedMethods().setMethodsList(methods).setEventStoreServerVersion('23.10.0'));
  };

  // ---- appends

  private readonly batchAppend: grpc.handleBidiStreamingCall<streamsPb.BatchAppendReq, streamsPb.BatchAppendResp> = (
    call,
  ) => {
    const pending = new Map<string, { options: streamsPb.BatchAppendReq.Options; messages: Proposal[] }>();
    call.on('data', (req: streamsPb.BatchAppendReq) => {
      const correlation = uuidOf(req.getCorrelationId());
      let entry = pending.get(correlation);
      if (!entry) {
        const options = req.getOptions();
        if (!options) return;
        entry = { options, messages: [] };
        pending.set(correlation, entry);
      }
      entry.messages.push(...req.getProposedMessagesList().map(proposalOf));
      if (!req.getIsFinal()) return;
      pending.delete(correlation);
      this.answerBatch(call, correlation, entry.options, entry.messages);
    });
    call.on('end', () => call.end());
  };

  private answerBatch(
    call: grpc.ServerDuplexStream<streamsPb.BatchAppendReq, streamsPb.BatchAppendResp>,
    correlation: string,
    options: streamsPb.BatchAppendReq.Options,
    proposals: Proposal[],
  ): void {
    this.calls.batchAppend += 1;
    const stream = nameOf(options.getStreamIdentifier());
    let expected: Expected = 'stream_exists';
    if (options.hasStreamPosition()) expected = Number(options.getStreamPosition());
    else if (options.hasNoStream()) expected = 'no_stream';
    else if (options.hasAny()) expected = 'any';
    this.gated(stream, () => this.commitBatch(call, correlation, stream, expected, proposals));
  }

  private commitBatch(
    call: grpc.ServerDuplexStream<streamsPb.BatchAppendReq, streamsPb.BatchAppendResp>,
    correlation: string,
    stream: string,
    expected: Expected,
    proposals: Proposal[],
  ): void {
    const fault = this.faults.appends.shift();
    if (fault === 'unavailable-before-commit') return cutOff(call);
    const outcome = this.write(stream, expected, proposals);
    if (fault === 'drop-reply') return;
    if (fault === 'unavailable-after-commit') return cutOff(call);

    const resp = new BatchAppendResp().setCorrelationId(uuidMessage(correlation)).setStreamIdentifier(streamId(stream));
    if (typeof expected === 'number') resp.setStreamPosition(String(expected));
    else if (expected === 'no_stream') resp.setNoStream(new ProtoEmpty());
    else if (expected === 'any') resp.setAny(new ProtoEmpty());
    else resp.setStreamExists(new ProtoEmpty());
    if (fault === 'timeout-reply') {
      resp.setError(rpcStatus(grpc.status.DEADLINE_EXCEEDED, 'Timeout', new sharedPb.Timeout(), 'Timeout'));
    } else if (outcome.ok) {
      const position = new sharedPb.AllStreamPosition()
        .setCommitPosition(String(outcome.position))
        .setPreparePosition(String(outcome.position));
      resp.setSuccess(new BatchAppendResp.Success().setCurrentRevision(String(outcome.revision)).setPosition(position));
    } else {
      const wrong = new sharedPb.WrongExpectedVersion();
      if (outcome.current === null) wrong.setCurrentNoStream(new ProtoEmpty());
      else wrong.setCurrentStreamRevision(String(outcome.current));
      if (typeof expected === 'number') wrong.setExpectedStreamPosition(String(expected));
      else if (expected === 'no_stream') wrong.setExpectedNoStream(new ProtoEmpty());
      else if (expected === 'any') wrong.setExpectedAny(new ProtoEmpty());
      else wrong.setExpectedStreamExists(new ProtoEmpty());
      resp.setError(rpcStatus(grpc.status.FAILED_PRECONDITION, 'WrongExpectedVersion', wrong, 'WrongExpectedVersion'));
    }
    call.write(resp);
  }

  private readonly append: grpc.handleClientStreamingCall<streamsPb.AppendReq, streamsPb.AppendResp> = (
    call,
    callback,
  ) => {
    let options: streamsPb.AppendReq.Options | undefined;
    const proposals: Proposal[] = [];
    call.on('data', (req: streamsPb.AppendReq) => {
      if (req.hasOptions()) options = req.getOptions();
      else if (req.hasProposedMessage()) proposals.push(proposalOf(req.getProposedMessage()!));
    });
    call.on('end', () => {
      if (!options) return callback({ code: grpc.status.INVALID_ARGUMENT, details: 'no options' });
      this.calls.append += 1;
      const stream = nameOf(options.getStreamIdentifier());
      let expected: Expected = 'stream_exists';
      if (options.hasRevision()) expected = Number(options.getRevision());
      else if (options.hasNoStream()) expected = 'no_stream';
      else if (options.hasAny()) expected = 'any';
      this.gated(stream, () => this.commitAppend(callback, stream, expected, proposals));
    });
  };

  private commitAppend(
    callback: grpc.sendUnaryData<streamsPb.AppendResp>,
    stream: string,
    expected: Expected,
    proposals: Proposal[],
  ): void {
    const fault = this.faults.appends.shift();
    const unavailable = { code: grpc.status.UNAVAILABLE, details: 'the stand-in cut the call off' };
    if (fault === 'unavailable-before-commit') return callback(unavailable);
    const outcome = this.write(stream, expected, proposals);
    if (fault === 'drop-reply') return; // the client's deadline ends the call
    if (fault === 'unavailable-after-commit') return callback(unavailable);
    if (fault === 'timeout-reply') return callback({ code: grpc.status.DEADLINE_EXCEEDED, details: 'Timeout' });
    const resp = new AppendResp();
    if (outcome.ok) {
      const position = new AppendResp.Position()
        .setCommitPosition(String(outcome.position))
        .setPreparePosition(String(outcome.position));
      resp.setSuccess(new AppendResp.Success().setCurrentRevision(String(outcome.revision)).setPosition(position));
    } else {
      const wrong = new AppendResp.WrongExpectedVersion();
      if (outcome.current === null) wrong.setCurrentNoStream(new sharedPb.Empty());
      else wrong.setCurrentRevision(String(outcome.current));
      if (typeof expected === 'number') wrong.setExpectedRevision(String(expected));
      else if (expected === 'no_stream') wrong.setExpectedNoStream(new sharedPb.Empty());
      else if (expected === 'any') wrong.setExpectedAny(new sharedPb.Empty());
      else wrong.setExpectedStreamExists(new sharedPb.Empty());
      resp.setWrongExpectedVersion(wrong);
    }
    callback(null, resp);
  }

  /** The server's commit check: expected revision, and idempotency by the event ids at that revision. */
  private write(stream: string, expected: Expected, proposals: Proposal[]): Outcome {
    const events = this.streams.get(stream) ?? [];
    const current = events.length - 1;
    const currentOrNull = current < 0 ? null : current;
    const storedFrom = (start: number) => proposals.every((p, i) => events[start + i]?.id === p.id);
    const idempotent = (last: number): Outcome => ({ ok: true, revision: last, position: events[last]!.position });
    if (expected === 'any' || expected === 'stream_exists') {
      if (expected === 'stream_exists' && current < 0) return { ok: false, current: null };
      const at = events.findIndex((e) => e.id === proposals[0]!.id);
      if (at >= 0) return storedFrom(at) ? idempotent(at + proposals.length - 1) : { ok: false, current };
    } else {
      const revision = expected === 'no_stream' ? -1 : expected;
      if (revision > current) return { ok: false, current: currentOrNull };
      if (revision < current) {
        return storedFrom(revision + 1)
          ? idempotent(revision + proposals.length)
          : { ok: false, current: currentOrNull };
      }
    }
    const written = this.commit(stream, proposals);
    const last = written[written.length - 1]!;
    return { ok: true, revision: last.revision, position: last.position };
  }

  /** Writes events as consecutive records and hands them to the live subscriptions. */
  private commit(stream: string, proposals: readonly Proposal[]): StandInEvent[] {
    const events = this.streams.get(stream) ?? [];
    this.streams.set(stream, events);
    const created = BigInt(Date.now()) * 10_000n;
    const appendPosition = this.nextPosition;
    const written = proposals.map((p) => {
      const event: StandInEvent = {
        ...p,
        stream,
        revision: events.length,
        created,
        position: this.nextPosition,
        appendPosition,
      };
      // a made-up record length, as the transaction log would advance
      this.nextPosition += 120 + stream.length + p.type.length + p.data.length + p.metadata.length;
      events.push(event);
      this.log.push(event);
      return event;
    });
    for (const subscriber of this.subscribers) {
      for (const event of written) {
        if (!subscriber.accepts(event)) continue;
        if (subscriber.held) subscriber.held.push(event);
        else subscriber.call.write(this.readEvent(event));
      }
    }
    return written;
  }

  // ---- reads and subscriptions

  private readonly read: grpc.handleServerStreamingCall<streamsPb.ReadReq, streamsPb.ReadResp> = (call) => {
    const options = call.request.getOptions();
    if (!options) {
      call.emit('error', { code: grpc.status.INVALID_ARGUMENT, details: 'no options' });
      return;
    }
    try {
      if (options.getCountOptionCase() === ReadReq.Options.CountOptionCase.SUBSCRIPTION) {
        this.subscribe(call, options);
        return;
      }
      this.calls.reads += 1;
      const count = Number(options.getCount());
      const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
      if (options.hasStream()) {
        const streamOptions = options.getStream()!;
        const name = nameOf(streamOptions.getStreamIdentifier());
        const events = this.streams.get(name);
        if (!events) {
          call.write(
            new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(streamId(name))),
          );
          call.end();
          return;
        }
        let selected: StandInEvent[];
        if (backwards) {
          const from = streamOptions.hasEnd()
            ? events.length - 1
            : streamOptions.hasStart()
              ? 0
              : Math.min(Number(streamOptions.getRevision()), events.length - 1);
          selected = events.slice(0, from + 1).reverse();
        } else {
          const from = streamOptions.hasStart()
            ? 0
            : streamOptions.hasEnd()
              ? events.length
              : Number(streamOptions.getRevision());
          selected = events.slice(from);
        }
        for (const event of selected.slice(0, count)) call.write(this.readEvent(event));
        call.end();
        return;
      }
      const all = options.getAll()!;
      const accepts = filterOf(options);
      let selected: StandInEvent[];
      // as the server's $all reader: an event's place is (its position, its position); forwards is inclusive
      if (backwards) {
        const before = all.hasEnd() ? END : all.hasStart() ? START : this.checkedPosition(all);
        selected = this.log.filter((e) => compare(e, before) < 0).reverse();
      } else {
        const from = all.hasStart() ? START : all.hasEnd() ? END : this.checkedPosition(all);
        selected = this.log.filter((e) => compare(e, from) >= 0);
      }
      for (const event of selected.filter(accepts).slice(0, count)) call.write(this.readEvent(event));
      call.end();
    } catch (err) {
      call.emit('error', { code: grpc.status.INVALID_ARGUMENT, details: (err as Error).message });
    }
  };

  private subscribe(
    call: grpc.ServerWritableStream<streamsPb.ReadReq, streamsPb.ReadResp>,
    options: streamsPb.ReadReq.Options,
  ): void {
    const index = this.calls.subscriptions;
    this.calls.subscriptions += 1;
    if (!options.hasAll()) throw new Error('the stand-in subscribes to $all only');
    const all = options.getAll()!;
    const accepts = filterOf(options);
    // a subscription starts after its position
    const after = all.hasStart() ? BEFORE_START : all.hasEnd() ? END : this.checkedPosition(all);
    call.write(new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())));
    for (const event of this.log) if (compare(event, after) > 0 && accepts(event)) call.write(this.readEvent(event));
    if (this.options.caughtUp !== false) call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
    const subscriber: Subscriber = { call, accepts, index };
    this.subscribers.add(subscriber);
    const forget = () => this.subscribers.delete(subscriber);
    call.on('cancelled', forget);
    call.on('close', forget);
    call.on('error', forget);
  }

  /** The commit position of a `$all` position is where the server starts reading: it must be a record's. */
  private checkedPosition(all: streamsPb.ReadReq.Options.AllOptions): LogPlace {
    const position = all.getPosition()!;
    const commit = Number(position.getCommitPosition());
    const prepare = Number(position.getPreparePosition());
    if (commit !== this.nextPosition && !this.log.some((e) => e.position === commit)) {
      throw new Error(`invalid $all position ${commit}/${prepare}`);
    }
    return { commit, prepare };
  }

  private readEvent(event: StandInEvent): streamsPb.ReadResp {
    const prepare = this.options.legacyPositions ? event.appendPosition : event.position;
    const recorded = new ReadResp.ReadEvent.RecordedEvent()
      .setId(uuidMessage(event.id))
      .setStreamIdentifier(streamId(event.stream))
      .setStreamRevision(String(event.revision))
      .setCommitPosition(String(event.position))
      .setPreparePosition(String(prepare))
      .setCustomMetadata(event.metadata)
      .setData(event.data);
    recorded
      .getMetadataMap()
      .set('type', event.type)
      .set('content-type', event.contentType)
      .set('created', String(event.created));
    return new ReadResp().setEvent(
      new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(String(event.position)),
    );
  }
}

interface LogPlace {
  readonly commit: number;
  readonly prepare: number;
}
const START: LogPlace = { commit: 0, prepare: 0 };
const BEFORE_START: LogPlace = { commit: -1, prepare: -1 };
const END: LogPlace = { commit: Number.POSITIVE_INFINITY, prepare: Number.POSITIVE_INFINITY };

/** Orders an event, whose place in `$all` is (its position, its position), against a requested position. */
function compare(event: StandInEvent, place: LogPlace): number {
  if (event.position !== place.commit) return event.position - place.commit;
  return event.position - place.prepare;
}

function filterOf(options: streamsPb.ReadReq.Options): (event: StandInEvent) => boolean {
  if (!options.hasFilter()) return () => true;
  const filter = options.getFilter()!;
  const expression = filter.hasEventType() ? filter.getEventType()! : filter.getStreamIdentifier()!;
  const field = (event: StandInEvent) => (filter.hasEventType() ? event.type : event.stream);
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  const prefixes = expression.getPrefixList();
  return (event) =>
    (!regex || regex.test(field(event))) && (prefixes.length === 0 || prefixes.some((p) => field(event).startsWith(p)));
}

function proposalOf(message: streamsPb.BatchAppendReq.ProposedMessage | streamsPb.AppendReq.ProposedMessage): Proposal {
  const metadata = message.getMetadataMap();
  return {
    id: uuidOf(message.getId()),
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
}

/** Status of a refused batch append, with the server's detail message packed as `Any`. */
function rpcStatus(
  code: number,
  message: string,
  detail: { serializeBinary(): Uint8Array },
  detailName: string,
): statusPb.Status {
  const details = new Any();
  details.pack(detail.serializeBinary(), `event_store.client.${detailName}`);
  return new statusPb.Status().setCode(code).setMessage(message).setDetails(details);
}

function cutOff(call: grpc.ServerDuplexStream<streamsPb.BatchAppendReq, streamsPb.BatchAppendResp>): void {
  call.emit('error', { code: grpc.status.UNAVAILABLE, details: 'the stand-in cut the call off' });
}

function nameOf(identifier: sharedPb.StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

function streamId(name: string): sharedPb.StreamIdentifier {
  return new sharedPb.StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));
}

/** Event ids as the server keeps them: parsed, and written back in lower case. */
function uuidOf(uuid: sharedPb.UUID | undefined): string {
  if (!uuid) return '';
  if (uuid.hasStructured()) {
    const s = uuid.getStructured()!;
    const hex =
      BigInt.asUintN(64, BigInt(s.getMostSignificantBits())).toString(16).padStart(16, '0') +
      BigInt.asUintN(64, BigInt(s.getLeastSignificantBits())).toString(16).padStart(16, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  return uuid.getString().toLowerCase();
}

function uuidMessage(id: string): sharedPb.UUID {
  return new sharedPb.UUID().setString(id);
}
