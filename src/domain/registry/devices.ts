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
    switch (event.type) {
      case 'DeviceRegistered':
        return { ...event.data, exists: true, status: 'active' };
      case 'DeviceReassigned':
        return { ...state, holder: event.data.holder };
      case 'DeviceStatusChanged':
        return { ...state, status: event.data.status };
    }
  },
};

/**
 * May a recording made by this device be attached to a case of `agency`: a registered device of the agency that is
 * neither retired nor lost.
 */
export function checkRecordingDevice(deviceId: string, device: DeviceState | undefined, agency: string): void {
  if (!device?.exists || device.agency !== agency) {
    throw violation('device_unknown', `device ${deviceId} is not registered in agency ${agency}`, { deviceId });
  }
  if (device.status === 'retired') {
    throw conflict('device_retired', `device ${deviceId} is retired`, { deviceId });
  }
  if (device.status === 'lost') {
    throw conflict('device_lost', `device ${deviceId} is reported lost`, { deviceId });
  }
}
