import type { ExpectedHead } from './command-handler.js';
import type { Actor } from '../domain/actor.js';
import {
  deviceDecider,
  deviceStream,
  type DeviceCommand,
  type DeviceEvent,
  type DeviceProfile,
  type DeviceStatus,
} from '../domain/registry/devices.js';
import {
  recordingListDecider,
  recordingListStream,
  type RecordingListEntry,
  type RecordingListEvent,
} from '../domain/registry/recording-list.js';
import { handleCommand, type CommandDependencies, type CommandResult } from './command-handler.js';
import { recording, registryCodec } from './registry-codec.js';
import type { RegistryReader } from './registry-reader.js';

/** A change of a device: a new holder, or a new status; with the reason. */
export type DeviceChange = { readonly reason: string } & (
  | { readonly holder: string; readonly status?: undefined }
  | { readonly status: DeviceStatus; readonly holder?: undefined }
);

/**
 * The recording list (音像记录事项清单) and the recording devices (执法记录仪) of an agency: each change a signed
 * event, decided by `recording-list.ts` and `devices.ts`.
 */
export class RecordingRegistry {
  constructor(
    private readonly deps: CommandDependencies,
    private readonly registry: RegistryReader,
  ) {}

  /** A new version of the whole list of the actor's agency (the rules refuse another agency's). */
  async publishList(
    actor: Actor,
    body: { agency: string; entries: readonly RecordingListEntry[]; reason: string },
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    const codec = registryCodec<RecordingListEvent>(this.deps.clock, actor);
    const codes = [...new Set(body.entries.flatMap((entry) => entry.itemCodes ?? []))];
    const items = new Map(
      await Promise.all(codes.map(async (code) => [code, await this.registry.item(actor.agency, code)] as const)),
    );
    const command = { type: 'PublishRecordingList' as const, actor, ...body, items };
    const data = { entries: body.entries, reason: body.reason };
    return handleCommand(this.deps, recordingListStream(actor.agency), recordingListDecider, codec, command, {
      eventId,
      expectedRevision,
      sameRequest: recording('RecordingListPublished', data),
    });
  }

  /** Registers a device of the actor's agency, held by one of its officers. */
  registerDevice(
    actor: Actor,
    profile: DeviceProfile,
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    return this.deviceCommand(
      actor,
      profile.deviceId,
      async () => ({
        type: 'RegisterDevice',
        actor,
        profile,
        holderState: await this.registry.officer(actor.agency, profile.holder),
      }),
      { eventId, expectedRevision, sameRequest: recording('DeviceRegistered', profile) },
    );
  }

  /** Hands a device of the actor's agency to another officer, or changes its status (lost, found, retired). */
  changeDevice(
    actor: Actor,
    deviceId: string,
    change: DeviceChange,
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    const { reason } = change;
    if (change.holder !== undefined) {
      const holder = change.holder;
      return this.deviceCommand(
        actor,
        deviceId,
        async () => ({
          type: 'ReassignDevice',
          actor,
          holder,
          reason,
          holderState: await this.registry.officer(actor.agency, holder),
        }),
        { eventId, expectedRevision, sameRequest: recording('DeviceReassigned', { holder, reason }) },
      );
    }
    const status = change.status;
    return this.deviceCommand(actor, deviceId, () => ({ type: 'ChangeDeviceStatus', actor, status, reason }), {
      eventId,
      expectedRevision,
      sameRequest: recording('DeviceStatusChanged', { status, reason }),
    });
  }

  private deviceCommand(
    actor: Actor,
    deviceId: string,
    command: () => DeviceCommand | Promise<DeviceCommand>,
    options: Parameters<typeof handleCommand>[5],
  ): Promise<CommandResult> {
    const codec = registryCodec<DeviceEvent>(this.deps.clock, actor);
    return handleCommand(this.deps, deviceStream(actor.agency, deviceId), deviceDecider, codec, command, options);
  }
}
