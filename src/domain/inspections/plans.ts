import type { Actor } from '../actor.js';
import { latestDateAt, requireAgency, requireRole } from '../actor.js';
import type { Decider } from '../decider.js';
import { conflict, notFound, RuleViolation, violation } from '../errors.js';
import { agencyStream } from '../streams.js';
import { computeDraw, DrawImpossible, type DrawInputs, type DrawnTarget, type DrawSample } from '../../ledger/draw.js';
import { eventDataViolation, MAX_ARRAY_ITEMS } from '../../ledger/json-bounds.js';

/** Which subjects of the directory a plan draws from: each given list must contain the subject's value. */
export interface TargetSelector {
  readonly kinds?: readonly string[];
  readonly sectors?: readonly string[];
  /** At least one of these tags. */
  readonly tags?: readonly string[];
}

/** An inspection plan (抽查计划) under an entry of the random-inspection list (随机抽查事项清单). */
export interface PlanProfile {
  readonly planId: string;
  readonly agency: string;
  /** The entry of the agency's random-inspection list this plan carries out. */
  readonly entryId: string;
  readonly title: string;
  readonly targets: TargetSelector;
  readonly sample: DrawSample;
  readonly inspectorsPerTarget: number;
  /** The future tree size S of the Merkle log whose root seeds the draw. */
  readonly drawAtSize: number;
  readonly startsOn: string;
  readonly endsOn: string;
}

export type Outcome = 'no_problem' | 'problems_found' | 'not_located';

export interface OutcomeRecord {
  readonly subjectId: string;
  readonly outcome: Outcome;
  readonly summary: string;
  readonly inspectedOn: string;
  readonly caseId?: string;
}

export interface DrawRecord {
  readonly size: number;
  /** Standard base64 of the root hash at `size`. */
  readonly rootHash: string;
  /** The signed checkpoint (size >= `size`) that proved the root when the draw was recorded. */
  readonly checkpointSize: number;
  readonly seed: string;
  readonly inputsDigest: string;
  /**
   * The candidates: all of them when they fit in the draw's event; otherwise these lists are empty and the
   * `InspectionInputsPublished` events recorded just before the draw ({@link inputParts}) hold them.
   */
  readonly inputs: DrawInputs;
  /** How many `InspectionInputsPublished` events, recorded just before this one, hold the inputs. */
  readonly inputParts?: number;
  readonly targets: readonly DrawnTarget[];
}

/**
 * One part of a draw's inputs too many for the draw's own event (a county's directory easily holds more subjects in
 * a sector than one event's list may): parts `1..parts`, each with a slice of one list, recorded in one append with
 * the draw, which names how many there are. Put together they are the inputs whose digest the draw records.
 */
export interface InputsPart {
  readonly part: number;
  readonly parts: number;
  readonly subjects?: readonly string[];
  readonly officers?: readonly string[];
  readonly conflicts?: readonly (readonly [string, string])[];
}

/** What `InspectionPlanned` records beyond the profile: the log's tree size then, the list entry's version. */
export type PlannedData = PlanProfile & { readonly treeSizeAtPlan: number; readonly entryVersion?: number };

export interface PlanState {
  readonly plan?: PlannedData;
  readonly draw?: DrawRecord;
  readonly outcomes: readonly OutcomeRecord[];
}

/** Where the random-inspection list entry stands, as the list holds it now. */
export type EntryStanding = 'current' | 'retired' | 'unknown';

export type PlanCommand = { readonly actor: Actor } & (
  | {
      readonly type: 'PlanInspection';
      readonly profile: PlanProfile;
      /** The size of the log's tree when the plan is recorded (every event acknowledged before is in it). */
      readonly treeSize: number;
      /** Where the list entry stands now, and its current version (cited by the plan). */
      readonly entry: EntryStanding;
      readonly entryVersion?: number;
    }
  | {
      readonly type: 'RecordDraw';
      /** The log's tree size now, the checkpoint that covers the draw's size, and the root hash at that size. */
      readonly treeSize: number;
      readonly checkpointSize: number;
      readonly rootHash: Uint8Array;
      /** The candidates as the registries held them at the plan's tree size ({@link drawCandidates}). */
      readonly inputs: DrawInputs;
      /** A draw computed elsewhere: recorded only when it is the recomputation's. */
      readonly claimed?: { readonly seed?: string; readonly targets?: readonly DrawnTarget[] };
    }
  | ({
      readonly type: 'RecordOutcome';
      /** When the service records the outcome (its clock): an inspection is not dated after it. */
      readonly recordedAt: string;
      /**
       * What the registry says of the recorder and the subject when the outcome is recorded: whether the recorder
       * declared a conflict of interest with the subject (回避) that stands, whether the recorder is an active
       * officer, and, when the outcome names a case, whether the agency has it. Absent, not checked.
       */
      readonly facts?: { readonly conflicted: boolean; readonly recorderActive: boolean; readonly caseKnown?: boolean };
    } & OutcomeRecord)
);

