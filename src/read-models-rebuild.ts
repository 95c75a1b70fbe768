import type { BatchOpener } from './app/free-text-opener.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECTIONS } from '../projections/index.js';
import { systemClock } from './adapters/clock/system-clock.js';
import { damageMark, damaged, isDamage } from './adapters/sqlite/damage.js';
import { lockDataFolder, type FolderLock } from './adapters/sqlite/folder-lock.js';
import { DataFolderInUse, RebuildInProgress } from './errors.js';
import { SqliteReadModelStore } from './adapters/sqlite/read-model-store.js';
import { ProjectionRunner, versionsOf } from './app/projection-runner.js';
import type { EventStore, Position } from './ports/event-store.js';
import type { Projection } from './ports/read-models.js';
import {
  PARALLEL_REBUILD_FROM,
  partPath,
  rebuildOnTwoThreads,
  type ParallelRebuild,
} from './read-models-rebuild-threads.js';

export { PARALLEL_REBUILD_FROM, parallelRebuild, type ParallelRebuild } from './read-models-rebuild-threads.js';

/**
 * Events applied per transaction by a rebuild: large, so that the documents many events change (a case's row, the
 * Merkle tree's) are written once per batch rather than once per event.
 */
export const REBUILD_BATCH = 10_000;

/** Where `ledger rebuild --prepare` leaves read models built for the next start-up, beside the current ones. */
export const preparedPath = (file: string): string => `${file}.next`;

export interface RebuildOptions {
  /** The projections; with {@link parallel}, the same the threads load. */
  readonly projections?: readonly Projection[];
  /** Events per transaction. Default {@link REBUILD_BATCH}. */
  readonly batchSize?: number;
  /** The last position rebuilt. Default: the log's head when called. */
  readonly until?: Position;
  /** Told after each batch. */
  readonly onProgress?: (position: Position, head: Position) => void;
  /** Opens the sealed free text for the projections that show or search it (`freeTextOpener`). */
  readonly open?: BatchOpener;
  /**
   * Rebuild on two threads when the log holds {@link ParallelRebuild.from} events or more and the machine has two
   * cores or more. Default: on this thread.
   */
  readonly parallel?: ParallelRebuild;
  /**
   * Told why a rebuild on two threads was made again on one (a projection read the other thread's documents, or
   * the disk filled: one thread needs less of it).
   */
  readonly onWarning?: (message: string) => void;
  /** Told what a rebuild made (by `readyReadModels`, when it rebuilt). */
  readonly onRebuilt?: (result: RebuildResult) => void;
  /** Who rebuilds, for the message another rebuild of the same read models gets. Default `a rebuild`. */
  readonly holder?: string;
}

/** What a rebuild made, and how. */
export interface RebuildResult {
  readonly applied: number;
  readonly position: Position;
  /** Threads that applied the projections. */
  readonly threads: 1 | 2;
}

/**
 * Builds the read models of the whole log (up to its head when called, or `until`) into `target`: in bulk, into a file beside
 * it (`<target>.rebuild`: the members' indexes made once at the end, commits not synced), which replaces `target`
 * only when complete. An interrupted rebuild leaves `target` as it was. Returns the events applied.
 */
export async function rebuildReadModels(
  events: EventStore,
  target: string,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const lock = holdRebuild(target, options.holder ?? 'a rebuild');
  try {
    return await rebuildHeld(events, target, options);
  } finally {
    lock.release();
  }
}

