import type { BatchOpener } from './free-text-opener.js';
import { isDeepStrictEqual } from 'node:util';
import type { EventStore, Position } from '../ports/event-store.js';
import type { Doc, Projection, ReadModelStore } from '../ports/read-models.js';
import { ProjectionRunner, versionsOf } from './projection-runner.js';
import type { Fault } from './ledger-check.js';

export interface ReadModelCheckDependencies {
  readonly events: EventStore;
  /** The stored read models, as of one moment (a copy, when the service may be running). */
  readonly stored: ReadModelStore;
  /** An empty store the projections are rebuilt into, up to the stored models' position. */
  readonly scratch: ReadModelStore;
  readonly projections: readonly Projection[];
  /** Opens the sealed free text as the service does (`freeTextOpener`), so the rebuilt models can agree. */
  readonly open?: BatchOpener;
}

export interface ReadModelReport {
  readonly checked: boolean;
  /** Why they were not compared, when they were not. */
  readonly skipped?: string;
  readonly position: Position;
  readonly documents: number;
}

/** Documents read per page while comparing; events applied per transaction while rebuilding. */
const PAGE = 1000;

/**
 * Rebuilds every projection from the log into `scratch`, up to the position the stored read models have applied,
 * then compares the two document by document: a stored document that is not what the log gives (edited, added or
 * deleted) is a `read_model_mismatch` fault naming the collection and key, never the document. Stored models ahead
 * of the log are `read_models_ahead`. Models made by other projection versions are not compared (the service
 * rebuilds them at start-up).
 */
export async function checkReadModels(
  deps: ReadModelCheckDependencies,
  fault: (f: Fault) => void,
  onProgress?: (done: number, total: number) => void,
  logSound = true,
): Promise<ReadModelReport> {
  const { stored, scratch, projections } = deps;
  const position = stored.position();
  if (!isDeepStrictEqual({ ...stored.versions() }, versionsOf(projections))) {
    return {
      checked: false,
      skipped: 'made by other projection versions: the service rebuilds them at start-up',
      position,
      documents: 0,
    };
  }
  const head = await deps.events.headPosition();
  if (position > head) {
    fault({
      code: 'read_models_ahead',
      detail: `the read models have applied the log up to position ${position}; the log ends at ${head}`,
      position,
    });
    return { checked: false, skipped: 'ahead of the log', position, documents: 0 };
  }
  const runner = new ProjectionRunner(deps.events, scratch, projections, {
    batchSize: PAGE,
    ...(deps.open ? { open: deps.open } : {}),
  });
  await runner.reset();
  onProgress?.(0, position);
  await runner.catchUp({ until: position, onProgress: (at) => onProgress?.(at, position) });

  let documents = 0;
  for (const projection of projections) {
    for (const { name } of projection.collections) {
      documents += compareCollection(name, stored, scratch, fault, logSound);
    }
  }
  return { checked: true, position, documents };
}

/** Walks both stores' documents of one collection in key order; returns how many stored documents were compared. */
function compareCollection(
  name: string,
  stored: ReadModelStore,
  rebuilt: ReadModelStore,
  fault: (f: Fault) => void,
  logSound: boolean,
): number {
  // a rebuild makes the read models say what the log says: the cure only while the log itself checks out (over
  // a tampered log it would carry the forged values into the views)
  const cure = logSound
    ? 'run `ledger rebuild`'
    : 'the log has faults: resolve them (restore it from a backup) before any `ledger rebuild`';
  const mismatch = (key: string, what: string) =>
    fault({ code: 'read_model_mismatch', detail: `${name}/${key}: ${what} (${cure})` });
  const ours = pagesOf(stored, name);
  const theirs = pagesOf(rebuilt, name);
  let a = ours.next();
  let b = theirs.next();
  let count = 0;
  for (;;) {
    const x = a.done ? undefined : a.value;
    const y = b.done ? undefined : b.value;
    if (!x && !y) return count;
    // SQLite orders keys by their UTF-8 bytes: compare them the same way
    const order = !x ? 1 : !y ? -1 : Buffer.compare(Buffer.from(x.key), Buffer.from(y.key));
    if (order < 0) mismatch(x!.key, 'stored, but the log gives no such document');
    else if (order > 0) mismatch(y!.key, 'the log gives this document, but it is not stored');
    else if (!isDeepStrictEqual(x!.doc, y!.doc)) mismatch(x!.key, 'the stored document differs from the log');
    if (order <= 0) {
      count += 1;
      a = ours.next();
    }
    if (order >= 0) b = theirs.next();
  }
}

function* pagesOf(store: ReadModelStore, name: string): Generator<{ key: string; doc: Doc }> {
  let after: string | undefined;
  for (;;) {
    const page = store.entries(name, { limit: PAGE, ...(after === undefined ? {} : { after }) });
    yield* page;
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.key;
  }
}
