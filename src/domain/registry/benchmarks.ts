import { requireSomeChange } from '../amendments.js';
import type { Actor } from '../actor.js';
import { requireAgency, requireRole } from '../actor.js';
import type { Decider } from '../decider.js';
import { notFound, violation } from '../errors.js';
import { agencyStream } from '../streams.js';
import type { ItemState } from './items.js';

/**
 * The circumstances of an offence a discretion benchmark (行政处罚裁量基准) grades, lightest first: 轻微 (minor),
 * 一般 (ordinary), 较重 (serious), 严重 (very serious).
 */
export const CIRCUMSTANCES = ['minor', 'ordinary', 'serious', 'very_serious'] as const;
export type Circumstance = (typeof CIRCUMSTANCES)[number];

/** A range of fines in integer fen, both ends included. */
export interface FineRange {
  readonly minFen: number;
  readonly maxFen: number;
}

/** One circumstance of a benchmark: its fine range and what it covers. */
export interface BenchmarkCircumstance extends FineRange {
  readonly circumstance: Circumstance;
  readonly description: string;
}

/** A version of an item's benchmark as an admin sets it. */
export interface BenchmarkProfile {
  readonly itemCode: string;
  readonly agency: string;
  /** The rule or notice the benchmark is published under. */
  readonly basis: string;
  readonly circumstances: readonly BenchmarkCircumstance[];
}

export interface BenchmarkState {
  readonly exists: boolean;
  readonly agency?: string;
  readonly itemCode?: string;
  /** 1 for the first version set, one more for each change. */
  readonly version: number;
  readonly basis?: string;
  readonly circumstances: readonly BenchmarkCircumstance[];
}

export interface SetBenchmark {
  readonly type: 'SetBenchmark';
  readonly actor: Actor;
  readonly profile: BenchmarkProfile;
  /** Why the benchmark changes; required from the second version on. */
  readonly reason?: string;
  /** The item the benchmark grades, as the registry stands (looked up by the application). */
  readonly item: ItemState | undefined;
}

export interface BenchmarkSet {
  readonly type: 'DiscretionBenchmarkSet';
  readonly data: BenchmarkProfile & { readonly version: number; readonly reason?: string };
}

/** An item's benchmark stream: one per item of an agency, every version an event of it. */
export function benchmarkStream(agency: string, itemCode: string): string {
  return agencyStream('benchmark', agency, itemCode);
}

/** The range a benchmark gives a circumstance, or undefined when it grades no such circumstance. */
export function rangeOf(
  benchmark: Pick<BenchmarkState, 'circumstances'> | undefined,
  circumstance: string,
): BenchmarkCircumstance | undefined {
  return benchmark?.circumstances.find((c) => c.circumstance === circumstance);
}

function checkCircumstances(circumstances: readonly BenchmarkCircumstance[]): void {
  const seen = new Set<string>();
  for (const c of circumstances) {
    if (seen.has(c.circumstance)) {
      throw violation('benchmark_invalid', `circumstance ${c.circumstance} is graded twice`, {
        circumstance: c.circumstance,
      });
    }
    seen.add(c.circumstance);
    const whole = (fen: number) => Number.isSafeInteger(fen) && fen >= 0;
    if (!whole(c.minFen) || !whole(c.maxFen) || c.minFen > c.maxFen) {
      throw violation('benchmark_invalid', `the range of ${c.circumstance} must be whole fen with minFen ≤ maxFen`, {
        circumstance: c.circumstance,
      });
    }
  }
  if (seen.size === 0) throw violation('benchmark_invalid', 'a benchmark grades at least one circumstance');
}

/**
 * The discretion benchmarks (裁量基准): per enforcement item, the fine range of each circumstance. Set by the
 * agency's admin for an item on its own list that is not retired; each change is a new version with its reason.
 */
export const benchmarkDecider: Decider<SetBenchmark, BenchmarkSet, BenchmarkState> = {
  initialState: () => ({ exists: false, version: 0, circumstances: [] }),

  decide(command, state) {
    requireRole(command.actor, ['admin'], 'setting discretion benchmarks');
    const { profile, item, reason } = command;
    requireAgency(command.actor, profile.agency);
    if (!item?.exists || item.agency !== profile.agency || item.retired) {
      throw notFound(`no enforcement item ${profile.itemCode} on the list`);
    }
    checkCircumstances(profile.circumstances);
    // the benchmark in force given again (a retry that lost its key) signs no copy
    if (state.exists)
      requireSomeChange(state, { basis: profile.basis, circumstances: profile.circumstances }, 'benchmark');
    if (state.exists && !reason) {
      throw violation('reason_required', 'a change of a benchmark says why', { version: state.version });
    }
    const version = state.version + 1;
    return [{ type: 'DiscretionBenchmarkSet', data: { ...profile, version, ...(reason ? { reason } : {}) } }];
  },

  evolve(_state, event) {
    const { agency, itemCode, basis, circumstances, version } = event.data;
    return { exists: true, agency, itemCode, basis, circumstances, version };
  },
};