/** {@link rebuildReadModels}, its lock held. */
async function rebuildHeld(events: EventStore, target: string, options: RebuildOptions): Promise<RebuildResult> {
  const projections = options.projections ?? PROJECTIONS;
  const building = `${target}.rebuild`;
  // what a rebuild stopped part way left (its second thread's file too, whichever way this one runs)
  removeDatabase(building);
  removeDatabase(partPath(building));
  let result: RebuildResult;
  const head = options.until ?? (await events.headPosition());
  const parallel = options.parallel;
  if (parallel && head >= (parallel.from ?? PARALLEL_REBUILD_FROM) && os.availableParallelism() >= 2) {
    try {
      const built = await rebuildOnTwoThreads(events, building, head, projections, parallel, {
        batchSize: options.batchSize ?? REBUILD_BATCH,
        ...(options.open ? { open: options.open } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      removeDatabase(partPath(building));
      replaceDatabase(building, target);
      return { ...built, threads: 2 };
    } catch (err) {
      removeDatabase(building);
      removeDatabase(partPath(building));
      const code = (err as { code?: unknown }).code;
      if (code !== 'not_readable' && code !== 'SQLITE_FULL') throw err;
      // the split is wrong for this log (a projection of one part read the other's documents), or the disk filled
      // (two threads need a part's worth more of it): one thread does it
      options.onWarning?.(`the rebuild on two threads stopped (${(err as Error).message}); rebuilding on one thread`);
    }
  }
  try {
    const store = new SqliteReadModelStore({ path: building, projections, bulk: true });
    try {
      const runner = new ProjectionRunner(events, store, projections, {
        batchSize: options.batchSize ?? REBUILD_BATCH,
        ...(options.open ? { open: options.open } : {}),
      });
      await runner.reset();
      options.onProgress?.(0, head);
      const position = await runner.catchUp({
        until: head,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      store.finishBulk();
      result = { applied: runner.stats().eventsApplied, position, threads: 1 };
    } finally {
      store.close();
    }
  } catch (err) {
    removeDatabase(building);
    throw err;
  }
  replaceDatabase(building, target);
  return result;
}

/** The lock a rebuild holds beside its target (`<target>.rebuild.lock`), so that no two build in the same files. */
function holdRebuild(target: string, command: string): FolderLock {
  try {
    return lockDataFolder(
      path.dirname(target),
      { command, since: systemClock.now() },
      `${path.basename(target)}.rebuild.lock`,
    );
  } catch (err) {
    if (err instanceof DataFolderInUse) throw new RebuildInProgress(target, err.holder);
    throw err;
  }
}

/**
 * Removes what a rebuild of `target` stopped part way (killed, or its machine stopped) left beside it, unless a
 * rebuild holds it now (a `ledger rebuild --prepare` running beside the service): at start-up.
 */
export function removeRebuildLeftovers(target: string): void {
  let lock: FolderLock;
  try {
    lock = holdRebuild(target, 'a start-up clean-up');
  } catch (err) {
    if (err instanceof RebuildInProgress) return;
    throw err;
  }
  try {
    removeDatabase(`${target}.rebuild`);
    removeDatabase(partPath(`${target}.rebuild`));
  } finally {
    lock.release();
  }
}

/**
 * Whether the read models stored in `file` were made by these projections (and this store's layout): a file that
 * does not exist, or cannot be read, was not.
 */
export function builtBy(file: string, projections: readonly Projection[] = PROJECTIONS): boolean {
  if (!fs.existsSync(file)) return false;
  const stored = SqliteReadModelStore.storedVersions(file);
  if (stored === undefined) return false;
  const wanted = versionsOf(projections);
  const names = new Set([...Object.keys(stored), ...Object.keys(wanted)]);
  return [...names].every((name) => stored[name] === wanted[name]);
}

/**
 * Whether the read models in `file` open as the service opens them (their tables, indexes and full-text tables),
 * read-only; false when SQLite finds the file damaged (`SQLITE_CORRUPT`, `SQLITE_NOTADB`). Damage in a page that
 * opening does not read is found only when something reads it (`ledger check` names it).
 */
function opens(file: string, projections: readonly Projection[]): boolean {
  try {
    new SqliteReadModelStore({ path: file, projections, readonly: true }).close();
    return true;
  } catch (err) {
    if (isDamage(err)) return false;
    throw err;
  }
}

/**
 * Makes the read models at `file` current before the service follows the log with them: nothing when they were made
 * by these projections and open, or when there are none and the log is empty; else those `ledger rebuild --prepare`
 * left beside them when they were (then only the events recorded since are applied when the service follows the
 * log); else a rebuild in bulk (`built` when there were none, `repaired` when the file was damaged: read models are
 * the log's views, so a damaged file is made again rather than served). Returns what it did.
 */
export async function readyReadModels(
  events: EventStore,
  file: string,
  options: RebuildOptions = {},
): Promise<'current' | 'prepared' | 'rebuilt' | 'built' | 'repaired'> {
  const projections = options.projections ?? PROJECTIONS;
  for (const target of [file, preparedPath(file)]) {
    if (fs.existsSync(path.dirname(target))) removeRebuildLeftovers(target);
  }
  const current = builtBy(file, projections);
  // a file a read found damaged while in use is made again, even where opening it would not show the damage
  if (current && !fs.existsSync(damageMark(file)) && opens(file, projections)) return 'current';
  const missing = !fs.existsSync(file);
  if (missing && (await events.headPosition()) === 0) return 'current';
  const prepared = preparedPath(file);
  if (builtBy(prepared, projections)) {
    replaceDatabase(prepared, file);
    return 'prepared';
  }
  removeDatabase(prepared);
  // a file whose versions could not be read may be one damaged where they are kept: said as such (its quick check is
  // O(n), as the rebuild that follows is)
  const repaired = current || (!missing && damaged(file));
  const rebuilt = await rebuildReadModels(events, file, options);
  options.onRebuilt?.(rebuilt);
  return missing ? 'built' : repaired ? 'repaired' : 'rebuilt';
}

/** A SQLite database is its file and, in WAL mode, the -wal and -shm files beside it (and its damage mark). */
export function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  fs.rmSync(damageMark(file), { force: true });
}

/**
 * Moves a closed database over another in one rename, so that a crash leaves either file in place, never none. The
 * old file's -wal and -shm, which belong to it, are removed first (the old file without them is its state as of its
 * last checkpoint, still whole); its damage mark after.
 */
function replaceDatabase(from: string, to: string): void {
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${to}${suffix}`, { force: true });
  fs.renameSync(from, to);
  fs.rmSync(damageMark(to), { force: true });
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${from}${suffix}`, { force: true });
}
