import { subjectDecider, subjectStream, type SubjectEvent, type SubjectState } from '../domain/inspections/subjects.js';
import type { Decider } from '../domain/decider.js';
import {
  inspectionEntryDecider,
  inspectionEntryStream,
  type InspectionEntryEvent,
  type InspectionEntryState,
} from '../domain/published/inspection-list.js';
import {
  benchmarkDecider,
  benchmarkStream,
  type BenchmarkSet,
  type BenchmarkState,
} from '../domain/registry/benchmarks.js';
import { itemDecider, itemStream, type ItemEvent, type ItemState } from '../domain/registry/items.js';
import { officerDecider, officerStream, type OfficerEvent, type OfficerState } from '../domain/registry/officers.js';
import { deviceDecider, deviceStream, type DeviceEvent, type DeviceState } from '../domain/registry/devices.js';
import {
  recordingListDecider,
  recordingListStream,
  type RecordingListEvent,
  type RecordingListState,
} from '../domain/registry/recording-list.js';
import {
  reviewCatalogueDecider,
  reviewCatalogueStream,
  type ReviewCatalogueEvent,
  type ReviewCatalogueState,
} from '../domain/registry/review-catalogue.js';
import {
  reviewSettingsDecider,
  reviewSettingsStream,
  type ReviewSettingsEvent,
  type ReviewSettingsState,
} from '../domain/registry/review-settings.js';
import {
  agencyTemplateDecider,
  decisionTemplateStream,
  type AgencyTemplateEvent,
  type AgencyTemplateState,
} from '../domain/drafting/agency-templates.js';
import type { DecisionType } from '../domain/case/acts.js';
import type { EventStore, RecordedEvent, StreamRead } from '../ports/event-store.js';
import { ReadAhead } from './read-ahead.js';
import { checkStoredEvents } from './stored-events.js';

interface Folded {
  readonly revision: number;
  readonly hash: string;
  readonly state: unknown;
}

/**
 * The current state of registry entries, folded from their streams. Each stream's fold is kept, and a lookup
 * reads only the events recorded since (by any replica), so a registry change is seen by the very next command.
 * A lookup given a {@link ReadAhead} holding its stream from the revision it would read takes those events instead
 * (read in the same store call as the case the command decides on: {@link RegistryReader.readsFor}).
 */
export class RegistryReader {
  private readonly folded = new Map<string, Folded>();

  constructor(
    private readonly events: EventStore,
    private readonly capacity = 10_000,
  ) {}

  /** An officer of `agency` (officer ids are unique within an agency only). */
  officer(agency: string, officerId: string, ahead = ReadAhead.none): Promise<OfficerState> {
    return this.current(
      officerStream(agency, officerId),
      officerDecider as Decider<unknown, OfficerEvent, OfficerState>,
      ahead,
    );
  }

  item(agency: string, code: string, ahead = ReadAhead.none): Promise<ItemState> {
    return this.current(itemStream(agency, code), itemDecider as Decider<unknown, ItemEvent, ItemState>, ahead);
  }

  /**
   * The reads that bring an item's and officers' folds here up to date (each from the revision after the one folded),
   * to be made together with another and handed back as a {@link ReadAhead}.
   */
  readsFor(agency: string, entries: { readonly itemCode?: string; readonly officers: Iterable<string> }): StreamRead[] {
    const streams = [
      ...(entries.itemCode === undefined ? [] : [itemStream(agency, entries.itemCode)]),
      ...new Set([...entries.officers].map((id) => officerStream(agency, id))),
    ];
    return streams.map((stream) => ({ stream, fromRevision: (this.folded.get(stream)?.revision ?? -1) + 1 }));
  }

  /**
   * An entry of the random-inspection list of `agency` (随机抽查事项清单) at its current version, as its stream
   * stands now: `currentInspectionEntry(state)` (`src/domain/published/inspection-list.ts`) is its document, or
   * undefined when it was never published or was withdrawn; `state.version` is the version a plan can cite.
   */
  inspectionEntry(agency: string, entryId: string): Promise<InspectionEntryState> {
    return this.current(
      inspectionEntryStream(agency, entryId),
      inspectionEntryDecider as Decider<unknown, InspectionEntryEvent, InspectionEntryState>,
    );
  }

