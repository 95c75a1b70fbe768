import path from 'node:path';
import { REBUILD_SECOND_THREAD } from '../projections/index.js';
import { SqliteReadModelStore } from './adapters/sqlite/read-model-store.js';
import type { BatchOpener } from './app/free-text-opener.js';
import { ProjectionRunner } from './app/projection-runner.js';
import { projectionsNamed, SplitApplier } from './app/split-applier.js';
import { ThreadApplier } from './app/thread-applier.js';
import type { UtcOffsets } from './domain/actor.js';
import type { EventStore, Position } from './ports/event-store.js';
import type { Projection } from './ports/read-models.js';
import type { ExportRef, ProjectionThreadData } from './projection-thread.js';

// A rebuild of the read models on two threads (`rebuildReadModels`, src/read-models-rebuild.ts, docs/read-models.md).

/** The fewest events in the log for which a rebuild uses two threads: below, starting them costs more than it saves. */
export const PARALLEL_REBUILD_FROM = 20_000;

/** `.js` compiled, `.ts` through tsx: the threads load the modules this one was loaded as. */
const MODULE_EXT = path.extname(import.meta.url);

/** The service's projections as a thread loads them: `projectionsFor` (given the agencies' offsets). */
export const SERVICE_PROJECTIONS: ExportRef = {
  module: new URL(`../projections/index${MODULE_EXT}`, import.meta.url).href,
  name: 'projectionsFor',
};

/**
 * A rebuild on two threads, each applying a part of the projections into a file of its own, both given the log's
 * batches as read (as stored text where the store keeps it); the second file is then taken into the first
 * ({@link SqliteReadModelStore.absorb}) before the indexes are made. The parts must not read each other's
 * documents: a thread that tries stops the rebuild.
 */
export interface ParallelRebuild {
  /** Where the threads load the projections from: a list, or `projectionsFor` (with `utcOffsets`). */
  readonly projections: ExportRef;
  readonly utcOffsets?: UtcOffsets;
  /** The names of the projections the second thread applies; the first applies the rest. */
  readonly second: readonly string[];
  /** The fewest events in the log for which two threads are used. Default {@link PARALLEL_REBUILD_FROM}. */
  readonly from?: number;
}

/** The service's projections (`projectionsFor(utcOffsets)`) rebuilt on two threads, the split of {@link REBUILD_SECOND_THREAD}. */
export function parallelRebuild(utcOffsets: UtcOffsets, from?: number): ParallelRebuild {
  return {
    projections: SERVICE_PROJECTIONS,
    utcOffsets,
    second: REBUILD_SECOND_THREAD,
    ...(from === undefined ? {} : { from }),
  };
}

/** The file a rebuild on two threads builds its second part in, beside `building`. */
export const partPath = (building: string): string => `${building}-part`;

/**
 * Rebuilds on two threads: the first part of the projections into `building`, the second into the file beside it
 * ({@link partPath}), taken into `building` once both have applied the log up to `head`; the indexes are then made.
 * The caller removes both files when it fails, and the second when it succeeds.
 */
export async function rebuildOnTwoThreads(
  events: EventStore,
  building: string,
  head: Position,
  projections: readonly Projection[],
  parallel: ParallelRebuild,
  options: {
    readonly batchSize: number;
    readonly open?: BatchOpener;
    readonly onProgress?: (position: Position, head: Position) => void;
  },
): Promise<{ applied: number; position: Position }> {
  // checked here, before any thread starts
  const second = projectionsNamed(projections, parallel.second);
  const first = projections.filter((p) => !parallel.second.includes(p.name));
  const part = partPath(building);
  const thread = (file: string, only: readonly Projection[]) =>
    new ThreadApplier({
      entry: new URL(`./projection-thread${MODULE_EXT}`, import.meta.url),
      data: {
        path: file,
        projections: parallel.projections,
        ...(parallel.utcOffsets ? { utcOffsets: parallel.utcOffsets } : {}),
        only: only.map((p) => p.name),
        bulk: true,
      } satisfies ProjectionThreadData,
    });
  const applier = new SplitApplier([thread(building, first), thread(part, second)]);
  let applied: number;
  let position: Position;
  try {
    await applier.open(); // the threads make their files
    // the runner's view of the first file, which has no indexes yet (`bulk`)
    const reader = new SqliteReadModelStore({ path: building, projections: first, readonly: true, bulk: true });
    try {
      const runner = new ProjectionRunner(events, reader, projections, {
        applier,
        batchSize: options.batchSize,
        ...(options.open ? { open: options.open } : {}),
      });
      await runner.reset();
      options.onProgress?.(0, head);
      position = await runner.catchUp({
        until: head,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      applied = runner.stats().eventsApplied;
    } finally {
      reader.close();
    }
  } finally {
    await applier.close();
  }
  const store = new SqliteReadModelStore({ path: building, projections, bulk: true });
  try {
    store.absorb(part, second);
    store.finishBulk();
  } finally {
    store.close();
  }
  return { applied, position };
}
