import type { Actor } from '../actor.js';
import { requireAgency, requireRole } from '../actor.js';
import type { Decider } from '../decider.js';
import { conflict, notFound, violation } from '../errors.js';
import { agencyStream } from '../streams.js';
import type { OfficerState } from './officers.js';

/** A recording device (执法记录仪) of the agency and the officer who holds it. */
export interface DeviceProfile {
  readonly deviceId: string;
  readonly agency: string;
  /** The officer who holds it. */
  readonly holder: string;
  readonly model?: string;
  readonly serialNo?: string;
}

/** `active` in use; `lost` reported lost (its recordings are refused until it is found); `retired` for good. */
export const DEVICE_STATUSES = ['active', 'lost', 'retired'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

export interface DeviceState extends Partial<DeviceProfile> {
  readonly exists: boolean;
  readonly status: DeviceStatus;
  /**
   * The device's statuses over time, oldest first, each from the recording time (`recordedAt`) of the registration
   * or change that set it; present when the fold is given those times (the registry reader gives them).
   */
  readonly statuses?: readonly DeviceStatusSince[];
}

/** A device's status from the instant `from` until the next change. */
export interface DeviceStatusSince {
  readonly status: DeviceStatus;
  readonly from: string;
}

/** Registering or handing over a device names its holder, looked up by the application (`holderState`). */
export type DeviceCommand = { readonly actor: Actor } & (
  | { readonly type: 'RegisterDevice'; readonly profile: DeviceProfile; readonly holderState?: OfficerState }
  | {
      readonly type: 'ReassignDevice';
      readonly holder: string;
      readonly holderState?: OfficerState;
      readonly reason: string;
    }
  | { readonly type: 'ChangeDeviceStatus'; readonly status: DeviceStatus; readonly reason: string }
);

export type DeviceEvent =
  | { readonly type: 'DeviceRegistered'; readonly data: DeviceProfile }
  | { readonly type: 'DeviceReassigned'; readonly data: { readonly holder: string; readonly reason: string } }
  | { readonly type: 'DeviceStatusChanged'; readonly data: { readonly status: DeviceStatus; readonly reason: string } };

/** A device's stream: device ids are unique within their agency only. */
export const deviceStream = (agency: string, deviceId: string): string => agencyStream('device', agency, deviceId);

/** A holder is a registered officer of the device's agency who has not retired. */
function checkHolder(holder: string, state: OfficerState | undefined, agency: string): void {
  if (!state?.exists || state.agency !== agency || state.status === 'retired') {
    throw violation('officer_unknown', `officer ${holder} is not an officer of agency ${agency}`, {
      officerId: holder,
    });
  }
}

export const deviceDecider: Decider<DeviceCommand, DeviceEvent, DeviceState> = {
  initialState: () => ({ exists: false, status: 'active' }),

  decide(command, state) {
    requireRole(command.actor, ['admin'], 'managing recording devices');
    if (command.type === 'RegisterDevice') {
      requireAgency(command.actor, command.profile.agency);
      if (state.exists) throw conflict('device_exists', `device ${command.profile.deviceId} is registered already`);
      checkHolder(command.profile.holder, command.holderState, command.profile.agency);
      return [{ type: 'DeviceRegistered', data: command.profile }];
    }
    if (!state.exists) throw notFound('no such device');
    requireAgency(command.actor, state.agency!);
    if (state.status === 'retired') throw conflict('device_retired', `device ${state.deviceId} is retired`);
    if (command.type === 'ReassignDevice') {
      if (command.holder === state.holder) {
        throw conflict('device_holder_unchanged', `device ${state.deviceId} is held by ${state.holder} already`);
      }
      checkHolder(command.holder, command.holderState, state.agency!);
      return [{ type: 'DeviceReassigned', data: { holder: command.holder, reason: command.reason } }];
    }
    if (command.status === state.status) {
      throw conflict('device_status_unchanged', `device ${state.deviceId} is ${state.status} already`);
    }
    return [{ type: 'DeviceStatusChanged', data: { status: command.status, reason: command.reason } }];
  },

  evolve(state, event) {
    // the registry reader hands each event its recording time: the statuses are dated by it
    const { recordedAt } = event as { recordedAt?: unknown };
    const since = (status: DeviceStatus): DeviceStatusSince[] | undefined =>
      typeof recordedAt === 'string' ? [{ status, from: recordedAt }] : undefined;
    switch (event.type) {
      case 'DeviceRegistered': {
        const statuses = since('active');
        return { ...event.data, exists: true, status: 'active', ...(statuses ? { statuses } : {}) };
      }
      case 'DeviceReassigned':
        return { ...state, holder: event.data.holder };
      case 'DeviceStatusChanged': {
        const changed = since(event.data.status);
        const statuses = state.statuses && changed ? [...state.statuses, ...changed] : undefined;
        const { statuses: _old, ...rest } = state;
        return { ...rest, status: event.data.status, ...(statuses ? { statuses } : {}) };
      }
    }
  },
};

/**
 * May a recording made by this device at `madeAt` (the recording act's time) be attached to a case of `agency`: a
 * registered device of the agency, registered by then, and neither retired nor lost at that time. Without the
 * device's dated statuses (or without `madeAt`), the device as it stands now.
 */
export function checkRecordingDevice(
  deviceId: string,
  device: DeviceState | undefined,
  agency: string,
  madeAt?: string,
): void {
  if (!device?.exists || device.agency !== agency) {
    throw violation('device_unknown', `device ${deviceId} is not registered in agency ${agency}`, { deviceId });
  }
  const status = madeAt === undefined ? device.status : statusAt(device, madeAt);
  if (status === undefined) {
    const detail = `device ${deviceId} was registered at ${device.statuses![0]!.from}, after the recording (${madeAt!})`;
    throw violation('device_unknown', detail, { deviceId });
  }
  const when = madeAt === undefined || device.statuses === undefined ? '' : ` at ${madeAt}`;
  if (status === 'retired') {
    throw conflict('device_retired', `device ${deviceId} was retired${when}`, { deviceId });
  }
  if (status === 'lost') {
    throw conflict('device_lost', `device ${deviceId} was reported lost${when}`, { deviceId });
  }
}

/** The device's status at the instant `at`: undefined before it was registered; its status now when not dated. */
export function statusAt(device: DeviceState, at: string): DeviceStatus | undefined {
  const statuses = device.statuses;
  const ms = Date.parse(at);
  if (!statuses || statuses.length === 0 || Number.isNaN(ms)) return device.status;
  let status: DeviceStatus | undefined;
  for (const entry of statuses) {
    if (Date.parse(entry.from) > ms) break;
    status = entry.status;
  }
  return status;
}
