// Test helper process: applies the projections to a SQLite event store's log with the real runner, and kills
// itself with SIGKILL right before committing the batch that reaches position `crashAt` (changes computed, not
// stored), so a test can show that a crash between applying and checkpointing neither loses nor repeats an event.
// With PROJECTION_APPLIER=thread the batches are applied on the projection thread, which kills the process.
import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { SqliteReadModelStore } from '../../src/adapters/sqlite/read-model-store.js';
import { ProjectionRunner } from '../../src/app/projection-runner.js';
import { ThreadApplier } from '../../src/app/thread-applier.js';
import type { ProjectionThreadData } from '../../src/projection-thread.js';
import { crashBeforeCommit } from './crash-before-commit.js';
import { COUNTED_PROJECTIONS, THREAD_PROJECTIONS_MODULE } from './thread-projections.js';

const [eventsPath, modelsPath, crashAtArg, batchArg] = process.argv.slice(2);
process.env.CRASH_AT = crashAtArg;
const projections = COUNTED_PROJECTIONS;
const events = new SqliteEventStore({ path: eventsPath!, writer: 'inline' });
const applier =
  process.env.PROJECTION_APPLIER === 'thread'
    ? new ThreadApplier({
        entry: new URL('../../src/projection-thread.ts', import.meta.url),
        data: {
          path: modelsPath!,
          projections: { module: THREAD_PROJECTIONS_MODULE, name: 'COUNTED_PROJECTIONS' },
          beforeCommit: {
            module: new URL('./crash-before-commit.ts', import.meta.url).href,
            name: 'crashBeforeCommit',
          },
        } satisfies ProjectionThreadData,
      })
    : undefined;
await applier?.open(); // the thread creates the file and its tables
const store = new SqliteReadModelStore({ path: modelsPath!, projections, readonly: applier !== undefined });
const runner = new ProjectionRunner(events, store, projections, {
  batchSize: Number(batchArg ?? 7),
  ...(applier ? { applier } : { beforeCommit: crashBeforeCommit }),
});
if (runner.outdated()) await runner.reset();
void runner.catchUp().then(async (position) => {
  process.stdout.write(`caught up ${position}\n`);
  await applier?.close();
  store.close();
  await events.close();
});
