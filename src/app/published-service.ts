import type { Actor } from '../domain/actor.js';
import {
  inspectionEntryDecider,
  inspectionEntryStream,
  type InspectionEntry,
} from '../domain/published/inspection-list.js';
import type { Decider } from '../domain/decider.js';
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
  readonly expectedRevision?: number;
}

/**
 * The documents published before enforcement (事前公开): each publication records a new version, each withdrawal
 * ends a document; the registry facts a document's rules need are read before deciding.
 */
export class PublishedService {
  constructor(
    private readonly deps: CommandDependencies,
    private readonly registry: RegistryReader,
  ) {}

  /** A new version of an entry of the random-inspection list (随机抽查事项清单). */
  async publishInspectionEntry(
    actor: Actor,
    target: PublishTarget,
    document: InspectionEntry,
    note?: string,
  ): Promise<CommandResult> {
    const item =
      document.itemCode === undefined ? undefined : await this.registry.item(target.agency, document.itemCode);
    return this.publish(
      inspectionEntryDecider,
      inspectionEntryStream(target.agency, target.id),
      {
        actor,
        agency: target.agency,
        type: 'Publish',
        document,
        ...(note === undefined ? {} : { note }),
        context: { ...(item ? { item } : {}) },
      },
      target,
    );
  }

  withdrawInspectionEntry(actor: Actor, target: PublishTarget, reason: string): Promise<CommandResult> {
    return this.publish(
      inspectionEntryDecider,
      inspectionEntryStream(target.agency, target.id),
      { actor, agency: target.agency, type: 'Withdraw', reason },
      target,
    );
  }

  private publish<K extends string, D extends object, X>(
    decider: Decider<VersionedCommand<D, X>, VersionedEvent<K, D>, VersionedState<D>>,
    stream: string,
    command: VersionedCommand<D, X>,
    target: PublishTarget,
  ): Promise<CommandResult> {
    const codec = registryCodec<VersionedEvent<K, D>>(this.deps.clock, command.actor);
    const asked =
      command.type === 'Publish'
        ? { document: command.document, ...(command.note === undefined ? {} : { note: command.note }) }
        : { reason: command.reason };
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
    return handleCommand(this.deps, stream, decider, codec, command, options);
  }
}
