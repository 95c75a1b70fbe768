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
import { handleCommand, type CommandDependencies, type CommandOptions, type CommandResult } from './command-handler.js';
import { recording, registryCodec } from './registry-codec.js';

/** The officer and enforcement-item registries (事前公开: the officer list and the item list). */
export class RegistryService {
  constructor(private readonly deps: CommandDependencies) {}

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
