import { violation } from '../errors.js';
import type { ItemState } from '../registry/items.js';
import { agencyStream } from '../streams.js';
import {
  currentDocument,
  versionedDecider,
  type VersionedCommand,
  type VersionedEvent,
  type VersionedState,
} from './versioned.js';

/**
 * An entry of the agency's random-inspection list (随机抽查事项清单, plan 二(一)2(1)): the seven things the plan
 * says to publish (抽查主体、依据、对象、内容、比例、方式、频次), and optionally the enforcement item it belongs to.
 * Entries have a stable `entryId` within their agency; inspection plans name them by agency and `entryId`.
 */
export interface InspectionEntry {
  /** 抽查主体: who inspects. */
  readonly subject: string;
  /** 抽查依据: the legal basis. */
  readonly basis: string;
  /** 抽查对象: which regulated subjects are drawn from. */
  readonly targets: string;
  /** 抽查内容: what is checked. */
  readonly content: string;
  /** 抽查比例: the share of the targets drawn, in basis points (1 = 0.01 %, 10,000 = all). */
  readonly ratioBasisPoints: number;
  /** 抽查方式: how (on site, in writing...). */
  readonly method: string;
  /** 抽查频次: how often. */
  readonly frequency: string;
  /** The enforcement item (执法事项) this inspection belongs to: registered in the agency and not retired. */
  readonly itemCode?: string;
}

/** The facts an entry's rules need: the enforcement item it names, as the registry holds it. */
export interface InspectionEntryContext {
  readonly item?: ItemState;
}

export type InspectionEntryState = VersionedState<InspectionEntry>;
export type InspectionEntryCommand = VersionedCommand<InspectionEntry, InspectionEntryContext>;
export type InspectionEntryEvent = VersionedEvent<'InspectionEntry', InspectionEntry>;

/** The most a ratio can be: every target. */
export const MAX_RATIO_BASIS_POINTS = 10_000;

/** An entry's stream: entry ids are unique within their agency only. */
export function inspectionEntryStream(agency: string, entryId: string): string {
  return agencyStream('inspectionentry', agency, entryId);
}

export const inspectionEntryDecider = versionedDecider<'InspectionEntry', InspectionEntry, InspectionEntryContext>({
  kind: 'InspectionEntry',
  what: 'random-inspection list entry',
  check(entry, { item }) {
    const ratio = entry.ratioBasisPoints;
    if (!Number.isInteger(ratio) || ratio < 1 || ratio > MAX_RATIO_BASIS_POINTS) {
      throw violation('ratio_invalid', `ratioBasisPoints must be a whole number from 1 to ${MAX_RATIO_BASIS_POINTS}`);
    }
    if (entry.itemCode !== undefined && (!item?.exists || item.retired)) {
      throw violation('item_unknown', `enforcement item ${entry.itemCode} is not a current item of the agency`, {
        itemCode: entry.itemCode,
      });
    }
  },
});

/**
 * The entry as it stands, for a rule that depends on it (an inspection plan): undefined when it was never
 * published or has been withdrawn.
 */
export const currentInspectionEntry = (state: InspectionEntryState): InspectionEntry | undefined =>
  currentDocument(state);
