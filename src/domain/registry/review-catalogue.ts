import type { Actor } from '../actor.js';
import { requireAgency, requireRole } from '../actor.js';
import type { DecisionType } from '../case/acts.js';
import type { Decider } from '../decider.js';
import { sameJson } from '../amendments.js';
import { conflict, violation } from '../errors.js';
import { agencyStream } from '../streams.js';
import type { ItemCategory } from './items.js';

/** Enforcement levels (执法层级): the agency's place in the hierarchy of government. */
export const AGENCY_LEVELS = ['national', 'province', 'city', 'county', 'township'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

/** The level of an agency that has recorded none: the plan the service implements is a county's. */
export const DEFAULT_AGENCY_LEVEL: AgencyLevel = 'county';

/**
 * An entry of the agency's catalogue of major decisions needing legal review (重大执法决定法制审核目录清单, 二(三)4).
 * It names one or more factors; a decision matches when every factor it names holds (`catalogueMatches` in
 * `case/rules.ts`): the decision's type, the item's category (行为类别), the agency's level (执法层级), the item's
 * field (所属领域), an amount in fen the decision reaches (涉案金额).
 */
export interface CatalogueEntry {
  readonly entryId: string;
  /** What the entry covers, as the published catalogue states it. */
  readonly description: string;
  readonly decisionTypes?: readonly DecisionType[];
  readonly itemCategories?: readonly ItemCategory[];
  readonly levels?: readonly AgencyLevel[];
  readonly fields?: readonly string[];
  /** Decisions whose amount (the fine) is at least this many fen. */
  readonly amountFenAtLeast?: number;
}

/** One version of the catalogue: in force from the time it was recorded until the next. */
export interface CatalogueVersion {
  readonly version: number;
  /** When the version was recorded (the server's clock), ISO 8601 with offset. */
  readonly inForceFrom: string;
  readonly level: AgencyLevel;
  readonly entries: readonly CatalogueEntry[];
  readonly reason: string;
}

/** What the rule reads of a catalogue in force: the agency's level and the entries. */
export type CatalogueInForce = Pick<CatalogueVersion, 'level' | 'entries'>;

/** The catalogue with its versions, oldest first (version 0, none, until the agency adopts one). */
export interface ReviewCatalogueState {
  readonly version: number;
  readonly versions: readonly CatalogueVersion[];
}

export interface ReviewCatalogueCommand {
  readonly type: 'AdjustReviewCatalogue';
  readonly actor: Actor;
  readonly agency: string;
  readonly level: AgencyLevel;
  readonly entries: readonly CatalogueEntry[];
  readonly reason: string;
  /** The time of recording (the application's clock): the new version is in force from then. */
  readonly at: string;
}

/** A new version of the whole catalogue (动态调整: every change a signed event, the history kept in the stream). */
export interface ReviewCatalogueEvent {
  readonly type: 'ReviewCatalogueAdjusted';
  readonly data: {
    readonly level: AgencyLevel;
    readonly entries: readonly CatalogueEntry[];
    readonly reason: string;
    readonly inForceFrom: string;
  };
}

/** The agency's review catalogue: one stream per agency. */
export const reviewCatalogueStream = (agency: string): string => agencyStream('reviewcatalogue', agency, 'current');

const FACTORS = ['decisionTypes', 'itemCategories', 'levels', 'fields', 'amountFenAtLeast'] as const;

function checkEntries(entries: readonly CatalogueEntry[]): void {
  const ids = new Set<string>();
  for (const entry of entries) {
    const details = { entryId: entry.entryId };
    if (ids.has(entry.entryId))
      throw violation('catalogue_entry_invalid', `entry ${entry.entryId} appears twice`, details);
    ids.add(entry.entryId);
    if (!FACTORS.some((factor) => entry[factor] !== undefined)) {
      throw violation(
        'catalogue_entry_invalid',
        `entry ${entry.entryId} names no factor (decision types, item categories, levels, fields, amount)`,
        details,
      );
    }
    const fen = entry.amountFenAtLeast;
    if (fen !== undefined && (!Number.isSafeInteger(fen) || fen < 0)) {
      throw violation('amount_invalid', 'amountFenAtLeast is a whole, non-negative number of fen', details);
    }
  }
}

export const reviewCatalogueDecider: Decider<ReviewCatalogueCommand, ReviewCatalogueEvent, ReviewCatalogueState> = {
  initialState: () => ({ version: 0, versions: [] }),
  decide(command, state) {
    requireRole(command.actor, ['admin'], 'adjusting the review catalogue');
    requireAgency(command.actor, command.agency);
    checkEntries(command.entries);
    const { level, entries, reason, at } = command;
    // a repeated PUT signs no copy (as for the calendar and the published documents): the reason alone is no change
    const current = state.versions[state.versions.length - 1];
    if (current && current.level === level && sameJson(current.entries, entries)) {
      throw conflict('version_unchanged', `version ${current.version} of the review catalogue says this already`);
    }
    return [{ type: 'ReviewCatalogueAdjusted', data: { level, entries, reason, inForceFrom: at } }];
  },
  evolve: (state, event) => {
    const version = state.version + 1;
    return { version, versions: [...state.versions, { version, ...event.data }] };
  },
};

/**
 * The version in force at the instant `at` (ISO 8601 with offset): the latest recorded at or before it; undefined
 * before the first, when no catalogue applies and only the items' own criteria decide.
 */
export function catalogueInForce(versions: readonly CatalogueVersion[], at: string): CatalogueVersion | undefined {
  const instant = Date.parse(at);
  let found: CatalogueVersion | undefined;
  for (const version of versions) {
    if (Date.parse(version.inForceFrom) <= instant) found = version;
  }
  return found;
}
