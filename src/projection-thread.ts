import { parentPort, workerData } from 'node:worker_threads';
import { systemClock } from './adapters/clock/system-clock.js';
import { FileKeyWrapper, loadOrCreateMasterKey } from './adapters/keys/master-key.js';
import { SqliteDataKeyStore } from './adapters/sqlite/data-key-store.js';
import { SqliteReadModelStore } from './adapters/sqlite/read-model-store.js';
import { serveApplier } from './app/applier-thread.js';
import { freeTextOpener } from './app/free-text-opener.js';
import { InProcessApplier } from './app/projection-applier.js';
import { projectionsNamed } from './app/split-applier.js';
import { lowerThisThreadPriority } from './thread-priority.js';
import type { UtcOffsets } from './domain/actor.js';
import type { Position } from './ports/event-store.js';
import type { Projection } from './ports/read-models.js';

/** A named export of a module, by URL: how the thread is told which projections to load (functions do not cross). */
export interface ExportRef {
  readonly module: string;
  readonly name: string;
}

/** What the projection thread is started with (`ThreadApplier`'s `data`). */
export interface ProjectionThreadData {
  /** The read-model file; this thread holds its only write connection. */
  readonly path: string;
  /**
   * The projections: a `readonly Projection[]`, or a function of {@link utcOffsets} that gives them
   * (`projectionsFor`); the same list the main thread reads the models with.
   */
  readonly projections: ExportRef;
  /** The agencies' local time, for projections given as a function of it. */
  readonly utcOffsets?: UtcOffsets;
  /**
   * The names of the projections this thread applies, when it applies only these (a rebuild on two threads): the
   * store keeps only their collections, and a read of another's documents stops the thread. Default: all.
   */
  readonly only?: readonly string[];
  /** Open the store for a bulk load (a rebuild into a file of its own: `SqliteReadModelStore`'s `bulk`). */
  readonly bulk?: boolean;
  /** A `(position) => void` called before each commit, for the crash test. Not for production use. */
  readonly beforeCommit?: ExportRef;
  /**
   * The embedded data-key store, when the service keeps its keys there: the thread opens each batch's sealed free
   * text itself, over a connection of its own to that file and with the master key from its file, so that the
   * main thread does not. Without it, the batches arrive opened (or the projections see `[sealed]`).
   */
  readonly freeText?: FreeTextKeys;
  /**
   * The nice value this thread runs at (0..19; `LEDGER_PROJECTION_NICE`): above 0, the request and append threads
   * of the process take the CPU first when both want it. Unset: unchanged.
   */
  readonly nice?: number;
}

/** Where the embedded data-key store and the master key that unwraps its keys are. */
export interface FreeTextKeys {
  readonly dataKeysFile: string;
  readonly masterKeyFile: string;
}

async function load<T>(ref: ExportRef): Promise<T> {
  const module = (await import(ref.module)) as Record<string, unknown>;
  if (!(ref.name in module)) throw new Error(`${ref.module} exports no ${ref.name}`);
  return module[ref.name] as T;
}

// The projection thread: opens the read models' write connection and applies the batches the main thread sends.
const data = workerData as ProjectionThreadData;
const priority = data.nice === undefined ? undefined : lowerThisThreadPriority(data.nice);
const listed = await load<readonly Projection[] | ((offsets: UtcOffsets) => readonly Projection[])>(data.projections);
if (typeof listed === 'function' && !data.utcOffsets) throw new Error('projections of the offsets need utcOffsets');
const all = typeof listed === 'function' ? listed(data.utcOffsets!) : listed;
const projections = data.only ? projectionsNamed(all, data.only) : all;
const beforeCommit = data.beforeCommit ? await load<(position: Position) => void>(data.beforeCommit) : undefined;
const store = new SqliteReadModelStore({ path: data.path, projections, bulk: data.bulk === true });
const readable = data.only ? new Set(projections.flatMap((p) => p.collections.map((c) => c.name))) : undefined;
const keys = data.freeText
  ? new SqliteDataKeyStore(
      data.freeText.dataKeysFile,
      new FileKeyWrapper(loadOrCreateMasterKey(data.freeText.masterKeyFile)),
      systemClock,
    )
  : undefined;
serveApplier(
  parentPort!,
  new InProcessApplier(store, projections, {
    ...(beforeCommit ? { beforeCommit } : {}),
    ...(readable ? { readable } : {}),
  }),
  () => {
    store.close();
    keys?.close();
  },
  keys && freeTextOpener(keys),
  priority,
);
