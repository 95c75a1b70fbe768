import type { Actor } from '../actor.js';
import { requireAgency, requireRole } from '../actor.js';
import { missingFloors, type ScopedDuty } from '../case/rules.js';
import type { Decider } from '../decider.js';
import { sameJson } from '../amendments.js';
import { conflict, violation } from '../errors.js';
import { agencyStream } from '../streams.js';
import type { ItemState } from './items.js';

/**
 * An entry of the agency's list of acts recorded on audio or video (音像记录事项清单, 二(二)1 and 3): the act and the
 * items it covers, what is recorded, the key stages, the method and the place. The rule reads only the act, the
 * items, the service methods and the method (`RecordingDuty`, `recordingDuties` in `case/rules.ts`).
 */
export interface RecordingListEntry extends ScopedDuty {
  readonly entryId: string;
  /** What is recorded (记录内容). */
  readonly content: string;
  /** The key stages recorded (关键环节). */
  readonly keyStages: readonly string[];
  /** Where (执法场所). */
  readonly place: string;
}

/** The list as it stands: version 0 until the agency publishes one (the default duties apply until then). */
export interface RecordingListState {
  readonly version: number;
  readonly entries?: readonly RecordingListEntry[];
}

export interface RecordingListCommand {
  readonly type: 'PublishRecordingList';
  readonly actor: Actor;
  readonly agency: string;
  readonly entries: readonly RecordingListEntry[];
  readonly reason: string;
  /** The enforcement items the entries name (`itemCodes`), as the agency's registry holds them. */
  readonly items: ReadonlyMap<string, ItemState>;
}

/** A new version of the whole list (动态管理: every change a signed event, the history kept in the stream). */
export interface RecordingListEvent {
  readonly type: 'RecordingListPublished';
  readonly data: { readonly entries: readonly RecordingListEntry[]; readonly reason: string };
}

/** The agency's recording list: one stream per agency. */
export const recordingListStream = (agency: string): string => agencyStream('recordinglist', agency, 'current');

function checkEntries(entries: readonly RecordingListEntry[], items: ReadonlyMap<string, ItemState>): void {
  const ids = new Set<string>();
  for (const entry of entries) {
    for (const itemCode of entry.itemCodes ?? []) {
      const item = items.get(itemCode);
      if (!item?.exists || item.retired) {
        throw violation('item_unknown', `entry ${entry.entryId}: ${itemCode} is not a current item of the agency`, {
          entryId: entry.entryId,
          itemCode,
        });
      }
    }
    if (ids.has(entry.entryId)) {
      throw violation('recording_entry_invalid', `entry ${entry.entryId} appears twice`, { entryId: entry.entryId });
    }
    ids.add(entry.entryId);
    if (entry.serviceMethods !== undefined && entry.actType !== 'DocumentServed') {
      throw violation('recording_entry_invalid', `entry ${entry.entryId}: service methods belong to DocumentServed`, {
        entryId: entry.entryId,
      });
    }
  }
  const missing = missingFloors(entries);
  if (missing.length > 0) {
    throw violation(
      'recording_floor_mandatory',
      'seizure (查封扣押) and forced demolition (强制拆除) are recorded on audio or video for every item: the list must keep them',
      { missing: missing.map((floor) => floor.actType) },
    );
  }
}

export const recordingListDecider: Decider<RecordingListCommand, RecordingListEvent, RecordingListState> = {
  initialState: () => ({ version: 0 }),
  decide(command, state) {
    requireRole(command.actor, ['admin'], 'publishing the recording list');
    requireAgency(command.actor, command.agency);
    checkEntries(command.entries, command.items);
    // a repeated PUT signs no copy (as for the calendar and the published documents): the reason alone is no change
    if (state.version > 0 && sameJson(state.entries, command.entries)) {
      throw conflict('version_unchanged', `version ${state.version} of the recording list says this already`);
    }
    return [{ type: 'RecordingListPublished', data: { entries: command.entries, reason: command.reason } }];
  },
  evolve: (state, event) => ({ version: state.version + 1, entries: event.data.entries }),
};
