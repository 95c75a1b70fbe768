import type { Position } from '../ports/event-store.js';
import type { Projection } from '../ports/read-models.js';
import type { AppliedBatch, HandedEvent, ProjectionApplier } from './projection-applier.js';

/**
 * Several appliers, each applying its own part of the projections into a store of its own, given the same batches
 * at once: a rebuild on two threads (`rebuildReadModels`). Each part keeps its own position; the split's is the
 * lowest. A batch is answered once every part has answered it, and fails when one part failed: applied again, the
 * parts that had stored it skip it (an applier applies only the events past its stored position), so a retry of
 * the runner lands where each part stands.
 */
export class SplitApplier implements ProjectionApplier {
  constructor(private readonly parts: readonly ProjectionApplier[]) {
    if (parts.length === 0) throw new Error('a split applier needs at least one part');
  }

  async open(): Promise<Position> {
    return Math.min(...(await settled(this.parts.map((part) => part.open()))));
  }

  async reset(): Promise<void> {
    await settled(this.parts.map((part) => part.reset()));
  }

  async apply(batch: readonly HandedEvent[], after?: Position): Promise<AppliedBatch> {
    const answers = await settled(this.parts.map((part) => part.apply(batch, after)));
    const recordedAt = answers.find((answer) => answer.recordedAt !== undefined)?.recordedAt;
    return {
      position: Math.min(...answers.map((answer) => answer.position)),
      events: Math.max(...answers.map((answer) => answer.events)),
      commits: Math.max(...answers.map((answer) => answer.commits)),
      quarantined: answers.flatMap((answer) => answer.quarantined),
      ...(recordedAt === undefined ? {} : { recordedAt }),
    };
  }

  watch(listener: (err: Error) => void): void {
    for (const part of this.parts) part.watch?.(listener);
  }

  async close(): Promise<void> {
    await settled(this.parts.map((part) => part.close()));
  }
}

/** Waits for every promise (no part is left working), then gives their values, or throws the first failure. */
async function settled<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((result) => (result as PromiseFulfilledResult<T>).value);
}

/** The projections named, in their order in `projections` (a split's part): every name must be one of them. */
export function projectionsNamed(projections: readonly Projection[], names: readonly string[]): Projection[] {
  const unknown = names.filter((name) => !projections.some((p) => p.name === name));
  if (unknown.length > 0) throw new Error(`no projection ${unknown.join(', ')}`);
  return projections.filter((p) => names.includes(p.name));
}