export type PlanEvent =
  | { readonly type: 'InspectionPlanned'; readonly data: PlannedData }
  | { readonly type: 'InspectionInputsPublished'; readonly data: InputsPart }
  | { readonly type: 'InspectionDrawn'; readonly data: DrawRecord }
  | { readonly type: 'InspectionOutcomeRecorded'; readonly data: OutcomeRecord };

/** A plan's stream: plan ids are unique within their agency only. */
export function planStream(agency: string, planId: string): string {
  return agencyStream('inspection', agency, planId);
}

/** At least two inspectors per target (the plan's 双随机: two officers on every inspection), at most this many. */
export const MIN_INSPECTORS_PER_TARGET = 2;
export const MAX_INSPECTORS_PER_TARGET = 10;
/** The most targets one plan draws (a count, or what a percentage comes to). */
export const MAX_DRAW_TARGETS = 1_000;

function checkPlan(profile: PlanProfile, treeSize: number, entry: EntryStanding): void {
  if (entry === 'unknown')
    throw violation('entry_unknown', `no entry ${profile.entryId} on the random-inspection list`);
  if (entry === 'retired') throw conflict('entry_retired', `the list entry ${profile.entryId} is no longer current`);
  const n = profile.inspectorsPerTarget;
  if (!Number.isInteger(n) || n < MIN_INSPECTORS_PER_TARGET || n > MAX_INSPECTORS_PER_TARGET) {
    throw violation(
      'inspectors_too_few',
      `inspectorsPerTarget is from ${MIN_INSPECTORS_PER_TARGET} to ${MAX_INSPECTORS_PER_TARGET}`,
    );
  }
  const s = profile.sample;
  const valid =
    'count' in s
      ? Number.isInteger(s.count) && s.count >= 1 && s.count <= MAX_DRAW_TARGETS
      : Number.isInteger(s.percent) && s.percent >= 1 && s.percent <= 100;
  if (!valid) throw violation('sample_invalid', `a count from 1 to ${MAX_DRAW_TARGETS}, or a percent from 1 to 100`);
  if (!Number.isSafeInteger(profile.drawAtSize) || profile.drawAtSize <= treeSize) {
    throw violation('draw_size_not_future', `drawAtSize must be above the log's tree size now, ${treeSize}`, {
      treeSize,
    });
  }
  if (profile.endsOn < profile.startsOn) throw violation('date_invalid', 'the plan ends before it starts');
}

/** Items of one list in one part of a draw's inputs: ids are at most 128 characters, so a part stays well within an event. */
const PART_ITEMS = { subjects: MAX_ARRAY_ITEMS, officers: MAX_ARRAY_ITEMS, conflicts: MAX_ARRAY_ITEMS / 2 } as const;

/** The inputs in parts, each a slice of one list ({@link PART_ITEMS}), in the order subjects, officers, conflicts. */
export function inputsParts(inputs: DrawInputs): InputsPart[] {
  const slices: Omit<InputsPart, 'part' | 'parts'>[] = [];
  for (const list of ['subjects', 'officers', 'conflicts'] as const) {
    const items = inputs[list] as readonly unknown[];
    for (let i = 0; i < items.length; i += PART_ITEMS[list]) {
      slices.push({ [list]: items.slice(i, i + PART_ITEMS[list]) });
    }
  }
  return slices.map((slice, i) => ({ part: i + 1, parts: slices.length, ...slice }));
}

/**
 * A draw's inputs put together again: the lists of its parts, in the order recorded, then those of the draw's own
 * event (empty when there are parts).
 */
export function joinInputs(parts: readonly Omit<InputsPart, 'part' | 'parts'>[]): DrawInputs {
  return {
    subjects: parts.flatMap((p) => p.subjects ?? []),
    officers: parts.flatMap((p) => p.officers ?? []),
    conflicts: parts.flatMap((p) => p.conflicts ?? []) as DrawInputs['conflicts'],
  };
}

/**
 * The draw's events: the draw with its inputs, when they fit in one signed event (src/ledger/json-bounds.ts);
 * otherwise the inputs in parts before it. A draw whose targets alone do not fit is refused.
 */
function drawEvents(data: DrawRecord): PlanEvent[] {
  if (!eventDataViolation(data)) return [{ type: 'InspectionDrawn', data }];
  const parts = inputsParts(data.inputs);
  const draw: DrawRecord = {
    ...data,
    inputs: { subjects: [], officers: [], conflicts: [] },
    inputParts: parts.length,
  };
  if (eventDataViolation(draw)) {
    throw violation('draw_too_large', `the draw's ${data.targets.length} targets are more than one event records`, {
      targets: data.targets.length,
    });
  }
  return [
    ...parts.map((part): PlanEvent => ({ type: 'InspectionInputsPublished', data: part })),
    { type: 'InspectionDrawn', data: draw },
  ];
}

