import type { Actor } from '../actor.js';
import { requireAgency, requireRole } from '../actor.js';
import type { DecisionType } from '../case/acts.js';
import type { Decider } from '../decider.js';
import { conflict, notFound, violation } from '../errors.js';
import { MAX_REVIEW_WORKING_DAYS } from '../case/review-limits.js';
import { agencyStream } from '../streams.js';
import { isRetentionPeriod, MAX_RETENTION_YEARS, type RetentionPeriod } from './retention.js';
import { requireSomeChange } from '../amendments.js';

export type ItemCategory = 'penalty' | 'licensing' | 'coercive' | 'inspection' | 'levy' | 'other';

/** When a decision on a case of this item is major (重大执法决定) and needs a legal review first. */
export interface MajorCriteria {
  /** Fines of at least this many fen. */
  readonly fineFenAtLeast?: number;
  /** Decisions of these types, whatever the amount. */
  readonly decisionTypes?: readonly DecisionType[];
}

/** An entry of the agency's enforcement-item list (执法事项清单). */
export interface ItemProfile {
  readonly code: string;
  readonly agency: string;
  readonly name: string;
  readonly category: ItemCategory;
  /** The field of administration the item belongs to (所属领域, e.g. 食品安全), as the agency names it. */
  readonly field?: string;
  readonly legalBasis: string;
  /** The duties (职责) the agency carries out through the item, as the list publishes them. */
  readonly duties?: string;
  /** The powers (权限) the item gives the agency, and their limits, as the list publishes them. */
  readonly powers?: string;
  readonly major?: MajorCriteria;
  /** The submission materials (送审材料) a request for legal review of a case of this item must name. */
  readonly reviewMaterials?: readonly string[];
  /** Working days a legal review of a case of this item has (审核时限); `REVIEW_WORKING_DAYS` when absent. */
  readonly reviewWorkingDays?: number;
  /** Working days to publish a decision, where the item's legal basis sets its own deadline. */
  readonly disclosureWorkingDays?: number;
  /**
   * How long a closed case's file is kept (保管期限), from its closing; the default of `retentionOf`
   * (`./retention.ts`) when absent.
   */
  readonly retention?: RetentionPeriod;
}

export interface ItemState extends Partial<ItemProfile> {
  readonly exists: boolean;
  readonly retired: boolean;
}

export type ItemCommand = { readonly actor: Actor } & (
  | { readonly type: 'RegisterItem'; readonly profile: ItemProfile }
  | {
      readonly type: 'AmendItem';
      readonly changes: Partial<Omit<ItemProfile, 'code' | 'agency'>>;
      readonly reason: string;
    }
  | { readonly type: 'RetireItem'; readonly reason: string }
);

export type ItemEvent =
  | { readonly type: 'ItemRegistered'; readonly data: ItemProfile }
  | { readonly type: 'ItemAmended'; readonly data: { readonly changes: Partial<ItemProfile>; readonly reason: string } }
  | { readonly type: 'ItemRetired'; readonly data: { readonly reason: string } };

/** An enforcement item's stream: item codes are unique within their agency only. */
export function itemStream(agency: string, code: string): string {
  return agencyStream('item', agency, code);
}

/** The members of an item's profile that an amendment may change, in the order the profile lists them. */
export const ITEM_MEMBERS = [
  'name',
  'category',
  'field',
  'legalBasis',
  'duties',
  'powers',
  'major',
  'reviewMaterials',
  'reviewWorkingDays',
  'disclosureWorkingDays',
  'retention',
] as const;

/** No legal deadline for publishing a decision runs past a year of working days. */
export const MAX_DISCLOSURE_WORKING_DAYS = 365;

function checkProfile(p: Partial<ItemProfile>): void {
  if (
    p.disclosureWorkingDays !== undefined &&
    (!Number.isInteger(p.disclosureWorkingDays) ||
      p.disclosureWorkingDays < 1 ||
      p.disclosureWorkingDays > MAX_DISCLOSURE_WORKING_DAYS)
  ) {
    throw violation(
      'disclosure_deadline_invalid',
      `disclosureWorkingDays must be a whole number from 1 to ${MAX_DISCLOSURE_WORKING_DAYS}`,
    );
  }
  if (
    p.reviewWorkingDays !== undefined &&
    (!Number.isInteger(p.reviewWorkingDays) || p.reviewWorkingDays < 1 || p.reviewWorkingDays > MAX_REVIEW_WORKING_DAYS)
  ) {
    throw violation(
      'review_deadline_invalid',
      `reviewWorkingDays must be a whole number from 1 to ${MAX_REVIEW_WORKING_DAYS}`,
    );
  }
  if (p.retention !== undefined && !isRetentionPeriod(p.retention)) {
    throw violation(
      'retention_invalid',
      `retention is "permanent" or a whole number of years from 1 to ${MAX_RETENTION_YEARS}`,
    );
  }
  const fen = p.major?.fineFenAtLeast;
  if (fen !== undefined && (!Number.isSafeInteger(fen) || fen < 0)) {
    throw violation('amount_invalid', 'fineFenAtLeast is a whole, non-negative number of fen');
  }
}

export const itemDecider: Decider<ItemCommand, ItemEvent, ItemState> = {
  initialState: () => ({ exists: false, retired: false }),

  decide(command, state) {
    requireRole(command.actor, ['admin'], 'managing enforcement items');
    if (command.type === 'RegisterItem') {
      // the agency first: whether another agency has this id must never show
      requireAgency(command.actor, command.profile.agency);
      if (state.exists) throw conflict('item_exists', `item ${command.profile.code} is registered already`);
      checkProfile(command.profile);
      return [{ type: 'ItemRegistered', data: command.profile }];
    }
    if (!state.exists) throw notFound('no such enforcement item');
    requireAgency(command.actor, state.agency!);
    if (state.retired) throw conflict('item_retired', `item ${state.code} is retired`);
    if (command.type === 'AmendItem') {
      checkProfile(command.changes);
      requireSomeChange(state, command.changes, `item ${state.code}`);
      return [{ type: 'ItemAmended', data: { changes: command.changes, reason: command.reason } }];
    }
    return [{ type: 'ItemRetired', data: { reason: command.reason } }];
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ItemRegistered':
        return { ...event.data, exists: true, retired: false };
      case 'ItemAmended':
        return { ...state, ...event.data.changes };
      case 'ItemRetired':
        return { ...state, retired: true };
    }
  },
};