  /** The agency's recording list as it stands (version 0, no entries, until one is published). */
  recordingList(agency: string): Promise<RecordingListState> {
    return this.current(
      recordingListStream(agency),
      recordingListDecider as Decider<unknown, RecordingListEvent, RecordingListState>,
    );
  }

  /** The agency's review settings (version 0 until it sets them). */
  reviewSettings(agency: string): Promise<ReviewSettingsState> {
    return this.current(
      reviewSettingsStream(agency),
      reviewSettingsDecider as Decider<unknown, ReviewSettingsEvent, ReviewSettingsState>,
    );
  }

  /** The agency's own template of a decision type as it stands (version 0, none, until it records one). */
  decisionTemplate(agency: string, decisionType: DecisionType): Promise<AgencyTemplateState> {
    return this.current(
      decisionTemplateStream(agency, decisionType),
      agencyTemplateDecider as Decider<unknown, AgencyTemplateEvent, AgencyTemplateState>,
    );
  }

  /** The agency's review catalogue with its versions (version 0, none, until it adopts one). */
  reviewCatalogue(agency: string): Promise<ReviewCatalogueState> {
    return this.current(
      reviewCatalogueStream(agency),
      reviewCatalogueDecider as Decider<unknown, ReviewCatalogueEvent, ReviewCatalogueState>,
    );
  }

  /** A regulated subject of `agency` in the inspection directory, with the conflicts of interest declared with it. */
  subject(agency: string, subjectId: string): Promise<SubjectState> {
    return this.current(
      subjectStream(agency, subjectId),
      subjectDecider as Decider<unknown, SubjectEvent, SubjectState>,
    );
  }

  /** A recording device of `agency`. */
  device(agency: string, deviceId: string): Promise<DeviceState> {
    return this.current(deviceStream(agency, deviceId), deviceDecider as Decider<unknown, DeviceEvent, DeviceState>);
  }

  /** The discretion benchmark of an item of `agency` (not `exists` when none was set). */
  benchmark(agency: string, itemCode: string): Promise<BenchmarkState> {
    return this.current(
      benchmarkStream(agency, itemCode),
      benchmarkDecider as Decider<unknown, BenchmarkSet, BenchmarkState>,
    );
  }

  /** Officers of `agency` by id, for a decision that needs several. */
  async officers(agency: string, ids: Iterable<string>, ahead = ReadAhead.none): Promise<Map<string, OfficerState>> {
    const unique = [...new Set(ids)];
    const states = await Promise.all(unique.map((id) => this.officer(agency, id, ahead)));
    return new Map(unique.map((id, i) => [id, states[i]!]));
  }

  private async current<E extends { type: string; data: unknown }, S>(
    stream: string,
    decider: Decider<unknown, E, S>,
    ahead = ReadAhead.none,
  ): Promise<S> {
    const known = this.folded.get(stream);
    const fromRevision = known ? known.revision + 1 : 0;
    const recorded: RecordedEvent[] =
      ahead.take(stream, fromRevision) ?? (await this.events.readStream(stream, { fromRevision }));
    if (recorded.length === 0) return (known?.state as S | undefined) ?? decider.initialState();
    // registry facts decide acts: they are read only as sealed (re-hashed, linked to the last one read)
    checkStoredEvents(
      stream,
      recorded.map((r) => r.event),
      { after: known ? { revision: known.revision, hash: known.hash } : null },
    );
    let state = (known?.state as S | undefined) ?? decider.initialState();
    // a registry event's recording time reaches the fold too: an officer key's registration dates the acts it signs
    for (const r of recorded) {
      const { type, data, recordedAt } = r.event;
      state = decider.evolve(state, { type, data, recordedAt } as unknown as E);
    }
    this.folded.delete(stream);
    const last = recorded[recorded.length - 1]!.event;
    this.folded.set(stream, { revision: last.revision, hash: last.hash, state });
    if (this.folded.size > this.capacity) this.folded.delete(this.folded.keys().next().value!);
    return state;
  }
}
