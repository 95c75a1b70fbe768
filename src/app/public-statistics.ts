import type { WorkingDayCalendar } from '../domain/calendar/working-days.js';
import { assembleCaseFile, caseActs } from '../../projections/case-file-read.js';
import { CASES, caseKey, type CaseSummaryDoc } from '../../projections/case-files.js';
import { dateAtOffset } from '../domain/actor.js';
import { publicationDeadline, yearlyStatistics, type YearlyStatistics } from '../domain/statistics.js';
import type { Clock } from '../ports/clock.js';
import type { Position } from '../ports/event-store.js';
import type { ReadModelStore } from '../ports/read-models.js';
import type { EvaluationDoc } from '../../projections/evaluations.js';
import { scoresByItem } from '../domain/case/evaluation-figures.js';
import { caseFacts } from './case-file-views.js';
import { evaluationsOfYear } from './evaluation-reads.js';
import { caughtUp, type ReadConsistency } from './read-consistency.js';
import { readAll } from './read-pages.js';

export interface PublicStatisticsDependencies {
  readonly readModels: ReadModelStore;
  readonly runner: ReadConsistency;
  readonly clock: Clock;
  /** Minutes east of UTC of an agency's local time; the default offset for the figures of every agency. */
  readonly utcOffsetOf: (agency: string) => number;
  /** The calendar a decision's last day to publish counted on weekdays only is counted again on (`yearlyStatistics`). */
  readonly calendar?: WorkingDayCalendar;
}

/** The figures of the yearly report anyone may read: counts and amounts only, never a case, officer or party. */
export type PublicFigures = Omit<YearlyStatistics, 'agency' | 'year' | 'asOf'>;

export interface PublicStatistics {
  readonly year: number;
  /** The agency the figures are of; absent when they are the sum over every agency. */
  readonly agency?: string;
  /** The agencies counted. */
  readonly agencies: readonly string[];
  readonly asOf: string;
  /** The day the year's figures are due to be published (20 January of the next year). */
  readonly deadline: string;
  readonly figures: PublicFigures;
}

/** How many answers are remembered (each for the read models' position it was computed at). */
const REMEMBERED = 32;

/**
 * The yearly statistics of the plan's public report (每年1月20日公开本机关上年度行政执法总体情况有关数据), as
 * anyone may read them: one agency's, or the sum over every agency with cases, judged as of today. Computed by
 * the same `yearlyStatistics` as the supervisors' view (`SupervisionReads.statistics`), over the same case files;
 * only the aggregate figures leave this class. An answer is remembered until the read models move on, so a busy
 * public page does not read every case file of the year per request.
 */
export class PublicStatisticsReads {
  readonly #memo = new Map<string, PublicStatistics>();

  constructor(private readonly deps: PublicStatisticsDependencies) {}

  /** Today where `agency` is (by default, where the service's default offset puts it). */
  today(agency?: string): string {
    return dateAtOffset(this.deps.clock.now(), this.deps.utcOffsetOf(agency ?? ''));
  }

  async statistics(query: {
    readonly year: number;
    readonly agency?: string;
    readonly consistentWith?: Position;
  }): Promise<PublicStatistics> {
    await caughtUp(this.deps.runner, query.consistentWith);
    const asOf = this.today(query.agency);
    const key = `${query.year}|${query.agency ?? ''}|${asOf}|${this.deps.readModels.position()}`;
    const known = this.#memo.get(key);
    if (known) return known;
    const answer = this.compute(query.year, query.agency, asOf);
    if (this.#memo.size >= REMEMBERED) this.#memo.delete(this.#memo.keys().next().value!);
    this.#memo.set(key, answer);
    return answer;
  }

  private compute(year: number, agency: string | undefined, asOf: string): PublicStatistics {
    const y = String(year).padStart(4, '0');
    const docs = readAll<CaseSummaryDoc>(this.deps.readModels, CASES, {
      ...(agency === undefined ? {} : { where: { agency } }),
      range: { member: 'lastActivityOn', from: `${y}-01-01` },
    }).filter((doc) => doc.openedOn <= `${y}-12-31`);
    const cases = docs.map((doc) =>
      caseFacts(assembleCaseFile(doc, caseActs(this.deps.readModels, caseKey(doc.agency, doc.caseId)))),
    );
    const agencies = agency === undefined ? [...new Set(docs.map((d) => d.agency))].sort() : [agency];
    const evaluated = new Map(agencies.map((a) => [a, evaluationsOfYear(this.deps.readModels, a, year)]));
    const parts = (agencies.length === 0 ? [''] : agencies).map((a) =>
      figuresOf(
        yearlyStatistics({
          agency: a,
          year,
          cases,
          asOf,
          evaluations: evaluated.get(a) ?? [],
          utcOffsetMinutes: this.deps.utcOffsetOf(a),
          ...(this.deps.calendar ? { calendar: this.deps.calendar } : {}),
        }),
      ),
    );
    const summed = parts.reduce((sum, part) => addFigures(sum, part) as PublicFigures);
    return {
      year,
      ...(agency === undefined ? {} : { agency }),
      agencies,
      asOf,
      deadline: publicationDeadline(year),
      figures: agency === undefined ? withItemsOfEvery(summed, [...evaluated.values()].flat(), year) : summed,
    };
  }
}

/**
 * The sum over every agency, its evaluations by item grouped again rather than summed (an average is no sum): item
 * codes are unique within their agency only, so each is keyed `<agency>/<itemCode>`.
 */
function withItemsOfEvery(figures: PublicFigures, evaluations: readonly EvaluationDoc[], year: number): PublicFigures {
  const ofYear = evaluations.filter((e) => e.closedYear === year);
  const byItem = scoresByItem(ofYear, (e) => `${e.agency}/${e.itemCode}`);
  return { ...figures, caseFileEvaluations: { ...figures.caseFileEvaluations, byItem } };
}

function figuresOf(statistics: YearlyStatistics): PublicFigures {
  const { agency: _agency, year: _year, asOf: _asOf, ...figures } = statistics;
  return figures;
}

/** The member-wise sum of two figure trees of the same shape (counts and amounts). */
function addFigures(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (a === null || typeof a !== 'object' || b === null || typeof b !== 'object') return a;
  const other = b as Record<string, unknown>;
  return Object.fromEntries(Object.entries(a as Record<string, unknown>).map(([k, v]) => [k, addFigures(v, other[k])]));
}
