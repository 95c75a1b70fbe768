import type { BatchOpener } from './app/free-text-opener.js';
import fs from 'node:fs';
import { PROJECTIONS } from '../projections/index.js';
import { damageMark, damaged, isDamage } from './adapters/sqlite/damage.js';
import { SqliteReadModelStore } from './adapters/sqlite/read-model-store.js';
import { ProjectionRunner, versionsOf } from './app/projection-runner.js';
import type { EventStore, Position } from './ports/event-store.js';
import type { Projection } from './ports/read-models.js';

/**
 * Events applied per transaction by a rebuild: large, so that the documents many events change (a case's row, the
 * Merkle tree's) are written once per batch rather than once per event.
 */
export const REBUILD_BATCH = 10_000;

/** Where `ledger rebuild --prepare` leaves read models built for the next start-up, beside the current ones. */
export const preparedPath = (file: string): string => `${file}.next`;

export interface RebuildOptions {
  readonly projections?: readonly Projection[];
  /** Events per transaction. Default {@link REBUILD_BATCH}. */
  readonly batchSize?: number;
  /** Told after each batch. */
  readonly onProgress?: (position: Position, head: Position) => void;
  /** Opens the sealed free text for the projections that show or search it (`freeTextOpener`). */
  readonly open?: BatchOpener;
}

/**
 * Builds the read models of the whole log (up to its head when called) into `target`: in bulk, into a file beside
 * it (`<target>.rebuild`: the members' indexes made once at the end, commits not synced), which replaces `target`
 * only when complete. An interrupted rebuild leaves `target` as it was. Returns the events applied.
 */
export async function rebuildReadModels(
  events: EventStore,
  target: string,
  options: RebuildOptions = {},
): Promise<{ readonly applied: number; readonly position: Position }> {
  const projections = options.projections ?? PROJECTIONS;
  const building = `${target}.rebuild`;
  removeDatabase(building);
  let result: { applied: number; position: Position };
  try {
    const store = new SqliteReadModelStore({ path: building, projections, bulk: true });
    try {
      const runner = new ProjectionRunner(events, store, projections, {
        batchSize: options.batchSize ?? REBUILD_BATCH,
        ...(options.open ? { open: options.open } : {}),
      });
      await runner.reset();
      const head = await events.headPosition();
      options.onProgress?.(0, head);
      const position = await runner.catchUp({
        until: head,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      store.finishBulk();
      result = { applied: runner.stats().eventsApplied, position };
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
  await rebuildReadModels(events, file, options);
  return missing ? 'built' : repaired ? 'repaired' : 'rebuilt';
}

/** A SQLite database is its file and, in WAL mode, the -wal and -shm files beside it (and its damage mark). */
export function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  fs.rmSync(damageMark(file), { force: true });
}

/** Moves a closed database over another (whose -wal and -shm, which belong to the old file, are removed first). */
function replaceDatabase(from: string, to: string): void {
  removeDatabase(to);
  fs.renameSync(from, to);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${from}${suffix}`, { force: true });
}
