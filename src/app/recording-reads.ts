import {
  DEVICE_RECORDINGS,
  DEVICES,
  RECORDING_LISTS,
  recordingListKey,
  type DeviceDoc,
  type DeviceRecordingDoc,
  type RecordingListDoc,
} from '../../projections/recordings.js';
import { DEFAULT_RECORDING_DUTIES, RECORDING_FLOORS } from '../domain/case/rules.js';
import type { AccessLog } from './access-log.js';
import { recordSupervisionListing } from './listing-record.js';
import type { Position } from '../ports/event-store.js';
import type { ReadModelStore } from '../ports/read-models.js';
import { caughtUp, type ReadConsistency } from './read-consistency.js';
import { pageOf, type Paging } from './read-pages.js';
import { supervisedScope, type SupervisionQuery } from './supervision-reads.js';

export interface RecordingReadsDependencies {
  readonly readModels: ReadModelStore;
  readonly runner: ReadConsistency;
  /** Where the recordings listed are recorded, by their cases, on the supervisor's own trail (`list_supervision`). */
  readonly access: Pick<AccessLog, 'listed'>;
}

const listed = <T>(page: { items: T[]; next?: string }) => ({
  items: page.items,
  ...(page.next === undefined ? {} : { next: page.next }),
});

/**
 * Reads of the recording lists and devices: the public list of an agency (公开), and the supervisors' views of the
 * devices and of the recordings each made.
 */
export class RecordingReads {
  constructor(private readonly deps: RecordingReadsDependencies) {}

  /**
   * The agency's recording list as published (version 0 and no entries before the first), the floors every list
   * keeps, the default duties in force while none is published, and the versions so far.
   */
  async list(agency: string, consistentWith?: Position) {
    await caughtUp(this.deps.runner, consistentWith);
    const doc = this.deps.readModels.get<RecordingListDoc>(RECORDING_LISTS, recordingListKey(agency));
    return {
      agency,
      version: doc?.version ?? 0,
      ...(doc ? { publishedAt: doc.publishedAt, reason: doc.reason } : {}),
      entries: doc?.entries ?? [],
      floors: RECORDING_FLOORS,
      ...(doc ? {} : { defaultDuties: DEFAULT_RECORDING_DUTIES }),
      history: doc?.history ?? [],
    };
  }

  /** The devices of the supervisor's agencies (or `agency`), with how many recordings name each. */
  async devices(query: SupervisionQuery & { readonly status?: string }, paging: Paging) {
    const scope = await this.scope(query);
    const where = { agency: scope, ...(query.status === undefined ? {} : { status: query.status }) };
    return listed(pageOf(() => this.deps.readModels.query<DeviceDoc>(DEVICES, { where, ...paging })));
  }

  /**
   * The recordings that name a device (one device, or every device of the scope), latest first by the instant each
   * was made, whatever offset its time was written in.
   */
  async deviceRecordings(query: SupervisionQuery & { readonly deviceId?: string }, paging: Paging) {
    const scope = await this.scope(query);
    const where = { agency: scope, ...(query.deviceId === undefined ? {} : { deviceId: query.deviceId }) };
    const page = pageOf(() =>
      this.deps.readModels.query<DeviceRecordingDoc>(DEVICE_RECORDINGS, {
        where,
        orderBy: 'at',
        direction: 'desc',
        ...paging,
      }),
    );
    await recordSupervisionListing(this.deps.access, query, 'device-recordings', page.items);
    return listed({ ...page, items: page.items.map(({ at: _at, ...shown }) => shown) });
  }

  private async scope(query: SupervisionQuery): Promise<string[]> {
    const scope = supervisedScope(query.principal, query.agency);
    await caughtUp(this.deps.runner, query.consistentWith);
    return scope;
  }
}
