import type { MediaRef } from '../src/domain/case/acts.js';
import { caseEventOf } from '../src/domain/case/envelope.js';
import { deviceStream, type DeviceStatus } from '../src/domain/registry/devices.js';
import { recordingListStream, type RecordingListEntry } from '../src/domain/registry/recording-list.js';
import { parseAgencyStream } from '../src/domain/streams.js';
import type { Change, Doc, Projection } from '../src/ports/read-models.js';
import { caseOf } from './case-files.js';

/** The agency's recording list as it stands, with its versions (动态管理). Key: {@link recordingListKey}. */
export interface RecordingListDoc extends Doc {
  agency: string;
  version: number;
  entries: RecordingListEntry[];
  publishedAt: string;
  reason: string;
  /** Every version, oldest first: when and why (the entries of each are in its event). */
  history: { version: number; publishedAt: string; reason: string; entries: number }[];
}

/** A recording device (执法记录仪) as the registry stands, with how many recordings name it. Key: {@link deviceKey}. */
export interface DeviceDoc extends Doc {
  deviceId: string;
  agency: string;
  holder: string;
  model?: string;
  serialNo?: string;
  status: DeviceStatus;
  recordings: number;
  registeredAt: string;
  updatedAt: string;
}

/** A recording attached to a case naming the device that made it. Key: the event id. */
export interface DeviceRecordingDoc extends Doc {
  agency: string;
  deviceId: string;
  caseId: string;
  eventId: string;
  occurredAt: string;
  /**
   * `occurredAt` as a UTC instant to the millisecond (`…Z`), what the list is ordered by: the text of `occurredAt`
   * carries the offset the device wrote, and two offsets do not sort as the instants they name. Not shown.
   */
  at: string;
  recordedBy: string;
  /** The act the recording is for, when it names one. */
  relatesTo?: string;
  media: MediaRef[];
}

export const RECORDING_LISTS = 'recording_lists';
export const DEVICES = 'devices';
export const DEVICE_RECORDINGS = 'device_recordings';

export const recordingListKey = (agency: string): string => recordingListStream(agency);
export const deviceKey = (agency: string, deviceId: string): string => deviceStream(agency, deviceId);

const DEVICE_FIELDS = ['holder', 'model', 'serialNo'] as const;

function listChanges(
  agency: string,
  type: string,
  data: Record<string, unknown>,
  at: string,
  docs: Parameters<Projection['apply']>[1],
): Change[] {
  if (type !== 'RecordingListPublished') return [];
  const key = recordingListKey(agency);
  const current = docs.get<RecordingListDoc>(RECORDING_LISTS, key);
  const entries = data.entries as RecordingListEntry[];
  const version = (current?.version ?? 0) + 1;
  const reason = String(data.reason);
  const history = [...(current?.history ?? []), { version, publishedAt: at, reason, entries: entries.length }];
  return [{ collection: RECORDING_LISTS, key, doc: { agency, version, entries, publishedAt: at, reason, history } }];
}

function deviceChanges(
  agency: string,
  deviceId: string,
  type: string,
  data: Record<string, unknown>,
  at: string,
  docs: Parameters<Projection['apply']>[1],
): Change[] {
  const key = deviceKey(agency, deviceId);
  const current = docs.get<DeviceDoc>(DEVICES, key);
  if (type === 'DeviceRegistered') {
    const fields = Object.fromEntries(DEVICE_FIELDS.filter((f) => data[f] !== undefined).map((f) => [f, data[f]]));
    const doc = { deviceId, agency, ...fields, status: 'active', recordings: 0, registeredAt: at, updatedAt: at };
    return [{ collection: DEVICES, key, doc }];
  }
  if (!current) return [];
  if (type === 'DeviceReassigned')
    return [{ collection: DEVICES, key, doc: { ...current, holder: data.holder, updatedAt: at } }];
  if (type === 'DeviceStatusChanged')
    return [{ collection: DEVICES, key, doc: { ...current, status: data.status, updatedAt: at } }];
  return [];
}

/**
 * The recording lists (`recordinglist-<agency>:current`), the recording devices (`device-<agency>:<id>`) and the
 * recordings that name a device (`RecordingAttached.deviceId` in a case stream), for the public list and the
 * supervision views.
 */
export const recordingsProjection: Projection = {
  name: 'recordings',
  version: 2, // 2: a device's recordings ordered by their instant (`at`), not by the text of `occurredAt`
  collections: [
    { name: RECORDING_LISTS, indexes: ['agency'] },
    { name: DEVICES, indexes: ['agency', 'status'] },
    { name: DEVICE_RECORDINGS, indexes: ['agency', 'deviceId', 'at'] },
  ],
  apply(recorded, docs): Change[] {
    const event = recorded.event;
    const data = event.data as Record<string, unknown>;
    const stream = parseAgencyStream(event.stream);
    if (stream?.category === 'recordinglist')
      return listChanges(stream.agency, event.type, data, event.recordedAt, docs);
    if (stream?.category === 'device')
      return deviceChanges(stream.agency, stream.id, event.type, data, event.recordedAt, docs);
    const ofCase = caseOf(event.stream);
    if (!ofCase || event.type !== 'RecordingAttached' || typeof data.deviceId !== 'string') return [];
    const act = caseEventOf(event);
    const key = deviceKey(ofCase.agency, data.deviceId);
    const device = docs.get<DeviceDoc>(DEVICES, key);
    const doc: DeviceRecordingDoc = {
      agency: ofCase.agency,
      deviceId: data.deviceId,
      caseId: ofCase.caseId,
      eventId: event.id,
      occurredAt: event.occurredAt,
      at: new Date(event.occurredAt).toISOString(),
      recordedBy: event.actor.sub,
      ...(typeof data.relatesTo === 'string' ? { relatesTo: data.relatesTo } : {}),
      media: act.media.map(({ sha256, size, contentType }) => ({ sha256, size, contentType })),
    };
    return [
      { collection: DEVICE_RECORDINGS, key: event.id, doc },
      ...(device ? [{ collection: DEVICES, key, doc: { ...device, recordings: device.recordings + 1 } }] : []),
    ];
  },
};
