import type { Actor } from '../domain/actor.js';
import {
  itemDecider,
  itemStream,
  type ItemCommand,
  type ItemEvent,
  type ItemProfile,
} from '../domain/registry/items.js';
import {
  officerDecider,
  officerStream,
  type OfficerCommand,
  type OfficerEvent,
  type OfficerProfile,
} from '../domain/registry/officers.js';
import {
  benchmarkDecider,
  benchmarkStream,
  type BenchmarkProfile,
  type BenchmarkSet,
} from '../domain/registry/benchmarks.js';
import { handleCommand, type CommandDependencies, type CommandOptions, type CommandResult } from './command-handler.js';
import { recording, registryCodec } from './registry-codec.js';
import { RegistryReader } from './registry-reader.js';
import { canonicalEqual } from './idempotency.js';

/** The officer and enforcement-item registries (事前公开: the officer list and the item list). */
export class RegistryService {
  private readonly reader: RegistryReader;

  constructor(private readonly deps: CommandDependencies) {
    this.reader = new RegistryReader(deps.events);
  }

  /**
   * Sets a version of an item's discretion benchmark (裁量基准) in the actor's own agency: the item is read from
   * its stream first, and a benchmark of an item not on the list (or retired) is refused.
   */
  setBenchmark(actor: Actor, profile: BenchmarkProfile, reason: string | undefined, eventId: string) {
    const codec = registryCodec<BenchmarkSet>(this.deps.clock, actor);
    const asked = { ...profile, ...(reason ? { reason } : {}) };
    return handleCommand(
      this.deps,
      benchmarkStream(actor.agency, profile.itemCode),
      benchmarkDecider,
      codec,
      async () => ({
        type: 'SetBenchmark' as const,
        actor,
        profile,
        ...(reason ? { reason } : {}),
        item: profile.agency === actor.agency ? await this.reader.item(actor.agency, profile.itemCode) : undefined,
      }),
      {
        eventId,
        sameRequest: (recorded) => {
          if (recorded.length !== 1) return false;
          const { version: _version, ...data } = recorded[0]!.data as Record<string, unknown>;
          return canonicalEqual(data, asked);
        },
      },
    );
  }

  /** Registers an officer in the actor's own agency (the rules refuse a profile of another agency). */
  registerOfficer(actor: Actor, profile: OfficerProfile, eventId: string): Promise<CommandResult> {
    return this.officerCommand(
      actor.agency,
      profile.officerId,
      { type: 'RegisterOfficer', actor, profile },
      { eventId, sameRequest: recording('OfficerRegistered', profile) },
    );
  }

  officerCommand(
    agency: string,
    officerId: string,
    command: OfficerCommand,
    options: CommandOptions,
  ): Promise<CommandResult> {
    const codec = registryCodec<OfficerEvent>(this.deps.clock, command.actor);
    return handleCommand(this.deps, officerStream(agency, officerId), officerDecider, codec, command, options);
  }

  /** Registers an item in the actor's own agency (the rules refuse a profile of another agency). */
  registerItem(actor: Actor, profile: ItemProfile, eventId: string): Promise<CommandResult> {
    return this.itemCommand(
      actor.agency,
      profile.code,
      { type: 'RegisterItem', actor, profile },
      { eventId, sameRequest: recording('ItemRegistered', profile) },
    );
  }

  itemCommand(agency: string, code: string, command: ItemCommand, options: CommandOptions): Promise<CommandResult> {
    const codec = registryCodec<ItemEvent>(this.deps.clock, command.actor);
    return handleCommand(this.deps, itemStream(agency, code), itemDecider, codec, command, options);
  }
}