function decideDraw(command: Extract<PlanCommand, { type: 'RecordDraw' }>, state: PlanState): PlanEvent[] {
  const plan = state.plan!;
  if (state.draw) throw conflict('draw_recorded', `plan ${plan.planId} has been drawn already`);
  if (command.treeSize < plan.drawAtSize || command.checkpointSize < plan.drawAtSize) {
    throw conflict('draw_too_early', `the draw waits for the log to reach ${plan.drawAtSize} leaves`, {
      drawAtSize: plan.drawAtSize,
      treeSize: command.treeSize,
    });
  }
  if (command.inputs.subjects.length === 0) throw violation('no_candidates', 'no subject matches the plan');
  const parameters = {
    agency: plan.agency,
    planId: plan.planId,
    size: plan.drawAtSize,
    rootHash: command.rootHash,
    sample: plan.sample,
    inspectorsPerTarget: plan.inspectorsPerTarget,
  };
  let draw;
  try {
    draw = computeDraw(parameters, command.inputs);
  } catch (err) {
    if (!(err instanceof DrawImpossible)) throw err;
    throw violation('inspectors_insufficient', err.message, { subjectId: err.subjectId, eligible: err.eligible });
  }
  const claimed = command.claimed;
  if (
    (claimed?.seed !== undefined && claimed.seed !== draw.seed) ||
    (claimed?.targets !== undefined && JSON.stringify(claimed.targets) !== JSON.stringify(draw.targets))
  ) {
    throw conflict('draw_mismatch', 'the draw given is not the draw the log determines', { seed: draw.seed });
  }
  const data: DrawRecord = {
    size: plan.drawAtSize,
    rootHash: Buffer.from(command.rootHash).toString('base64'),
    checkpointSize: command.checkpointSize,
    seed: draw.seed,
    inputsDigest: draw.inputsDigest,
    inputs: command.inputs,
    targets: draw.targets,
  };
  return drawEvents(data);
}

function decideOutcome(command: Extract<PlanCommand, { type: 'RecordOutcome' }>, state: PlanState): PlanEvent[] {
  const { actor, type: _type, recordedAt, facts, ...record } = command;
  if (!state.draw) throw conflict('draw_missing', `plan ${state.plan!.planId} has not been drawn yet`);
  const target = state.draw.targets.find((t) => t.subjectId === record.subjectId);
  if (!target) throw violation('not_a_target', `subject ${record.subjectId} was not drawn by this plan`);
  const head = actor.roles.includes('admin');
  if (!target.inspectors.includes(actor.sub) && !head) {
    throw new RuleViolation('inspector_required', 403, 'an outcome is recorded by a drawn inspector or the head');
  }
  // 回避: an inspector who has since declared a conflict with the subject no longer inspects it (the head records
  // the outcome of another); nor does one no longer active (suspended or retired)
  if (facts?.conflicted) {
    throw conflict(
      'conflict_declared',
      `officer ${actor.sub} declared a conflict of interest with ${record.subjectId}`,
    );
  }
  if (facts && !facts.recorderActive && !head) {
    throw new RuleViolation('inspector_required', 403, `officer ${actor.sub} is not an active officer`);
  }
  if (record.caseId !== undefined && facts?.caseKnown === false) {
    throw violation('case_unknown', `the agency has no case ${record.caseId}`, { caseId: record.caseId });
  }
  if (state.outcomes.some((o) => o.subjectId === record.subjectId)) {
    throw conflict('outcome_recorded', `the outcome for ${record.subjectId} is recorded already`);
  }
  if (record.inspectedOn < state.plan!.startsOn) throw violation('date_invalid', 'inspected before the plan starts');
  if (record.inspectedOn > latestDateAt(recordedAt)) {
    throw violation('date_invalid', `an inspection on ${record.inspectedOn} is recorded before it took place`, {
      inspectedOn: record.inspectedOn,
    });
  }
  return [{ type: 'InspectionOutcomeRecorded', data: record }];
}

export const planDecider: Decider<PlanCommand, PlanEvent, PlanState> = {
  initialState: () => ({ outcomes: [] }),

  decide(command, state) {
    if (command.type === 'PlanInspection') {
      requireRole(command.actor, ['admin'], 'planning inspections');
      requireAgency(command.actor, command.profile.agency);
      if (state.plan) throw conflict('plan_exists', `plan ${command.profile.planId} is recorded already`);
      checkPlan(command.profile, command.treeSize, command.entry);
      const version = command.entryVersion === undefined ? {} : { entryVersion: command.entryVersion };
      return [
        { type: 'InspectionPlanned', data: { ...command.profile, treeSizeAtPlan: command.treeSize, ...version } },
      ];
    }
    if (!state.plan) throw notFound('no such inspection plan');
    requireAgency(command.actor, state.plan.agency);
    if (command.type === 'RecordDraw') {
      requireRole(command.actor, ['admin'], 'recording a draw');
      return decideDraw(command, state);
    }
    requireRole(command.actor, ['officer', 'admin'], 'recording an inspection outcome');
    return decideOutcome(command, state);
  },

  evolve(state, event) {
    switch (event.type) {
      case 'InspectionPlanned':
        return { ...state, plan: event.data };
      case 'InspectionInputsPublished':
        return state; // the draw's inputs: the rules need only the draw itself
      case 'InspectionDrawn':
        return { ...state, draw: event.data };
      case 'InspectionOutcomeRecorded':
        return { ...state, outcomes: [...state.outcomes, event.data] };
    }
  },
};
