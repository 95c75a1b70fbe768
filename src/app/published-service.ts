import type { ExpectedHead } from './command-handler.js';
import type { Actor } from '../domain/actor.js';
import type { Decider } from '../domain/decider.js';
import { flowChartDecider, flowChartStream, type FlowChart } from '../domain/published/flow-chart.js';
import {
  inspectionEntryDecider,
  inspectionEntryStream,
  type InspectionEntry,
} from '../domain/published/inspection-list.js';
import type { PublishedKind } from '../domain/published/kinds.js';
import { reviewChartDecider, reviewChartStream } from '../domain/published/review-chart.js';
import { postBoardDecider, postBoardStream, type PostBoard } from '../domain/published/post-board.js';
import { serviceGuideDecider, serviceGuideStream, type ServiceGuide } from '../domain/published/service-guide.js';
import type { VersionedCommand, VersionedEvent, VersionedState } from '../domain/published/versioned.js';
import { handleCommand, type CommandDependencies, type CommandOptions, type CommandResult } from './command-handler.js';
import { canonicalEqual } from './idempotency.js';
import { registryCodec } from './registry-codec.js';
import type { RegistryReader } from './registry-reader.js';

/** How a write names its document and guards its retry and its revision. */
export interface PublishTarget {
  readonly agency: string;
  readonly id: string;
  readonly eventId: string;
  readonly expectedRevision?: ExpectedHead;
}

/** One kind's rules, stream and the registry facts its rules need. */
interface Kind<D extends object, X> {
  readonly decider: Decider<VersionedCommand<D, X>, VersionedEvent<string, D>, VersionedState<D>>;
  stream(agency: string, id: string): string;
  context(registry: RegistryReader, target: PublishTarget, document: D): Promise<X>;
}

const kind = <D extends object, X>(k: Kind<D, X>) => k as unknown as Kind<object, unknown>;

/** Per kind: the documents' ids are the item's code for item flow charts and guides, a stable id for the others. */
const KINDS: Record<PublishedKind, Kind<object, unknown>> = {
  'inspection-list': kind<InspectionEntry, { item?: Awaited<ReturnType<RegistryReader['item']>> }>({
    decider: inspectionEntryDecider,
    stream: inspectionEntryStream,
    context: async (registry, { agency }, entry) =>
      entry.itemCode === undefined ? {} : { item: await registry.item(agency, entry.itemCode) },
  }),
  'flow-charts': kind<FlowChart, { item: Awaited<ReturnType<RegistryReader['item']>> }>({
    decider: flowChartDecider,
    stream: flowChartStream,
    context: async (registry, { agency, id }) => ({ item: await registry.item(agency, id) }),
  }),
  'review-charts': kind<FlowChart, undefined>({
    decider: reviewChartDecider,
    stream: reviewChartStream,
    context: () => Promise.resolve(undefined),
  }),
  'service-guides': kind<ServiceGuide, { item: Awaited<ReturnType<RegistryReader['item']>> }>({
    decider: serviceGuideDecider,
    stream: serviceGuideStream,
    context: async (registry, { agency, id }) => ({ item: await registry.item(agency, id) }),
  }),
  'post-boards': kind<PostBoard, { officer?: Awaited<ReturnType<RegistryReader['officer']>> }>({
    decider: postBoardDecider,
    stream: postBoardStream,
    context: async (registry, { agency }, board) =>
      board.officerId === undefined ? {} : { officer: await registry.officer(agency, board.officerId) },
  }),
};

/**
 * The documents published before enforcement (事前公开): each publication records a new version, each withdrawal
 * ends a document; the registry facts a document's rules need are read before deciding.
 */
export class PublishedService {
  constructor(
    private readonly deps: CommandDependencies,
    private readonly registry: RegistryReader,
  ) {}

  /** A new version of a document of `kind`: the whole document, and optionally a note on what changed. */
  async publish(
    kind: PublishedKind,
    actor: Actor,
    target: PublishTarget,
    document: object,
    note?: string,
  ): Promise<CommandResult> {
    const k = KINDS[kind];
    const context = await k.context(this.registry, target, document);
    const command: VersionedCommand<object, unknown> = {
      actor,
      agency: target.agency,
      type: 'Publish',
      document,
      ...(note === undefined ? {} : { note }),
      context,
    };
    return this.run(k, command, target, { document, ...(note === undefined ? {} : { note }) });
  }

  /** Withdraws a document of `kind` for good. */
  withdraw(kind: PublishedKind, actor: Actor, target: PublishTarget, reason: string): Promise<CommandResult> {
    const command: VersionedCommand<object, unknown> = { actor, agency: target.agency, type: 'Withdraw', reason };
    return this.run(KINDS[kind], command, target, { reason });
  }

  private run(
    k: Kind<object, unknown>,
    command: VersionedCommand<object, unknown>,
    target: PublishTarget,
    asked: object,
  ): Promise<CommandResult> {
    const codec = registryCodec<VersionedEvent<string, object>>(this.deps.clock, command.actor);
    const options: CommandOptions = {
      eventId: target.eventId,
      ...(target.expectedRevision === undefined ? {} : { expectedRevision: target.expectedRevision }),
      // a retry is the same request when its one event recorded the same document and note, or the same reason
      sameRequest: (recorded) => {
        const data = recorded[0]?.data as Record<string, unknown> | undefined;
        if (recorded.length !== 1 || !data) return false;
        const { version: _version, changed: _changed, ...rest } = data;
        return canonicalEqual(rest, asked);
      },
    };
    return handleCommand(this.deps, k.stream(target.agency, target.id), k.decider, codec, command, options);
  }
}
